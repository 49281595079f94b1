/// Imaging: decoding, scaling and encoding raster images, for previews and the web edition.
/// JPEG through libjpeg-turbo, PNG and scaling through cairo's image surfaces. The PDF never
/// decodes a JPEG: there its bytes go in unchanged.
internal import CCairo
internal import CTurboJPEG
import Foundation

public enum ImagingError: Error, CustomStringConvertible {
    case image(String, String)

    public var description: String {
        switch self {
        case .image(let file, let why): "cannot process the image '\(file)': \(why)"
        }
    }
}

/// Decodes a JPEG into a cairo image surface (RGB24), or into plain RGB bytes, with libjpeg-turbo.
package enum JPEGDecoder {
    /// The JPEG's pixels as stored (no EXIF turn), three bytes each (R, G, B), row by row.
    package static func rgb(_ data: Data, name: String) throws -> (width: Int, height: Int, pixels: [UInt8]) {
        guard let handle = tjInitDecompress() else { throw ImagingError.image(name, "cannot start the JPEG decoder") }
        defer { tjDestroy(handle) }
        return try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
            guard tjDecompressHeader3(handle, bytes.baseAddress, UInt(bytes.count), &width, &height, &subsampling, &colorspace) == 0,
                  width > 0, height > 0 else {
                throw ImagingError.image(name, String(cString: tjGetErrorStr2(handle)))
            }
            var pixels = [UInt8](repeating: 0, count: Int(width) * Int(height) * 3)
            let status = tjDecompress2(handle, bytes.baseAddress, UInt(bytes.count), &pixels, width, 0, height, Int32(TJPF_RGB.rawValue), 0)
            guard status == 0 else { throw ImagingError.image(name, String(cString: tjGetErrorStr2(handle))) }
            return (Int(width), Int(height), pixels)
        }
    }

    package static func surface(_ data: Data, name: String) throws -> OpaquePointer {
        guard let handle = tjInitDecompress() else { throw ImagingError.image(name, "cannot start the JPEG decoder") }
        defer { tjDestroy(handle) }
        return try data.withUnsafeBytes { raw -> OpaquePointer in
            let bytes = raw.bindMemory(to: UInt8.self)
            var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
            guard tjDecompressHeader3(handle, bytes.baseAddress, UInt(bytes.count), &width, &height, &subsampling, &colorspace) == 0,
                  width > 0, height > 0 else {
                throw ImagingError.image(name, String(cString: tjGetErrorStr2(handle)))
            }
            guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height) else {
                throw ImagingError.image(name, "out of memory")
            }
            cairo_surface_flush(surface)
            let stride = cairo_image_surface_get_stride(surface)
            // cairo's RGB24 is 32-bit native-endian xRGB: B, G, R, x in memory on little-endian machines.
            let status = tjDecompress2(handle, bytes.baseAddress, UInt(bytes.count), cairo_image_surface_get_data(surface),
                                       width, stride, height, Int32(TJPF_BGRX.rawValue), 0)
            cairo_surface_mark_dirty(surface)
            if status != 0 {
                cairo_surface_destroy(surface)
                throw ImagingError.image(name, String(cString: tjGetErrorStr2(handle)))
            }
            return surface
        }
    }
}
