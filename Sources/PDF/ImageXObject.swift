internal import CCairo
import Foundation
import Imaging
import Model

/// An image as the PDF embeds it, once per document: a JPEG's own bytes behind `/DCTDecode`
/// (never decoded); an 8-bit grey or RGB PNG without transparency by its own compressed
/// pixels (the IDAT stream, read with PNG predictors — never decoded either); any other PNG
/// decoded to 8-bit RGB, flattened on white when it has alpha (as `Resources.flatten` does for
/// cairo) and Flate-compressed.
struct ImageXObject: Sendable {
    var width: Int
    var height: Int
    var colorSpace: String
    var bitsPerComponent: Int
    var filter: String
    var data: [UInt8]
    /// `/Decode`, for Adobe's inverted CMYK JPEGs.
    var decode: [Int]?
    /// `/DecodeParms` of a PNG passed through: its colour components per pixel and row width.
    var pngPredictor: (colors: Int, columns: Int)? = nil

    static func load(_ ref: ImageRef, cmyk: CMYKConversion? = nil) throws -> ImageXObject {
        if let cmyk { return try converted(ref, cmyk) }
        switch ref.format {
        case .jpeg: return try jpeg(ref)
        case .png: return try png(ref)
        }
    }

    /// An image in the printing condition's CMYK (`print: { colour: cmyk }`): decoded, converted
    /// pixel by pixel (neutrals on black only, the ink limited), then a JPEG again for a photo
    /// and Flate-compressed for a PNG.
    private static func converted(_ ref: ImageRef, _ cmyk: CMYKConversion) throws -> ImageXObject {
        let (width, height, rgb): (Int, Int, [UInt8])
        if ref.format == .jpeg {
            guard let data = FileManager.default.contents(atPath: ref.file) else { throw PDFError.image(ref.issuePath, "unreadable") }
            (width, height, rgb) = try JPEGDecoder.rgb(data, name: ref.issuePath)
        } else {
            guard let loaded = cairo_image_surface_create_from_png(ref.file) else { throw PDFError.image(ref.issuePath, "out of memory") }
            let surface = Resources.flatten(loaded)
            defer { cairo_surface_destroy(surface) }
            (width, height, rgb) = try pixels(surface, ref)
        }
        let inks = rgb.withUnsafeBufferPointer { cmyk.convert(rgb: $0) }
        // A photo stays a JPEG (a fifth of the Flate size); a chart's flat colours stay exact.
        if ref.format == .jpeg, let jpeg = try cmyk.jpeg(inks, width: width, height: height, name: ref.issuePath) {
            return ImageXObject(width: width, height: height, colorSpace: "/DeviceCMYK", bitsPerComponent: 8,
                                filter: "/DCTDecode", data: [UInt8](jpeg), decode: [1, 0, 1, 0, 1, 0, 1, 0])
        }
        return ImageXObject(width: width, height: height, colorSpace: "/DeviceCMYK", bitsPerComponent: 8,
                            filter: "/FlateDecode", data: try Deflate.compress(inks), decode: nil)
    }

    /// An image surface's pixels as 8-bit RGB, row by row.
    private static func pixels(_ surface: OpaquePointer, _ ref: ImageRef) throws -> (Int, Int, [UInt8]) {
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
        return (width, height, rgb)
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
        if let data = FileManager.default.contents(atPath: ref.file), let png = PNGPixels.read([UInt8](data)) {
            return ImageXObject(width: png.width, height: png.height, colorSpace: png.colors == 1 ? "/DeviceGray" : "/DeviceRGB",
                                bitsPerComponent: 8, filter: "/FlateDecode", data: png.idat, decode: nil,
                                pngPredictor: (png.colors, png.width))
        }
        guard let loaded = cairo_image_surface_create_from_png(ref.file) else { throw PDFError.image(ref.issuePath, "out of memory") }
        let surface = Resources.flatten(loaded)
        defer { cairo_surface_destroy(surface) }
        let (width, height, rgb) = try pixels(surface, ref)
        return ImageXObject(width: width, height: height, colorSpace: "/DeviceRGB", bitsPerComponent: 8,
                            filter: "/FlateDecode", data: try Deflate.compress(rgb), decode: nil)
    }
}

/// The compressed pixels of a PNG the PDF can carry as they are: 8 bits, grey or RGB, not
/// interlaced, no transparency (`tRNS`) — its IDAT chunks joined are then exactly a
/// `/FlateDecode` stream with PNG predictors. Anything else is nil (and decoded instead).
struct PNGPixels {
    var width: Int
    var height: Int
    var colors: Int
    var idat: [UInt8]

    static func read(_ b: [UInt8]) -> PNGPixels? {
        guard b.count > 33, b[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        func u32(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
        var i = 8
        var header: (width: Int, height: Int, colors: Int)?
        var idat: [UInt8] = []
        while i + 8 <= b.count {
            let length = u32(i), type = String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self)
            guard length >= 0, i + 12 + length <= b.count else { return nil }
            let data = (i + 8)..<(i + 8 + length)
            switch type {
            case "IHDR":
                guard length == 13, b[data.lowerBound + 8] == 8, b[data.lowerBound + 12] == 0,
                      b[data.lowerBound + 10] == 0, b[data.lowerBound + 11] == 0 else { return nil }
                switch b[data.lowerBound + 9] {
                case 0: header = (u32(data.lowerBound), u32(data.lowerBound + 4), 1)
                case 2: header = (u32(data.lowerBound), u32(data.lowerBound + 4), 3)
                default: return nil
                }
            case "tRNS", "PLTE":
                return nil
            case "IDAT":
                idat += b[data]
            case "IEND":
                guard let header, header.width > 0, header.height > 0, !idat.isEmpty else { return nil }
                return PNGPixels(width: header.width, height: header.height, colors: header.colors, idat: idat)
            default:
                break
            }
            i += 12 + length
        }
        return nil
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
