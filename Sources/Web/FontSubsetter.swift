internal import CHarfBuzzSubset
import Foundation

/// A font file cut down with HarfBuzz's subsetter (`hb-subset`) to the characters a site uses,
/// for the web: unlike the PDF writer's subsets (glyph ids kept, layout tables dropped, since
/// a PDF never shapes again) the browser shapes this font itself, so the OpenType layout tables
/// stay, cut to the kept glyphs, with the features Vietnamese needs: `ccmp` to compose and
/// `mark`/`mkmk` to place the tone marks over the vowel's own marks, kerning and ligatures.
/// Hinting goes: it is most of the bytes of a small subset and the fonts render well without.
/// Owns the HarfBuzz face; one thread uses an instance.
final class FontSubsetter {
    private let face: OpaquePointer
    let name: String

    /// The features kept beside HarfBuzz's default set (which has them too: named here so a
    /// change of that default cannot drop what Vietnamese needs).
    static let features = ["ccmp", "locl", "mark", "mkmk", "kern", "liga", "clig", "calt", "rlig"]

    init(data: Data, name: String) throws {
        let blob = data.withUnsafeBytes { raw in
            // HB_MEMORY_MODE_DUPLICATE: HarfBuzz keeps its own copy of the bytes.
            hb_blob_create_or_fail(raw.baseAddress?.assumingMemoryBound(to: CChar.self), UInt32(raw.count),
                                   HB_MEMORY_MODE_DUPLICATE, nil, nil)
        }
        guard let blob else { throw WebFontError.unreadable(name) }
        defer { hb_blob_destroy(blob) }
        face = hb_face_create(blob, 0)
        self.name = name
        guard hb_face_get_glyph_count(face) > 0 else {
            hb_face_destroy(face)
            throw WebFontError.unreadable(name)
        }
    }

    deinit {
        hb_face_destroy(face)
    }

    /// The TrueType bytes of the font cut to `characters` (those it has; others are left out).
    func subset(_ characters: Set<Unicode.Scalar>) throws -> Data {
        guard let input = hb_subset_input_create_or_fail() else { throw WebFontError.subset(name) }
        defer { hb_subset_input_destroy(input) }
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING.rawValue)
        let unicodes = hb_subset_input_unicode_set(input)
        for scalar in characters { hb_set_add(unicodes, scalar.value) }
        let features = hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG)
        for feature in Self.features { hb_set_add(features, Self.tag(feature)) }
        guard let subset = hb_subset_or_fail(face, input) else { throw WebFontError.subset(name) }
        defer { hb_face_destroy(subset) }
        let blob = hb_face_reference_blob(subset)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let bytes = hb_blob_get_data(blob, &length), length > 0 else { throw WebFontError.subset(name) }
        return Data(bytes: bytes, count: Int(length))
    }

    private static func tag(_ name: String) -> hb_tag_t {
        name.utf8.reduce(0) { $0 << 8 | hb_tag_t($1) }
    }
}

/// Why a web font could not be made; the build reports it and writes no page naming the font.
public enum WebFontError: Error, CustomStringConvertible {
    case unreadable(String)
    case subset(String)
    case missing(String, stylesheet: String)
    case noCompressor
    case compression(String)

    public var description: String {
        switch self {
        case .unreadable(let name): "the font file '\(name)' cannot be read as a font"
        case .subset(let name): "HarfBuzz could not subset the font '\(name)' for the web"
        case .missing(let name, let stylesheet):
            "the stylesheet '\(stylesheet)' names the web font '\(name)', but fonts/ has no '\(Self.source(name))'"
        case .compression(let name): "woff2_compress failed on the subset of '\(name)'"
        case .noCompressor: "woff2_compress is not installed (Debian's package woff2): the web fonts cannot be written"
        }
    }

    /// `fonts/NotoSans-Regular.woff2` in a stylesheet is made from `NotoSans-Regular.ttf`.
    static func source(_ name: String) -> String {
        (name as NSString).lastPathComponent.replacingOccurrences(of: ".woff2", with: ".ttf")
    }
}
