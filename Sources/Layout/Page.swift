/// Layout: from the document and set lines to pages.
///
/// Steps: `PageGeometry` places the trim, bleed, margins and columns of each page →
/// `ArticleComposer` turns an article's blocks into `Flowable`s (set lines, figures, space) →
/// `ColumnFlow` pours them into columns and pages → `CoverPage`, `ContentsPage` and
/// `RunningHeads` add the furniture → `Paginator` ties it together and pads the
/// page count for saddle stitching. The output, `[Page]`, is all the PDF stage sees.
@_exported import Model
@_exported import Typesetting

/// One printed page: media size (trim + bleed), its boxes, and what is drawn on it.
/// Coordinates are points from the top-left corner of the media, y pointing down.
public struct Page: Sendable {
    public enum Kind: String, Sendable {
        case cover, contents, article, blank, colophon
    }

    /// The physical page number, 1-based, also the printed folio.
    public var number: Int
    public var kind: Kind
    public var mediaSize: Size
    public var trimBox: Rect
    public var bleed: Pt
    public var items: [PageItem]
    /// The article this page belongs to, for running heads and bookmarks.
    public var articleTitle: String?
    public var sectionTitle: String?
    /// True on the page where an article starts.
    public var opensArticle: Bool
    /// What the column flow put where: for the page dump and the tests of widows, orphans
    /// and headings.
    public var marks: [FlowMark] = []
    /// Named places (an article's opening), for links and bookmarks in the screen PDF.
    public var anchors: [Anchor] = []

    public init(number: Int, kind: Kind, mediaSize: Size, trimBox: Rect, bleed: Pt, items: [PageItem] = [],
                articleTitle: String? = nil, sectionTitle: String? = nil, opensArticle: Bool = false) {
        self.number = number
        self.kind = kind
        self.mediaSize = mediaSize
        self.trimBox = trimBox
        self.bleed = bleed
        self.items = items
        self.articleTitle = articleTitle
        self.sectionTitle = sectionTitle
        self.opensArticle = opensArticle
    }

    /// Right-hand pages have odd numbers.
    public var isRecto: Bool { number % 2 == 1 }
}

public struct Anchor: Sendable, Hashable {
    public var name: String
    public var at: Point

    public init(name: String, at: Point) {
        self.name = name
        self.at = at
    }
}

/// One line, heading line or figure as the column flow placed it.
public struct FlowMark: Sendable, Hashable {
    public enum Kind: String, Sendable { case line, heading, figure }
    public var column: Int
    public var kind: Kind
    /// The paragraph (or figure) in its source file.
    public var source: SourceRange?
    /// Position of the line in its paragraph, and the paragraph's number of lines.
    public var index: Int
    public var count: Int
    public var top: Pt
    public var bottom: Pt
}

public enum PageItem: Sendable {
    /// A glyph run whose baseline starts at `origin`.
    case text(GlyphRun, origin: Point)
    case image(ImageRef, frame: Rect, clip: Rect?)
    case rule(from: Point, to: Point, width: Pt, color: Color)
    case fill(Rect, Color)
}

public struct Point: Hashable, Sendable, CustomStringConvertible {
    public var x: Pt
    public var y: Pt
    public init(x: Pt, y: Pt) {
        self.x = x
        self.y = y
    }
    public var description: String { "(\(x.formatted),\(y.formatted))" }
}
