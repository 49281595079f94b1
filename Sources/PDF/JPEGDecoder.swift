internal import CCairo
internal import CTurboJPEG
import Foundation

/// Decodes a JPEG into a cairo image surface with libjpeg-turbo, for PNG previews. The PDF
/// never needs this: there the JPEG's bytes go in unchanged.
enum JPEGDecoder {
    static func surface(_ data: Data, name: String) throws -> OpaquePointer {
        guard let handle = tjInitDecompress() else { throw PDFError.image(name, "cannot start the JPEG decoder") }
        defer { tjDestroy(handle) }
        return try data.withUnsafeBytes { raw -> OpaquePointer in
            let bytes = raw.bindMemory(to: UInt8.self)
            var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
            guard tjDecompressHeader3(handle, bytes.baseAddress, UInt(bytes.count), &width, &height, &subsampling, &colorspace) == 0,
                  width > 0, height > 0 else {
                throw PDFError.image(name, String(cString: tjGetErrorStr2(handle)))
            }
            guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height) else {
                throw PDFError.image(name, "out of memory")
            }
            cairo_surface_flush(surface)
            let stride = cairo_image_surface_get_stride(surface)
            // cairo's RGB24 is 32-bit native-endian xRGB: B, G, R, x in memory on little-endian machines.
            let status = tjDecompress2(handle, bytes.baseAddress, UInt(bytes.count), cairo_image_surface_get_data(surface),
                                       width, stride, height, Int32(TJPF_BGRX.rawValue), 0)
            cairo_surface_mark_dirty(surface)
            if status != 0 {
                cairo_surface_destroy(surface)
                throw PDFError.image(name, String(cString: tjGetErrorStr2(handle)))
            }
            return surface
        }
    }
}
