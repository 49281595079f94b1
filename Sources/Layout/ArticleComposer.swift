import Diagnostics
import Model
import Typesetting

/// Turns an article's body into flowables set at the column width.
struct ArticleComposer {
    let typesetter: Typesetter
    let layout: LayoutSpec
    let columnWidth: Pt
    let columnHeight: Pt
    let frameWidth: Pt

    func flowables(_ blocks: [Block]) throws -> [Flowable] {
        var out: [Flowable] = []
        var previous: Block.Kind?
        for block in blocks {
            try append(block, after: previous, indent: 0, into: &out)
            previous = block.kind
        }
        return out
    }

    private func append(_ block: Block, after previous: Block.Kind?, indent: Pt, into out: inout [Flowable],
                        quoted: Bool = false) throws {
        let width = columnWidth - indent
        switch block.kind {
        case .paragraph(let inlines):
            let style = layout.style(BlockStyle.paragraph(after: previous, quoted: quoted))
            let lines = try typesetter.set(inlines, style: style, width: width)
            appendLines(lines, style: style, indent: indent, source: block.range, into: &out)
        case .heading(let level, let inlines):
            let style = layout.style(BlockStyle.heading(level: level))
            let lines = try typesetter.set(inlines, style: style, width: width, indentFirstLine: false)
            appendLines(lines, style: style, indent: indent, keepWithNext: true, source: block.range, into: &out)
        case .list(let ordered, let start, let items):
            let style = layout.style(BlockStyle.list)
            out.append(.space(style.spaceBefore))
            for (n, item) in items.enumerated() {
                let marker = try typesetter.set([.text(ordered ? "\(start + n)." : "•")], style: leftAligned(style),
                                                width: layout.blocks.listIndent * 4, indentFirstLine: false).first
                var itemFlow: [Flowable] = []
                var inner: Block.Kind?
                for child in item {
                    try append(child, after: inner, indent: indent + layout.blocks.listIndent, into: &itemFlow, quoted: quoted)
                    inner = child.kind
                }
                if let i = itemFlow.firstIndex(where: { if case .line = $0 { true } else { false } }),
                   case .line(var box) = itemFlow[i] {
                    box.marker = marker
                    itemFlow[i] = .line(box)
                }
                out += itemFlow
            }
            out.append(.space(style.spaceAfter))
        case .quote(let blocks):
            let style = layout.style(.quote)
            out.append(.space(style.spaceBefore))
            var inner: Block.Kind?
            for child in blocks {
                try append(child, after: inner, indent: indent + layout.blocks.quoteIndent, into: &out, quoted: true)
                inner = child.kind
            }
            out.append(.space(style.spaceAfter))
        case .code(_, let text):
            let style = layout.style(BlockStyle.code)
            let lines = try typesetter.setCode(text, style: style, width: width)
            appendLines(lines, style: style, indent: indent, into: &out)
        case .figure(let figure):
            // Wide images (a diagram, a panorama) span all columns when the layout says so.
            let wide = layout.columns > 1 && figure.image.aspectRatio < 1 / layout.figureWideRatio
            // A wide figure spans no wider than its resolution allows (300 ppi), but at least a column.
            let sharp = Pt(Double(figure.image.pixelWidth) / layout.figureMinPPI * 72)
            let span = wide ? min(frameWidth, max(width, sharp)) : width
            out.append(.figure(try box(figure, width: span, wide: wide, source: block.range)))
        case .rule:
            out.append(.space(layout.blocks.breakSpace))
        }
    }

    private func appendLines(_ lines: [SetLine], style: TextStyle, indent: Pt, keepWithNext: Bool = false,
                             source: SourceRange? = nil, into out: inout [Flowable]) {
        out.append(.space(style.spaceBefore))
        for (n, line) in lines.enumerated() {
            out.append(.line(LineBox(line: line, indent: indent, keepWithNext: keepWithNext, source: source,
                                     index: n, count: lines.count)))
        }
        out.append(.space(style.spaceAfter))
    }

    /// The image at column width, scaled down when it would take more than the layout's
    /// share of the column; the caption and credit under it at the image's width.
    func box(_ figure: Figure, width: Pt, wide: Bool, source: SourceRange?) throws -> FigureBox {
        var size = Size(width: width, height: width * figure.image.aspectRatio)
        let maxHeight = columnHeight * layout.figureMaxHeight
        if size.height > maxHeight {
            size = Size(width: maxHeight / figure.image.aspectRatio, height: maxHeight)
        }
        var caption = try typesetter.set(figure.caption, style: layout.style(BlockStyle.caption), width: size.width, indentFirstLine: false)
        if let credit = figure.credit {
            caption += try typesetter.set(credit, style: layout.style(BlockStyle.credit), width: size.width)
        }
        return FigureBox(image: figure.image, imageSize: size, caption: caption, spaceBelow: layout.style(BlockStyle.caption).spaceAfter,
                         wide: wide, source: source)
    }

    private func leftAligned(_ style: TextStyle) -> TextStyle {
        var s = style
        s.align = .left
        return s
    }
}
