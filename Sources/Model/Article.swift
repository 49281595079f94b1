/// One article: front matter plus the Markdown body as blocks.
public struct Article: Sendable {
    /// Where it came from (display path), for diagnostics.
    public var path: String
    /// The URL segment of its web page: the title without tones, đ→d, hyphenated, unique in
    /// its issue; or the front matter's `slug:`.
    public var slug: String
    /// True when the front matter gave the slug: no other article may take it.
    public var slugIsPinned: Bool
    public var title: String
    public var subtitle: String?
    public var authors: [String]
    public var date: ISODate?
    public var summary: String?
    public var tags: [String]
    public var blocks: [Block]
    /// The footnotes, numbered in the order they are first referenced.
    public var footnotes: [Footnote]
    /// The alt text of a figure, by its image's path in the issue folder (`images/hoi-nghi.jpg`),
    /// from the front matter's `alt:`. A figure without one gets an empty alt on the web: its
    /// caption already says what it shows, and a screen reader would read it twice.
    public var alt: [String: String] = [:]

    public init(path: String, slug: String, title: String, subtitle: String? = nil, authors: [String] = [],
                date: ISODate? = nil, summary: String? = nil, tags: [String] = [], blocks: [Block], footnotes: [Footnote] = [],
                slugIsPinned: Bool = false) {
        self.footnotes = footnotes
        self.path = path
        self.slug = slug
        self.slugIsPinned = slugIsPinned
        self.title = title
        self.subtitle = subtitle
        self.authors = authors
        self.date = date
        self.summary = summary
        self.tags = tags
        self.blocks = blocks
    }

    public var figures: [Figure] {
        blocks.flatMap(\.figures)
    }
}
