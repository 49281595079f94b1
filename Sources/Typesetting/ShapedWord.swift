/// A word as one face sets it, everything the paragraph builder and the line setter need to
/// know of it, in font units: its glyphs, their advance, how far their ink reaches (for lines
/// that never touch), and whether the face has every character (else fallback faces share it).
///
/// The glyphs live in the face's word cache, allocated once and freed with the face: a word is
/// copied into every fragment and item that sets it, and a counted array, shared by the two
/// typesetting threads, made each copy an atomic increment on a cache line both cores pull.
struct ShapedWord: @unchecked Sendable {
    var glyphs: UnsafeBufferPointer<ShapedGlyph>
    /// The advances summed from the first glyph to the last.
    var advance: Double
    /// The highest ink above the baseline and the lowest below it, offsets included;
    /// `-infinity` for a word without glyphs.
    var inkTop: Double
    var inkBottom: Double
    /// Whether the face draws every character (a non-spacing mark rides on its letter).
    var covered: Bool

    /// `glyphs` must live as long as anything that copies this word: the face's own storage.
    init(_ glyphs: UnsafeBufferPointer<ShapedGlyph>, text: String, in font: Font) {
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

/// A fragment's glyphs: a word's, pointed at in its face's word cache (copying them copies no
/// reference), or — changed by tracking or cut from a longer word — an array of its own.
enum Glyphs: RandomAccessCollection, @unchecked Sendable {
    case cached(UnsafeBufferPointer<ShapedGlyph>)
    case own([ShapedGlyph])

    var startIndex: Int { 0 }

    var endIndex: Int {
        switch self {
        case .cached(let buffer): buffer.count
        case .own(let array): array.count
        }
    }

    subscript(i: Int) -> ShapedGlyph {
        switch self {
        case .cached(let buffer): buffer[i]
        case .own(let array): array[i]
        }
    }

    func withBuffer<R>(_ body: (UnsafeBufferPointer<ShapedGlyph>) -> R) -> R {
        switch self {
        case .cached(let buffer): body(buffer)
        case .own(let array): array.withUnsafeBufferPointer(body)
        }
    }
}
