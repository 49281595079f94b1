internal import CLibDeflate

/// Deflate for every stream the writer compresses itself (page content, fonts, ToUnicode maps,
/// PNG pixels): each stream is compressed once, on the thread that built it, and passed to qpdf
/// as `/FlateDecode` data, which qpdf writes as it is.
///
/// libdeflate at its fastest level: on the 400-article bench's 15 MB of page content it takes
/// 0.05 s where zlib's default level took 0.5 s, for streams about as small (the glyph strings
/// are binary, see `TextPen`). A printing shop does not care for the last few percent of size.
enum Deflate {
    static let level: Int32 = 1

    /// `bytes` as a zlib stream, as `/FlateDecode` reads it.
    static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(level) else {
            throw PDFError.writing("libdeflate could not allocate a compressor")
        }
        defer { libdeflate_free_compressor(compressor) }
        let bound = libdeflate_zlib_compress_bound(compressor, bytes.count)
        var out = [UInt8](repeating: 0, count: bound)
        let size = out.withUnsafeMutableBytes { o in
            bytes.withUnsafeBytes { i in libdeflate_zlib_compress(compressor, i.baseAddress, i.count, o.baseAddress, o.count) }
        }
        // Within the bound libdeflate itself gave, compression cannot run out of room.
        guard size > 0 else { throw PDFError.writing("libdeflate could not compress a stream of \(bytes.count) bytes") }
        out.removeSubrange(size...)
        return out
    }

    /// A zlib stream inflated, for reading content streams back (preflight); nil when it is
    /// damaged. The output grows until it fits, up to 256 MB.
    static func decompress(_ bytes: [UInt8]) -> [UInt8]? {
        guard let inflater = libdeflate_alloc_decompressor() else { return nil }
        defer { libdeflate_free_decompressor(inflater) }
        var capacity = max(4096, bytes.count * 6)
        while capacity <= 256 << 20 {
            var out = [UInt8](repeating: 0, count: capacity)
            var actual = 0
            let result = out.withUnsafeMutableBytes { o in
                bytes.withUnsafeBytes { i in libdeflate_zlib_decompress(inflater, i.baseAddress, i.count, o.baseAddress, o.count, &actual) }
            }
            switch result {
            case LIBDEFLATE_SUCCESS:
                out.removeSubrange(actual...)
                return out
            case LIBDEFLATE_INSUFFICIENT_SPACE:
                capacity *= 4
            default:
                return nil
            }
        }
        return nil
    }
}
