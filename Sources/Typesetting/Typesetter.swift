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
    public func set(_ inlines: [Inline], style: TextStyle, width: Pt, indentFirstLine: Bool = true) throws -> [SetLine] {
        let runs = StyledText.runs(inlines, uppercase: style.uppercase)
        let items = try ParagraphItems(fonts: fonts, layout: layout, style: style).items(runs)
        let indent = indentFirstLine ? style.firstLineIndent.value : 0
        let measure = { (line: Int) in width.value - (line == 0 ? indent : 0) }
        let setter = LineSetter(style: style)
        let breaks = GreedyBreaker().breaks(items, width: measure)
        return breaks.enumerated().map { n, b in
            setter.set(items[b.range], measure: measure(n), indent: n == 0 ? indent : 0, isLast: b.isLast)
        }
    }

    /// Sets a plain text — a title, a byline, a running head — with no first-line indent.
    public func set(_ text: String, style: TextStyle, width: Pt) throws -> [SetLine] {
        try set([.text(text)], style: style, width: width, indentFirstLine: false)
    }

    /// Sets code: one output line per source line, never justified or broken; leading
    /// indentation is kept as an offset of the monospaced space's width.
    public func setCode(_ text: String, style: TextStyle, width: Pt) throws -> [SetLine] {
        var left = style
        left.align = .left
        let space = try fonts.font(for: left, in: layout).shape(" ").first?.advance ?? 0
        let em = try fonts.font(for: left, in: layout).unitsPerEm
        return try text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> SetLine in
            let indent = Pt(Double(line.prefix { $0 == " " }.count) * space / em * style.size.value)
            let content = line.drop { $0 == " " }
            var set = try self.set(content.isEmpty ? [] : [.text(String(content))], style: left, width: Pt(100_000),
                                   indentFirstLine: false).first
                ?? SetLine(width: width, naturalWidth: 0, ratio: 0, ascent: 0, descent: 0, leading: style.leading, runs: [])
            set.width = width
            set.runs = set.runs.map { run in
                var run = run
                run.x = run.x + indent
                return run
            }
            return set
        }
    }
}
