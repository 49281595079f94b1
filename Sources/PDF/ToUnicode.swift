/// The `/ToUnicode` CMap of a face: each glyph id (a two-byte CID under `/Identity-H`) to the
/// text it stands for, as UTF-16BE (Adobe Technical Note #5411, "ToUnicode Mapping File
/// Tutorial"). Built from the runs' clusters (`GlyphTexts`), so text extraction gives back the
/// source text; what this map cannot say is carried by `/ActualText` in the content.
enum ToUnicode {
    static func cmap(_ mappings: [(glyph: UInt32, text: String)]) -> [UInt8] {
        var out = PDFBytes(capacity: 200 + mappings.count * 20)
        out.append("""
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """)
        // At most 100 entries per block, as the CMap format requires.
        var start = 0
        while start < mappings.count {
            let block = mappings[start..<min(start + 100, mappings.count)]
            out.integer(block.count)
            out.append(" beginbfchar\n")
            for (glyph, text) in block {
                out.append(byte: UInt8(ascii: "<"))
                out.hex16(glyph)
                out.append("> ")
                out.utf16Hex(text, bom: false)
                out.append(byte: 10)
            }
            out.append("endbfchar\n")
            start += 100
        }
        out.append("""
            endcmap
            CMapName currentdict /CMap defineresource pop
            end
            end

            """)
        return out.bytes
    }
}
