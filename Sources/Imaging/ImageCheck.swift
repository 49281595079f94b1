internal import CCairo
internal import CLibDeflate
internal import CTurboJPEG
import Foundation

/// Decodes an image whole, as the build's check, so that damage anywhere in it — not only in
/// the header the loader reads — is found before a PDF or web page is made of it. A JPEG is
/// decoded at an eighth of its size (every coefficient is still read, so a damaged stream is
/// still noticed, at a fraction of the work); libjpeg's warnings about corrupt data count as
/// damage. A PNG is read as libpng reads it, all but the pixels (`PNGCheck`).
public enum ImageCheck {
    /// Nil when the image decodes; else what is wrong with it.
    public static func damage(_ url: URL, isJPEG: Bool) -> String? {
        guard let data = try? Data(contentsOf: url) else { return "it cannot be read" }
        return isJPEG ? jpeg(data) : png(data)
    }

    private static func jpeg(_ data: Data) -> String? {
        guard let handle = tjInitDecompress() else { return "the JPEG decoder cannot start" }
        defer { tjDestroy(handle) }
        return data.withUnsafeBytes { raw -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
            guard tjDecompressHeader3(handle, bytes.baseAddress, UInt(bytes.count), &width, &height, &subsampling, &colorspace) == 0 else {
                return String(cString: tjGetErrorStr2(handle))
            }
            let w = Int((width + 7) / 8), h = Int((height + 7) / 8)
            var pixels = [UInt8](repeating: 0, count: max(1, w * h * 3))
            let status = tjDecompress2(handle, bytes.baseAddress, UInt(bytes.count), &pixels, Int32(w), 0, Int32(h), Int32(TJPF_RGB.rawValue), 0)
            return status == 0 ? nil : String(cString: tjGetErrorStr2(handle))
        }
    }

    private static func png(_ data: Data) -> String? {
        data.withUnsafeBytes { PNGCheck(UnsafeRawBufferPointer($0)).damage() }
    }
}

/// An image decoded into memory, for tests that look at pixels (where a turned photo's corner
/// went): JPEG through libjpeg-turbo, PNG through cairo.
package struct DecodedImage {
    package let width: Int
    package let height: Int
    private let rgb: [UInt8]

    package init(_ url: URL) throws {
        let data = try Data(contentsOf: url)
        let surface: OpaquePointer
        if data.starts(with: [0xFF, 0xD8]) {
            surface = try JPEGDecoder.surface(data, name: url.lastPathComponent)
        } else {
            guard let png = cairo_image_surface_create_from_png(url.path), cairo_surface_status(png) == CAIRO_STATUS_SUCCESS else {
                throw ImagingError.image(url.lastPathComponent, "cannot decode")
            }
            surface = png
        }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let base = cairo_image_surface_get_data(surface)!
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                // xRGB / ARGB32, native-endian: B, G, R, A in memory on little-endian machines.
                let p = base + y * stride + x * 4
                rgb[(y * width + x) * 3] = p[2]
                rgb[(y * width + x) * 3 + 1] = p[1]
                rgb[(y * width + x) * 3 + 2] = p[0]
            }
        }
        self.rgb = rgb
    }

    package func pixel(_ x: Int, _ y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
        let i = (y * width + x) * 3
        return (rgb[i], rgb[i + 1], rgb[i + 2])
    }
}

/// A PNG read as libpng reads it, minus the pixels: the signature; every chunk's length and
/// CRC; IHDR first, a valid depth for its colour type, PLTE for a palette image, the IDAT
/// chunks together, IEND last, no unknown critical chunk; the zlib stream (with its Adler-32)
/// unpacking to exactly the rows the header promises, each with a known filter. Inflating with
/// libdeflate into one buffer and skipping the conversion to cairo's pixels is three to four
/// times cheaper than cairo's loader on the sample's charts.
struct PNGCheck {
    let bytes: UnsafeRawBufferPointer

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    func damage() -> String? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count >= 8, bytes.prefix(8).elementsEqual(signature) else { return "it does not start as a PNG file does" }
        var at = 8
        var header: (width: Int, height: Int, depth: Int, type: Int, interlaced: Bool)?
        var palette = false, ended = false, idatDone = false
        var compressed: [UInt8] = []
        while !ended {
            guard at + 12 <= bytes.count else { return "the file ends before its last chunk (IEND)" }
            let length = Int(be32(at)), name = String(decoding: bytes[(at + 4)..<(at + 8)], as: UTF8.self)
            guard length <= 0x7FFF_FFFF, length <= bytes.count - at - 12 else { return "the file is cut short inside its \(name) chunk" }
            let body = UnsafeRawBufferPointer(rebasing: bytes[(at + 8)..<(at + 8 + length)])
            let crc = libdeflate_crc32(0, bytes.baseAddress! + at + 4, length + 4)
            guard crc == be32(at + 8 + length) else { return "the checksum of its \(name) chunk does not match (the file is damaged)" }
            at += 12 + length
            if header == nil, name != "IHDR" { return "its first chunk is \(name), not IHDR" }
            if name != "IDAT", !compressed.isEmpty { idatDone = true }
            switch name {
            case "IHDR":
                guard header == nil, length == 13 else { return "its IHDR chunk is malformed" }
                let w = Int(UInt32(bigEndian: body.loadUnaligned(as: UInt32.self)))
                let h = Int(UInt32(bigEndian: body.loadUnaligned(fromByteOffset: 4, as: UInt32.self)))
                let depth = Int(body[8]), type = Int(body[9])
                let depths: [Int: [Int]] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
                guard w > 0, h > 0, depths[type]?.contains(depth) == true, body[10] == 0, body[11] == 0, body[12] <= 1 else {
                    return "its header is invalid (\(w) × \(h), bit depth \(depth), colour type \(type))"
                }
                header = (w, h, depth, type, body[12] == 1)
            case "PLTE": palette = true
            case "IDAT":
                guard !idatDone else { return "its image data (IDAT) is split by other chunks" }
                compressed.append(contentsOf: body)
            case "IEND": ended = true
            default:
                guard let first = name.utf8.first, first & 0x20 != 0 else { return "it has an unknown critical chunk \(name)" }
            }
        }
        guard let header else { return "it has no header" }
        guard header.type != 3 || palette else { return "its palette (PLTE) is missing" }
        guard !compressed.isEmpty else { return "it has no image data" }
        let channels = [0: 1, 2: 3, 3: 1, 4: 2, 6: 4][header.type]!
        let rows = passes(header.width, header.height, interlaced: header.interlaced).map {
            (count: $0.height, bytes: 1 + ($0.width * channels * header.depth + 7) / 8)
        }
        let expected = rows.reduce(0) { $0 + $1.count * $1.bytes }
        guard let inflater = libdeflate_alloc_decompressor() else { return "the PNG decoder cannot start" }
        defer { libdeflate_free_decompressor(inflater) }
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: expected, alignment: 1)
        defer { raw.deallocate() }
        var actual = 0
        let result = compressed.withUnsafeBytes {
            libdeflate_zlib_decompress(inflater, $0.baseAddress, $0.count, raw.baseAddress, expected, &actual)
        }
        // Given where to say how much came out, libdeflate reports a short stream as a success.
        switch result {
        case LIBDEFLATE_SUCCESS where actual == expected: break
        case LIBDEFLATE_SUCCESS, LIBDEFLATE_SHORT_OUTPUT: return "its image data ends after \(actual) of \(expected) bytes (the file is cut short or damaged)"
        case LIBDEFLATE_INSUFFICIENT_SPACE: return "its image data holds more than its header's \(header.width) × \(header.height) pixels"
        default: return "its compressed image data is damaged"
        }
        var row = 0
        for pass in rows {
            for _ in 0..<pass.count {
                guard raw[row] <= 4 else { return "a row of its image data has an unknown filter (\(raw[row]))" }
                row += pass.bytes
            }
        }
        return nil
    }

    /// The sub-images of the data: one, or Adam7's seven (those with pixels).
    private func passes(_ width: Int, _ height: Int, interlaced: Bool) -> [(width: Int, height: Int)] {
        guard interlaced else { return [(width, height)] }
        let adam7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
        return adam7.map { x, y, dx, dy in ((width - x + dx - 1) / dx, (height - y + dy - 1) / dy) }.filter { $0.width > 0 && $0.height > 0 }
    }

    private func be32(_ at: Int) -> UInt32 {
        UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))
    }
}
