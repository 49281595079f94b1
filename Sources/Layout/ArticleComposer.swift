import Diagnostics
import Model
import Pages
import Typesetting

/// Turns an article's body into flowables set at the column width.
struct ArticleComposer {
    let typesetter: Typesetter
    let layout: LayoutSpec
    let columnWidth: Pt
    let columnHeight: Pt
    let frameWidth: Pt

    /// An article's body: its blocks, the footnotes at the foot of the columns that refer to
    /// them (carried by the lines that do), or after the body when the layout says `end`.
    func flowables(_ article: Article) throws -> [Flowable] {
        let notes = try setNotes(article.footnotes)
        var out: [Flowable] = []
        var previous: Block.Kind?
        for (n, block) in article.blocks.enumerated() {
            let dropCap = n == 0 ? layout.style(.first).dropCap : 0
            try append(block, after: previous, indent: 0, into: &out, dropCap: dropCap)
            previous = block.kind
        }
        let unplaced = claim(notes, in: &out, atColumnFoot: layout.blocks.footnotes == .column)
        // After the article: every note with `footnotes: end`, else those referred to only from
        // a table or a caption (which have no line of their own to carry them).
        if !unplaced.isEmpty {
            out.append(.space(layout.style(.footnote).leading))
            for number in unplaced {
                let lines = notes[number] ?? []
                for (i, line) in lines.enumerated() { out.append(.line(LineBox(line: line, index: i, count: lines.count))) }
            }
        }
        return out
    }

    /// The blocks alone (no footnotes): the tests' entry.
    func flowables(_ blocks: [Block]) throws -> [Flowable] {
        try flowables(Article(path: "", slug: "", title: "", blocks: blocks))
    }

    /// Each note set at column width in the footnote style, its number before it.
    private func setNotes(_ footnotes: [Footnote]) throws -> [Int: [SetLine]] {
        var out: [Int: [SetLine]] = [:]
        var style = layout.style(.footnote)
        style.firstLineIndent = 0
        for note in footnotes {
            out[note.number] = try typesetter.set([.text("\(note.number). ")] + note.inlines, style: style, width: columnWidth,
                                                  indentFirstLine: false)
        }
        return out
    }

    /// Takes the footnote markers off the runs that carry them (they are no links) and, at the
    /// column's foot, gives each note to the first line that refers to it: the flow sets it at
    /// the foot of that line's column. Returns the notes left for after the article, in order.
    private func claim(_ notes: [Int: [SetLine]], in out: inout [Flowable], atColumnFoot: Bool) -> [Int] {
        guard !notes.isEmpty else { return [] }
        var given = Set<Int>()
        func unmark(_ line: inout SetLine) -> [Int] {
            var numbers: [Int] = []
            for r in line.runs.indices {
                guard let n = StyledText.footnoteNumber(line.runs[r].link) else { continue }
                line.runs[r].link = nil
                numbers.append(n)
            }
            return numbers
        }
        func unmark(_ rows: inout [RowBox]) {
            for r in rows.indices { for c in rows[r].cells.indices { for l in rows[r].cells[c].lines.indices { _ = unmark(&rows[r].cells[c].lines[l]) } } }
        }
        for i in out.indices {
            switch out[i] {
            case .line(var box):
                for n in unmark(&box.line) where atColumnFoot && !given.contains(n) {
                    given.insert(n)
                    if let lines = notes[n] { box.notes.append(lines) }
                }
                out[i] = .line(box)
            case .row(var row):
                var rows = [row]
                unmark(&rows)
                row = rows[0]
                out[i] = .row(row)
            case .figure(var box):
                for l in box.caption.indices { _ = unmark(&box.caption[l]) }
                if var rows = box.table {
                    unmark(&rows)
                    box.table = rows
                }
                out[i] = .figure(box)
            case .space:
                break
            }
        }
        return notes.keys.sorted().filter { !given.contains($0) }
    }

    private func append(_ block: Block, after previous: Block.Kind?, indent: Pt, into out: inout [Flowable],
                        quoted: Bool = false, quoteStyle: TextStyle? = nil, dropCap: Int = 0) throws {
        let width = columnWidth - indent
        switch block.kind {
        case .paragraph(let inlines):
            let style = quoteStyle ?? layout.style(BlockStyle.paragraph(after: previous, quoted: quoted))
            if dropCap >= 2, let initial = try dropCapLines(inlines, lines: dropCap, style: style, width: width, source: block.range) {
                out += initial
                return
            }
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
        case .quote(let blocks, let name):
            // A styled quote (a pull quote) is set in its own style across the column, between
            // the rules the style asks for; an unknown style was reported by the checks.
            let custom = name.flatMap { layout.style(named: $0) }
            let style = custom ?? layout.style(.quote)
            out.append(.space(style.spaceBefore))
            let start = out.count
            var inner: Block.Kind?
            for child in blocks {
                try append(child, after: inner, indent: custom == nil ? indent + layout.blocks.quoteIndent : indent, into: &out,
                           quoted: true, quoteStyle: custom)
                inner = child.kind
            }
            if !style.rules.isEmpty {
                let lines = out.indices.filter { i in
                    guard i >= start, case .line = out[i] else { return false }
                    return true
                }
                if let first = lines.first, case .line(var box) = out[first], style.rules.contains(.above) {
                    box.rules.insert(.above)
                    out[first] = .line(box)
                }
                if let last = lines.last, case .line(var box) = out[last], style.rules.contains(.below) {
                    box.rules.insert(.below)
                    out[last] = .line(box)
                }
            }
            out.append(.space(style.spaceAfter))
        case .table(let table):
            try append(table, source: block.range, into: &out)
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

    /// A table: at column width, row by row, its caption kept with its header; at the page's
    /// width, whole, as a wide figure, when its words do not fit a column.
    private func append(_ table: Table, source: SourceRange, into out: inout [Flowable]) throws {
        let setter = TableSetter(typesetter: typesetter, layout: layout)
        let style = layout.style(.table)
        let captionStyle = layout.style(.tableCaption)
        if try setter.spans(table, columnWidth: columnWidth) {
            // Too wide for the page as well: reported by the checks; set as narrow as it goes.
            let width = max(frameWidth, try setter.minimumWidth(table))
            guard let rows = try setter.rows(table, width: width, source: source) else { return }
            let caption = try table.caption.map { try typesetter.set($0, style: captionStyle, width: width, indentFirstLine: false) } ?? []
            let height = rows.reduce(Pt(0)) { $0 + $1.height }
            out.append(.figure(FigureBox(image: nil, imageSize: Size(width: width, height: height), caption: caption,
                                         spaceBelow: style.spaceAfter, wide: true, source: source, table: rows)))
            return
        }
        guard let rows = try setter.rows(table, width: columnWidth, source: source) else { return }
        out.append(.space(style.spaceBefore))
        if let caption = table.caption {
            let lines = try typesetter.set(caption, style: captionStyle, width: columnWidth, indentFirstLine: false)
            for (n, line) in lines.enumerated() {
                out.append(.line(LineBox(line: line, keepWithNext: true, source: source, index: n, count: lines.count)))
            }
            out.append(.space(captionStyle.spaceAfter))
        }
        out += rows.map { .row($0) }
        out.append(.space(style.spaceAfter))
    }

    /// The article's first paragraph with an initial `lines` tall in the title's face: the
    /// initial's capital spans from the first line's capital height to the last line's
    /// baseline; its diacritics (Ở, Ấ) rise above, and the flow keeps their ink clear of what
    /// is above. Nil when the paragraph does not open with a letter or a digit.
    private func dropCapLines(_ inlines: [Inline], lines n: Int, style: TextStyle, width: Pt, source: SourceRange) throws -> [Flowable]? {
        guard let (initial, rest) = DropCap.split(inlines) else { return nil }
        var capStyle = layout.style(.title)
        capStyle.uppercase = false
        capStyle.tracking = 0
        capStyle.firstLineIndent = 0
        capStyle.align = .left
        // Capital heights: the text's, and the title face's per point.
        let textCap = try typesetter.set("H", style: style, width: Pt(1000)).first?.inkAscent ?? style.size * 0.7
        var probe = capStyle
        probe.size = 100
        let capPerPoint = (try typesetter.set("H", style: probe, width: Pt(10_000)).first?.inkAscent.value ?? 70) / 100
        capStyle.size = (style.leading * Double(n - 1) + textCap) / max(capPerPoint, 0.1)
        capStyle.leading = capStyle.size
        guard var cap = try typesetter.set(String(initial), style: capStyle, width: Pt(10_000)).first else { return nil }
        let gap = style.size * 0.35
        let hang = cap.naturalWidth + gap
        var text = try typesetter.set(rest, style: style, width: width, indentFirstLine: false, hanging: (n, hang))
        guard !text.isEmpty else { return nil }
        // The initial reads as part of its word: its own glyph stands for no text, and the first
        // line's first letter for both ("S" + "áng" reads "Sáng" in any PDF reader).
        let initialBytes = String(initial).utf8.count
        if !cap.runs.isEmpty { cap.runs[0].text = "" }
        if var run = text[0].runs.first, let firstCluster = run.glyphs.first?.cluster {
            run.text = String(initial) + run.text
            run.glyphs = run.glyphs.map { g in
                PlacedGlyph(id: g.id, x: g.x, y: g.y, cluster: g.cluster == firstCluster ? g.cluster : g.cluster + initialBytes)
            }
            text[0].runs[0] = run
        }
        let drop = style.leading * Double(n - 1)
        // The first line's ink reaches as high as the initial's above the first baseline.
        text[0].inkAscent = max(text[0].inkAscent, cap.inkAscent - drop)
        cap.leading = style.leading
        var out: [Flowable] = [.space(style.spaceBefore)]
        for (k, line) in text.enumerated() {
            var box = LineBox(line: line, source: source, index: k, count: text.count)
            if k == 0 {
                box.initial = cap
                box.initialDrop = drop
            }
            out.append(.line(box))
        }
        // A paragraph shorter than its initial leaves room for it.
        if text.count < n { out.append(.space(style.leading * Double(n - text.count))) }
        out.append(.space(style.spaceAfter))
        return out
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

/// The initial of a paragraph that opens with a drop cap.
enum DropCap {
    /// The paragraph's first character (a letter or digit, with its diacritics) and the
    /// inlines without it; nil when the paragraph opens otherwise (a quote mark, a number's sign).
    static func split(_ inlines: [Inline]) -> (Character, [Inline])? {
        guard let first = inlines.first else { return nil }
        switch first {
        case .text(let s):
            guard let c = s.first, c.isLetter || c.isNumber else { return nil }
            let rest = String(s.dropFirst())
            return (c, (rest.isEmpty ? [] : [.text(rest)]) + inlines.dropFirst())
        case .emphasis(let inner), .strong(let inner):
            guard let (c, rest) = split(inner) else { return nil }
            let wrapped: Inline = if case .emphasis = first { .emphasis(rest) } else { .strong(rest) }
            return (c, (rest.isEmpty ? [] : [wrapped]) + inlines.dropFirst())
        default:
            return nil
        }
    }
}
