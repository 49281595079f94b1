import Model

/// Which paragraph style sets a block of an article: the one mapping that the composer and the
/// checks (glyph coverage) share, so a check looks at the font the text is really set in.
public enum BlockStyle {
    /// A paragraph: `quote` inside a block quote, `first` when it opens a run of paragraphs
    /// (after a heading, a list, a figure, or at the start), else `body`.
    public static func paragraph(after previous: Block.Kind?, quoted: Bool) -> StyleName {
        if quoted { return .quote }
        let opensRun = previous.map { if case .paragraph = $0 { false } else { true } } ?? true
        return opensRun ? .first : .body
    }

    /// `##` and above set in `heading2`, `###` and below in `heading3`.
    public static func heading(level: Int) -> StyleName {
        level <= 2 ? .heading2 : .heading3
    }

    public static let list = StyleName.list
    public static let code = StyleName.code
    public static let caption = StyleName.caption
    public static let credit = StyleName.credit
}
