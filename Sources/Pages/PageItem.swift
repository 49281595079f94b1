import Model

/// What is drawn on a page, in the order it is drawn.
public enum PageItem: Sendable, Hashable {
    /// A glyph run whose baseline starts at `origin`.
    case text(GlyphRun, origin: Point)
    /// An image scaled into `frame`, cut to `clip` when one is given (a cover photo into the bleed).
    case image(ImageRef, frame: Rect, clip: Rect?)
    case rule(from: Point, to: Point, width: Pt, color: Color)
    case fill(Rect, Color)
}

/// A named place on a page (an article's opening), the target of links and bookmarks.
public struct Anchor: Sendable, Hashable {
    public var name: String
    public var at: Point

    public init(name: String, at: Point) {
        self.name = name
        self.at = at
    }
}

/// A position on the page, in points from the media's top-left corner.
public struct Point: Hashable, Sendable, CustomStringConvertible {
    public var x: Pt
    public var y: Pt

    public init(x: Pt, y: Pt) {
        self.x = x
        self.y = y
    }

    public var description: String { "(\(x.formatted),\(y.formatted))" }
}
