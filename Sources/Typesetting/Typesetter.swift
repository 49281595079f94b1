import Model

/// Sets paragraphs: the one entry point of the typesetting stage.
public struct Typesetter: Sendable {
    public let fonts: FontLibrary
    public let layout: LayoutSpec

    public init(fonts: FontLibrary, layout: LayoutSpec) {
        self.fonts = fonts
        self.layout = layout
    }

    /// Sets `inlines` in `style` to lines `width` wide; the first line is indented by the
    /// style's first-line indent unless `indentFirstLine` is false.
    /// `hanging` narrows the first lines and moves them right, beside a drop cap.
    public func set(_ inlines: [Inline], style: TextStyle, width: Pt, indentFirstLine: Bool = true,
                    hanging: (lines: Int, by: Pt)? = nil) throws -> [SetLine] {
        var runs = StyledText.runs(inlines, uppercase: style.uppercase)
        if layout.noBreakSpace == .space {
            for i in runs.indices where runs[i].text.utf8.contains(0xA0) {
                runs[i].text = String(String.UnicodeScalarView(runs[i].text.unicodeScalars.map { $0 == "\u{A0}" ? " " : $0 }))
            }
        }
        let firstIndent = indentFirstLine ? style.firstLineIndent.value : 0
        let hang = hanging.map { ($0.lines, $0.by.value) } ?? (0, 0)
        let indent = { (line: Int) in line < hang.0 ? hang.1 : line == 0 ? firstIndent : 0 }
        let measure = { (line: Int) in width.value - indent(line) }
        // A word no line can hold is cut, as a last resort, rather than let run out of the column.
        let items = WordCutter.cut(try ParagraphItems(fonts: fonts, layout: layout, style: style).items(runs),
                                   toFit: min(measure(0), measure(1)))
        let setter = LineSetter(style: style)
        let breaks = layout.breaking == .greedy
            ? GreedyBreaker().breaks(items, width: measure)
            : TotalFitBreaker().breaks(items, width: measure)
        return breaks.enumerated().map { n, b in
            var line = setter.set(items, b.range, measure: measure(n), indent: indent(n), isLast: b.isLast)
            line.endsInsideWord = WordCutter.endsAtCut(items, b.range)
            return line
        }
    }

    /// Sets a plain text — a title, a byline, a running head — with no first-line indent.
    public func set(_ text: String, style: TextStyle, width: Pt) throws -> [SetLine] {
        try set([.text(text)], style: style, width: width, indentFirstLine: false)
    }

    /// Sets code: one line per source line, never justified; leading indentation kept as an
    /// offset. A line wider than the column wraps — after a space, comma, semicolon or slash
    /// when one is near the end, else between characters — and continues two characters in.
    public func setCode(_ text: String, style: TextStyle, width: Pt) throws -> [SetLine] {
        var left = style
        left.align = .left
        let font = try fonts.font(for: left, in: layout)
        let advance = Pt((font.shape(" ").first?.advance ?? font.unitsPerEm * 0.6) / font.unitsPerEm * style.size.value)
        var out: [SetLine] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            var rest = Substring(line.dropFirst(indent))
            var column = indent
            repeat {
                let fits = max(8, Int((width / advance).rounded(.down)) - column)
                let piece = CodeWrap.cut(rest, fitting: fits)
                out.append(try codeLine(String(piece), style: left, width: width, indent: advance * Double(column)))
                rest = rest.dropFirst(piece.count)
                column = indent + 2
            } while !rest.isEmpty
        }
        return out
    }

    private func codeLine(_ text: String, style: TextStyle, width: Pt, indent: Pt) throws -> SetLine {
        var line = try set(text.isEmpty ? [] : [.text(text)], style: style, width: Pt(100_000), indentFirstLine: false).first
            ?? SetLine(width: width, naturalWidth: 0, ratio: 0, ascent: 0, descent: 0, leading: style.leading, runs: [])
        line.width = width
        line.runs = line.runs.map { run in
            var run = run
            run.x = run.x + indent
            return run
        }
        return line
    }
}

/// Where a line of code is cut to fit a column of monospaced characters.
enum CodeWrap {
    static func cut(_ text: Substring, fitting count: Int) -> Substring {
        guard text.count > count else { return text }
        let head = text.prefix(count)
        // Prefer a break after punctuation or a space in the last 40 % of the line.
        if let i = head.lastIndex(where: { ",;/ ".contains($0) }), head.distance(from: head.startIndex, to: i) >= count * 6 / 10 {
            return text[...i]
        }
        return head
    }
}
