/// Typesetting: from styled text to set lines.
///
/// Steps: `FontLibrary` opens the layout's fonts (HarfBuzz, from `fonts/` only) → `StyledText`
/// flattens inlines into runs with a face each → `Shaper` shapes words with language `vi`,
/// script Latin, direction LTR → `ParagraphItems` turns them into boxes and glue →
/// `GreedyBreaker` chooses the breaks → `LineSetter` justifies and positions glyphs into `SetLine`s.
internal import CHarfBuzz
import Foundation
import Model
import Pages

/// One font file, opened with HarfBuzz. Owns its C handles and frees them in `deinit`.
/// Shaping results are cached per word, in font units, because syllables repeat a great deal.
public final class Font: @unchecked Sendable {
    /// The file name inside `fonts/` (`NotoSerif-Regular.ttf`).
    public let name: String
    /// The absolute path, for the PDF stage.
    public let path: String
    public let unitsPerEm: Double
    /// Ascender and descender (positive, below the baseline) in em.
    public let ascender: Double
    public let descender: Double

    /// The face as pages name it, made once: every run of glyphs in this face carries it.
    public let pageFace: FontFace

    let face: OpaquePointer
    let font: OpaquePointer
    /// The word cache, cut into shards by a hash of the word's bytes, each with its own lock:
    /// the typesetting threads look up words by the hundred thousand and rarely meet.
    private let shards = (0..<Font.shardCount).map { _ in WordShard() }
    private static let shardCount = 16

    init(name: String, path: String) throws {
        let blob = hb_blob_create_from_file_or_fail(path)
        guard let blob else { throw FontError.unreadable(name) }
        defer { hb_blob_destroy(blob) }
        guard let face = hb_face_create(blob, 0), hb_face_get_glyph_count(face) > 0 else {
            throw FontError.notAFont(name)
        }
        self.face = face
        self.font = hb_font_create(face)
        self.name = name
        self.path = path
        pageFace = FontFace(name: name, path: path)
        let upem = Double(hb_face_get_upem(face))
        unitsPerEm = upem
        var extents = hb_font_extents_t()
        hb_font_get_h_extents(font, &extents)
        ascender = Double(extents.ascender) / upem
        descender = -Double(extents.descender) / upem
    }

    deinit {
        for shard in shards { shard.release() }
        hb_font_destroy(font)
        hb_face_destroy(face)
    }

    /// Whether the font maps this character to a real glyph.
    public func covers(_ scalar: Unicode.Scalar) -> Bool {
        var glyph: hb_codepoint_t = 0
        return hb_font_get_nominal_glyph(font, scalar.value, &glyph) != 0
    }

    /// How far a glyph's ink reaches above the baseline (`top`) and below it (`bottom`,
    /// positive downwards), in font units: the real extents, not the font's ascender.
    func extents(_ glyph: UInt32) -> (top: Double, bottom: Double) {
        var e = hb_glyph_extents_t()
        let found = hb_font_get_glyph_extents(font, glyph, &e) != 0
        return found ? (top: Double(e.y_bearing), bottom: -Double(e.y_bearing + e.height)) : (top: 0.0, bottom: 0.0)
    }

    /// The glyph's name in the font (`acircumflexacute.VN`), for tests and dumps.
    func glyphName(_ glyph: UInt32) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        hb_font_get_glyph_name(font, glyph, &buffer, 64)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Shapes without the cache, in another language: for tests that compare languages.
    func shape(_ text: String, language: String) -> [ShapedGlyph] {
        Shaper.shape(text, font: font, language: hb_language_from_string(language, -1))
    }

    /// A word (no spaces inside) as this face sets it: shaped, measured and checked once per
    /// distinct word, then answered from the cache — one lock per word, whatever it holds.
    /// Syllables repeat a great deal: the sample's 1,548 lines hold a few thousand distinct words.
    func word(_ text: String) -> ShapedWord {
        let key = WordKey(text)
        let shard = shards[Int(key.spread % UInt64(Font.shardCount))]
        if let hit = shard.lock.withLock({ shard.words[key] }) { return hit }
        let glyphs = Shaper.shape(text, font: font)
        let stored = UnsafeMutableBufferPointer<ShapedGlyph>.allocate(capacity: glyphs.count)
        _ = stored.initialize(from: glyphs)
        let word = ShapedWord(UnsafeBufferPointer(stored), text: text, in: self)
        shard.lock.withLock {
            // Two threads may shape one word at once: both copies stay until the face goes.
            shard.storage.append(stored)
            shard.words[key] = word
        }
        return word
    }

    /// The glyphs of a word, from the cache.
    func shape(_ text: String) -> [ShapedGlyph] {
        Array(word(text).glyphs)
    }
}

/// One shard of a face's word cache, and the memory of its words' glyphs.
private final class WordShard: @unchecked Sendable {
    let lock = NSLock()
    var words: [WordKey: ShapedWord] = [:]
    var storage: [UnsafeMutableBufferPointer<ShapedGlyph>] = []

    func release() {
        for buffer in storage { buffer.deallocate() }
        storage = []
        words = [:]
    }
}

/// A word as the cache knows it: by its UTF-8 bytes, which are what HarfBuzz shapes. `String`'s
/// own hashing and equality go by canonical equivalence, which for Vietnamese (nearly every
/// word has a non-ASCII letter) takes the slow, normalising path on every lookup.
struct WordKey: Hashable {
    let text: String
    /// FNV-1a of the bytes: picks the shard.
    let spread: UInt64

    init(_ text: String) {
        var text = text
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        text.withUTF8 { for b in $0 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 } }
        self.text = text
        spread = h
    }

    static func == (a: WordKey, b: WordKey) -> Bool {
        guard a.spread == b.spread else { return false }
        var x = a.text, y = b.text
        return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(spread)
    }
}

public enum FontError: Error, CustomStringConvertible {
    case unreadable(String)
    case notAFont(String)
    /// A style names a family the layout does not declare (the loader prevents it).
    case unknownFamily(String)

    public var description: String {
        switch self {
        case .unknownFamily(let name): "the layout has no font family '\(name)'"
        case .unreadable(let name): "cannot read the font file '\(name)'"
        case .notAFont(let name): "'\(name)' is not a font HarfBuzz can open"
        }
    }
}
