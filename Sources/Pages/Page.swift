/// Pages: the page IR — what the layout hands to the PDF writer and the previews.
///
/// A `Page` is its media size, boxes and a list of `PageItem`s (glyph runs, images, rules,
/// fills) in points from the media's top-left corner, plus named `Anchor`s for links. Nothing
/// here knows how the page was laid out: the layout's bookkeeping (flow records, running-head
/// titles) stays in Layout, and the PDF stage sees only this module (and Model's units).
import Model

/// One printed page: media size (trim + bleed), its boxes, and what is drawn on it.
/// Coordinates are points from the top-left corner of the media, y pointing down.
public struct Page: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case cover, contents, article, blank, colophon
    }

    /// The physical page number, 1-based, also the printed folio.
    public var number: Int
    public var kind: Kind
    public var mediaSize: Size
    public var trimBox: Rect
    public var bleed: Pt
    public var items: [PageItem]
    /// Named places (an article's opening), for links and bookmarks in the screen PDF.
    public var anchors: [Anchor]
    /// print.pdf only, outside the bleed: the slug line (`print: { marks: [slug] }`), drawn in
    /// registration colour.
    public var slug: [PageItem] = []

    public init(number: Int, kind: Kind, mediaSize: Size, trimBox: Rect, bleed: Pt, items: [PageItem] = [],
                anchors: [Anchor] = []) {
        self.number = number
        self.kind = kind
        self.mediaSize = mediaSize
        self.trimBox = trimBox
        self.bleed = bleed
        self.items = items
        self.anchors = anchors
    }

    /// Right-hand pages have odd numbers.
    public var isRecto: Bool { number % 2 == 1 }
}
