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
