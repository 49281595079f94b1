/// The paragraph and character styles a layout declares, by the names `layouts/*.yaml` use.
/// `layouts/defaults.yaml` gives every one of them; a layout overrides some.
public enum StyleName: String, Sendable, Hashable, CaseIterable, Comparable {
    // An article's text.
    case body, first, title, subtitle, standfirst, byline, heading2, heading3, quote, list, code, caption, credit
    /// Tables: the block (its spacing and rules' colour), header cells, body cells, caption.
    case table, tableHeader = "table-header", tableCell = "table-cell", tableCaption = "table-caption"
    /// A footnote's text, at the foot of a column or after the article.
    case footnote
    // Page furniture.
    case runningHead = "running-head", folio
    /// The section's name above an article's title.
    case kicker
    case coverTitle = "cover-title", coverLine = "cover-line", coverHeadline = "cover-headline"
    /// The contents page: a section's name, an article's title, its page number.
    case contentsSection = "contents-section", contentsEntry = "contents-entry", contentsPage = "contents-page"
    /// The padding pages: the blank page's line, the notes page's and the advertisement's heading and text.
    case blankPage = "blank-page", notesTitle = "notes-title", advertTitle = "advert-title", advertText = "advert-text"
    /// The colophon: the publication's name, a heading ("Ban Biên tập"), a line of the imprint.
    case colophonTitle = "colophon-title", colophonHeading = "colophon-heading", colophonText = "colophon-text"

    public static func < (a: StyleName, b: StyleName) -> Bool { a.rawValue < b.rawValue }
}

/// A style for every `StyleName`, so asking for one cannot fail.
public struct Styles: Sendable, Hashable {
    private var values: [StyleName: TextStyle]
    /// The styles a layout defines beyond the built-in ones, by name.
    public var custom: [String: TextStyle] = [:]

    /// Makes every style, in the order of `StyleName.allCases`.
    public init(_ make: (StyleName) throws -> TextStyle) rethrows {
        var values: [StyleName: TextStyle] = [:]
        for name in StyleName.allCases { values[name] = try make(name) }
        self.values = values
    }

    public subscript(name: StyleName) -> TextStyle {
        // Present by construction: `init` makes every case.
        get { values[name]! }
        set { values[name] = newValue }
    }
}
