internal import CCairo
internal import CTurboJPEG
import Foundation

/// Decodes an image whole, as the build's check, so that damage anywhere in it — not only in
/// the header the loader reads — is found before a PDF or web page is made of it. A JPEG is
/// decoded at an eighth of its size (every coefficient is still read, so a damaged stream is
/// still noticed, at a fraction of the work); libjpeg's warnings about corrupt data count as
/// damage. A PNG is decoded by cairo (libpng: checksums, zlib stream, row count).
public enum ImageCheck {
    /// Nil when the image decodes; else what is wrong with it.
    public static func damage(_ url: URL, isJPEG: Bool) -> String? {
        guard let data = try? Data(contentsOf: url) else { return "it cannot be read" }
        return isJPEG ? jpeg(data) : png(url)
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

    private static func png(_ url: URL) -> String? {
        guard let surface = cairo_image_surface_create_from_png(url.path) else { return "it cannot be decoded" }
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        return status == CAIRO_STATUS_SUCCESS ? nil : String(cString: cairo_status_to_string(status))
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
