internal import CHarfBuzzSubset

/// A font file opened with HarfBuzz for the PDF writer: its metrics (advances, the numbers of a
/// `/FontDescriptor`, the PostScript name) and its subsetter. Owns the HarfBuzz face and font;
/// one thread uses an instance (each subsetting task opens its own).
final class FontFile {
    private let face: OpaquePointer
    private let font: OpaquePointer
    let path: String

    init(path: String) throws {
        guard let blob = hb_blob_create_from_file_or_fail(path) else {
            throw PDFError.writing("cannot read the font file '\(path)'")
        }
        defer { hb_blob_destroy(blob) }
        face = hb_face_create(blob, 0)
        font = hb_font_create(face)
        self.path = path
        guard hb_face_get_glyph_count(face) > 0 else {
            hb_font_destroy(font)
            hb_face_destroy(face)
            throw PDFError.writing("the font file '\(path)' has no glyphs")
        }
    }

    deinit {
        hb_font_destroy(font)
        hb_face_destroy(face)
    }

    var glyphCount: Int { Int(hb_face_get_glyph_count(face)) }
    var unitsPerEm: Double { Double(hb_face_get_upem(face)) }

    /// Every glyph's advance in thousandths of the em (a PDF `/W` width), rounded to three
    /// decimals: the content stream positions glyphs against exactly these numbers.
    func advances() -> [Double] {
        let count = glyphCount
        var glyphs = (0..<count).map { hb_codepoint_t($0) }
        var advances = [hb_position_t](repeating: 0, count: count)
        hb_font_get_glyph_h_advances(font, UInt32(count), &glyphs, UInt32(MemoryLayout<hb_codepoint_t>.stride),
                                     &advances, UInt32(MemoryLayout<hb_position_t>.stride))
        let scale = 1000 / unitsPerEm
        return advances.map { (Double($0) * scale * 1000).rounded() / 1000 }
    }

    /// The name in the font's `name` table (ID 6), as `/BaseFont` wants it.
    var postScriptName: String {
        var size: UInt32 = 128
        var buffer = [CChar](repeating: 0, count: 128)
        _ = hb_ot_name_get_utf8(face, hb_ot_name_id_t(HB_OT_NAME_ID_POSTSCRIPT_NAME), nil, &size, &buffer)
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let clean = name.filter { $0.isASCII && !" ()<>[]{}/%#".contains($0) }
        return clean.isEmpty ? "Font" : clean
    }

    /// Whether the outlines are CFF (an OpenType `.otf`), which PDF embeds as `/FontFile3`.
    var isCFF: Bool { table("CFF ").count > 0 }

    /// The numbers of the `/FontDescriptor`, in thousandths of the em.
    func descriptor() -> FontDescriptor {
        let scale = 1000 / unitsPerEm
        func metric(_ tag: hb_ot_metrics_tag_t, _ fallback: Double) -> Double {
            var position: hb_position_t = 0
            return hb_ot_metrics_get_position(font, tag, &position) != 0 ? Double(position) * scale : fallback
        }
        let head = table("head")
        func int16(_ offset: Int) -> Double {
            guard head.count >= offset + 2 else { return 0 }
            return Double(Int16(bitPattern: UInt16(head[offset]) << 8 | UInt16(head[offset + 1]))) * scale
        }
        let ascent = metric(HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, 800)
        let angle = Double(hb_style_get_value(font, HB_STYLE_TAG_SLANT_ANGLE))
        return FontDescriptor(ascent: ascent, descent: metric(HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, -200),
                              capHeight: metric(HB_OT_METRICS_TAG_CAP_HEIGHT, ascent),
                              bbox: [int16(36), int16(38), int16(40), int16(42)],
                              italicAngle: (angle * 10).rounded() / 10)
    }

    /// The font cut down to `glyphs` (and the glyphs they are built from), every glyph keeping
    /// its id, so a content stream's CIDs are the ids the typesetter shaped
    /// (`HB_SUBSET_FLAGS_RETAIN_GIDS`, `/CIDToGIDMap /Identity`). OpenType layout tables go:
    /// the PDF draws shaped glyphs and never shapes again.
    func subset(_ glyphs: [UInt32]) throws -> [UInt8] {
        guard let input = hb_subset_input_create_or_fail() else { throw PDFError.writing("HarfBuzz cannot subset (out of memory)") }
        defer { hb_subset_input_destroy(input) }
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS.rawValue)
        let set = hb_subset_input_glyph_set(input)
        hb_set_add(set, 0)
        for glyph in glyphs { hb_set_add(set, glyph) }
        let drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for tag in ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "morx", "kerx", "kern", "DSIG"] {
            hb_set_add(drop, FontFile.tag(tag))
        }
        guard let subset = hb_subset_or_fail(face, input) else {
            throw PDFError.writing("HarfBuzz could not subset the font '\(path)'")
        }
        defer { hb_face_destroy(subset) }
        let blob = hb_face_reference_blob(subset)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else {
            throw PDFError.writing("HarfBuzz made an empty subset of '\(path)'")
        }
        return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
    }

    private func table(_ name: String) -> [UInt8] {
        let blob = hb_face_reference_table(face, FontFile.tag(name))
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { return [] }
        return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
    }

    private static func tag(_ name: String) -> hb_tag_t {
        name.utf8.reduce(0) { $0 << 8 | hb_tag_t($1) }
    }
}

/// What a PDF `/FontDescriptor` says about a face, in thousandths of the em.
struct FontDescriptor: Sendable {
    var ascent: Double
    var descent: Double
    var capHeight: Double
    var bbox: [Double]
    var italicAngle: Double

    /// Symbolic (4: a CID font's glyphs are not the standard Latin set), italic (64) when slanted.
    var flags: Int { italicAngle != 0 ? 4 | 64 : 4 }
}
