internal import CZlib

/// zlib's deflate, for every stream the writer compresses itself (page content, fonts, PNG
/// pixels): each stream is compressed once, on the thread that built it, and passed to qpdf
/// as `/FlateDecode` data, which qpdf writes as it is.
enum Deflate {
    /// `bytes` compressed at zlib's default level (a zlib stream, as `/FlateDecode` reads it).
    static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        var size = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { o in
            bytes.withUnsafeBufferPointer { i in
                compress2(o.baseAddress, &size, i.baseAddress, uLong(i.count), Z_DEFAULT_COMPRESSION)
            }
        }
        guard status == Z_OK else { throw PDFError.writing("zlib could not compress a stream (status \(status))") }
        out.removeSubrange(Int(size)...)
        return out
    }
}
