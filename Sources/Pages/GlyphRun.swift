import Model

/// A font face as later stages need it: a name for dumps and a file for the PDF writer.
public struct FontFace: Hashable, Sendable {
    public var name: String
    public var path: String

    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }
}

/// Glyphs of one font, size and colour drawn together, with the text they stand for.
public struct GlyphRun: Sendable, Hashable {
    public var face: FontFace
    public var size: Pt
    public var color: Color
    /// Start of the run, from the start of the line.
    public var x: Pt
    public var glyphs: [PlacedGlyph]
    /// The UTF-8 text; every byte of it belongs to a glyph's cluster.
    public var text: String
    public var link: String?
    public var width: Pt

    public init(face: FontFace, size: Pt, color: Color, x: Pt, glyphs: [PlacedGlyph], text: String, link: String?, width: Pt) {
        self.face = face
        self.size = size
        self.color = color
        self.x = x
        self.glyphs = glyphs
        self.text = text
        self.link = link
        self.width = width
    }
}

/// One glyph of a run: its id in the face, its position and the text it stands for. 24 bytes,
/// not 32: the offset is kept in 32 bits beside the id (a run's text is a line's at most), and a
/// 400-article issue holds some four million of these while its pages are made.
public struct PlacedGlyph: Hashable, Sendable {
    public var id: UInt32
    private var offset: UInt32
    /// From the run's start, in points; `y` is up from the baseline.
    public var x: Pt
    public var y: Pt

    /// Byte offset into the run's text.
    public var cluster: Int {
        get { Int(offset) }
        set { offset = UInt32(newValue) }
    }

    public init(id: UInt32, x: Pt, y: Pt, cluster: Int) {
        self.id = id
        offset = UInt32(cluster)
        self.x = x
        self.y = y
    }
}
