internal import CLibDeflate

/// A gzip copy of a file the readers' site serves, made once when the site is loaded
/// (libdeflate at its strongest level: it runs once per file, the bytes go out on every request).
enum Gzip {
    static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        guard let compressor = libdeflate_alloc_compressor(12) else { return nil }
        defer { libdeflate_free_compressor(compressor) }
        var out = [UInt8](repeating: 0, count: libdeflate_gzip_compress_bound(compressor, bytes.count))
        let size = out.withUnsafeMutableBytes { o in
            bytes.withUnsafeBytes { i in libdeflate_gzip_compress(compressor, i.baseAddress, i.count, o.baseAddress, o.count) }
        }
        guard size > 0 else { return nil }
        out.removeSubrange(size...)
        return out
    }
}
