internal import CHarfBuzz

/// A glyph as HarfBuzz set it, in font units; `cluster` is the UTF-8 byte offset of the
/// character it came from, so the PDF text layer can map glyphs back to the source text.
public struct ShapedGlyph: Hashable, Sendable {
    public var id: UInt32
    public var cluster: Int
    public var advance: Double
    public var xOffset: Double
    public var yOffset: Double
}

/// HarfBuzz with everything set, never guessed: language `vi`, script Latin, direction LTR.
enum Shaper {
    /// HarfBuzz interns languages: the pointer names an immutable, process-wide value that any
    /// thread may pass to `hb_buffer_set_language`.
    nonisolated(unsafe) static let vietnamese = hb_language_from_string("vi", -1)

    static func shape(_ text: String, font: OpaquePointer, language: OpaquePointer? = vietnamese) -> [ShapedGlyph] {
        guard let buffer = hb_buffer_create() else { return [] }
        defer { hb_buffer_destroy(buffer) }
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR)
        hb_buffer_set_script(buffer, HB_SCRIPT_LATIN)
        hb_buffer_set_language(buffer, language)
        hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES)
        let utf8 = Array(text.utf8)
        utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                hb_buffer_add_utf8(buffer, $0.baseAddress, Int32($0.count), 0, Int32($0.count))
            }
        }
        hb_shape(font, buffer, nil, 0)
        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &count),
              let positions = hb_buffer_get_glyph_positions(buffer, &count) else { return [] }
        return (0..<Int(count)).map { i in
            ShapedGlyph(id: infos[i].codepoint, cluster: Int(infos[i].cluster),
                        advance: Double(positions[i].x_advance), xOffset: Double(positions[i].x_offset),
                        yOffset: Double(positions[i].y_offset))
        }
    }
}
