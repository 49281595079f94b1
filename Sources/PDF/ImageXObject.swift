internal import CCairo
import Foundation
import Model

/// An image as the PDF embeds it, once per document: a JPEG's own bytes behind `/DCTDecode`
/// (never decoded), a PNG decoded to 8-bit RGB, flattened on white when it has alpha (as
/// `Resources.flatten` does for cairo) and Flate-compressed.
struct ImageXObject: Sendable {
    var width: Int
    var height: Int
    var colorSpace: String
    var bitsPerComponent: Int
    var filter: String
    var data: [UInt8]
    /// `/Decode`, for Adobe's inverted CMYK JPEGs.
    var decode: [Int]?

    static func load(_ ref: ImageRef) throws -> ImageXObject {
        switch ref.format {
        case .jpeg: return try jpeg(ref)
        case .png: return try png(ref)
        }
    }

    private static func jpeg(_ ref: ImageRef) throws -> ImageXObject {
        guard let data = FileManager.default.contents(atPath: ref.file) else { throw PDFError.image(ref.issuePath, "unreadable") }
        let bytes = [UInt8](data)
        guard let frame = JPEGFrame.read(bytes) else { throw PDFError.image(ref.issuePath, "not a JPEG the PDF can carry") }
        let space = frame.components == 1 ? "/DeviceGray" : frame.components == 4 ? "/DeviceCMYK" : "/DeviceRGB"
        return ImageXObject(width: frame.width, height: frame.height, colorSpace: space, bitsPerComponent: frame.precision,
                            filter: "/DCTDecode", data: bytes,
                            decode: frame.components == 4 && frame.adobe ? [1, 0, 1, 0, 1, 0, 1, 0] : nil)
    }

    private static func png(_ ref: ImageRef) throws -> ImageXObject {
        guard let loaded = cairo_image_surface_create_from_png(ref.file) else { throw PDFError.image(ref.issuePath, "out of memory") }
        let surface = Resources.flatten(loaded)
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw PDFError.image(ref.issuePath, String(cString: cairo_status_to_string(status))) }
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let pixels = cairo_image_surface_get_data(surface) else { throw PDFError.image(ref.issuePath, "no pixels") }
        // cairo's RGB24/ARGB32: one native-endian 32-bit word per pixel, 0xAARRGGBB.
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            let row = UnsafeRawPointer(pixels + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width {
                let p = row[x], i = (y * width + x) * 3
                rgb[i] = UInt8((p >> 16) & 0xFF)
                rgb[i + 1] = UInt8((p >> 8) & 0xFF)
                rgb[i + 2] = UInt8(p & 0xFF)
            }
        }
        return ImageXObject(width: width, height: height, colorSpace: "/DeviceRGB", bitsPerComponent: 8,
                            filter: "/FlateDecode", data: try Deflate.compress(rgb), decode: nil)
    }
}

/// The frame header of a JPEG (its SOF segment): size, precision and components, and whether an
/// Adobe APP14 segment says CMYK is stored inverted.
struct JPEGFrame {
    var width: Int
    var height: Int
    var precision: Int
    var components: Int
    var adobe: Bool

    static func read(_ b: [UInt8]) -> JPEGFrame? {
        guard b.count > 4, b[0] == 0xFF, b[1] == 0xD8 else { return nil }
        var i = 2, adobe = false
        while i + 4 <= b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            if marker == 0xD8 || (0xD0...0xD7).contains(marker) || marker == 0x01 { i += 2; continue }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            if marker == 0xEE, i + 9 <= b.count, Array(b[i + 4..<i + 9]) == Array("Adobe".utf8) { adobe = true }
            if [0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF].contains(marker) {
                guard i + 10 <= b.count else { return nil }
                return JPEGFrame(width: Int(b[i + 7]) << 8 | Int(b[i + 8]), height: Int(b[i + 5]) << 8 | Int(b[i + 6]),
                                 precision: Int(b[i + 4]), components: Int(b[i + 9]), adobe: adobe)
            }
            if marker == 0xD9 || marker == 0xDA { return nil }
            i += 2 + length
        }
        return nil
    }
}
