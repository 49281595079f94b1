/// A word as one face sets it, everything the paragraph builder and the line setter need to
/// know of it, in font units: its glyphs, their advance, how far their ink reaches (for lines
/// that never touch), and whether the face has every character (else fallback faces share it).
struct ShapedWord: Sendable {
    var glyphs: [ShapedGlyph]
    /// The advances summed from the first glyph to the last.
    var advance: Double
    /// The highest ink above the baseline and the lowest below it, offsets included;
    /// `-infinity` for a word without glyphs.
    var inkTop: Double
    var inkBottom: Double
    /// Whether the face draws every character (a non-spacing mark rides on its letter).
    var covered: Bool

    init(_ glyphs: [ShapedGlyph], text: String, in font: Font) {
        self.glyphs = glyphs
        advance = glyphs.reduce(0) { $0 + $1.advance }
        var top = -Double.infinity, bottom = -Double.infinity
        for g in glyphs {
            let e = font.extents(g.id)
            top = max(top, e.top + g.yOffset)
            bottom = max(bottom, e.bottom - g.yOffset)
        }
        inkTop = top
        inkBottom = bottom
        covered = text.unicodeScalars.allSatisfy { font.covers($0) || $0.properties.generalCategory == .nonspacingMark }
    }
}
