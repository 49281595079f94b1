import Model

/// The typesetter's output: one line of a paragraph, with glyphs positioned from the line's start.
public struct SetLine: Sendable {
    /// The measure the line was set to.
    public var width: Pt
    /// The width at natural spacing.
    public var naturalWidth: Pt
    /// Knuth–Plass adjustment ratio: > 0 stretched, < 0 shrunk, 0 for ragged lines.
    public var ratio: Double
    /// The fonts' ascender and descender (nominal metrics), which place the baseline in the leading.
    public var ascent: Pt
    public var descent: Pt
    /// How far the glyphs' ink really reaches above and below the baseline: stacked capitals
    /// (Ẫ, Ỗ) rise above the ascender, ỵ and ự go below; used so lines never touch.
    public var inkAscent: Pt = 0
    public var inkDescent: Pt = 0
    /// Distance from this baseline to the next.
    public var leading: Pt
    public var runs: [GlyphRun]

    /// The text of the line, as a reader sees it.
    public var text: String { runs.map(\.text).joined() }
    /// True when the glyphs do not fit the measure.
    public var isOverfull: Bool { naturalWidth.value - width.value > 0.5 && ratio <= -1 }
}

/// A font face as later stages need it: a name for dumps and a file for the PDF writer.
public struct FontFace: Hashable, Sendable {
    public var name: String
    public var path: String
}

/// Glyphs of one font, size and colour drawn together, with the text they stand for.
public struct GlyphRun: Sendable {
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
}

public struct PlacedGlyph: Hashable, Sendable {
    public var id: UInt32
    /// From the run's start, in points; `y` is up from the baseline.
    public var x: Pt
    public var y: Pt
    /// Byte offset into the run's text.
    public var cluster: Int
}
