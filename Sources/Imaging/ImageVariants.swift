internal import CCairo
internal import CTurboJPEG
import Foundation
import Output

/// One written copy of an image at a width.
public struct ImageVariant: Sendable, Hashable {
    public var file: String
    public var width: Int
    public var height: Int
}

/// Smaller copies of an image for the web (thumbnails, `srcset` widths): decoded once,
/// scaled with cairo's best filter, written as JPEG (libjpeg-turbo, quality 82) or PNG.
public enum ImageVariants {
    /// Writes a copy of `source` at each width smaller than the image itself (and the image
    /// itself, copied unchanged, as the largest) into `folder`, named `<stem>-<width>.<ext>`.
    /// Copies already written from the same source (newer than it, same name) are kept: only
    /// a changed image is decoded and scaled again.
    /// `turn` is the map from a stored pixel to where it is seen (`ImageRef.orientationMatrix`)
    /// for a photo whose EXIF orientation turns it: its copies, the largest too, are written
    /// turned (and so carry no orientation a browser could apply twice).
    public typealias Turn = (xx: Double, yx: Double, xy: Double, yy: Double, x0: Double, y0: Double)

    public static func write(_ source: URL, isJPEG: Bool, widths: [Int], into folder: URL, stem: String,
                             size: (width: Int, height: Int), turn: Turn? = nil) throws -> [ImageVariant] {
        let planned = (Set(widths).sorted().filter { $0 < size.width } + [size.width]).map { w in
            ImageVariant(file: name(stem: stem, width: w, isJPEG: isJPEG), width: w,
                         height: w == size.width ? size.height : max(1, Int((Double(size.height) * Double(w) / Double(size.width)).rounded())))
        }
        if upToDate(planned, source: source, folder: folder) { return planned }
        let data = try Data(contentsOf: source)
        let decoded: OpaquePointer
        if isJPEG {
            decoded = try JPEGDecoder.surface(data, name: source.lastPathComponent)
        } else {
            guard let png = cairo_image_surface_create_from_png(source.path), cairo_surface_status(png) == CAIRO_STATUS_SUCCESS else {
                throw ImagingError.image(source.lastPathComponent, "cairo cannot read it as PNG")
            }
            decoded = png
        }
        let image = try turn.map { try turned(decoded, by: $0, to: size) } ?? decoded
        defer {
            if image != decoded { cairo_surface_destroy(image) }
            cairo_surface_destroy(decoded)
        }
        let width = Int(cairo_image_surface_get_width(image)), height = Int(cairo_image_surface_get_height(image))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var out: [ImageVariant] = []
        for w in Set(widths).sorted() where w < width {
            let h = max(1, Int((Double(height) * Double(w) / Double(width)).rounded()))
            let name = name(stem: stem, width: w, isJPEG: isJPEG)
            let scaled = try scale(image, to: w, h)
            defer { cairo_surface_destroy(scaled) }
            let url = folder.appendingPathComponent(name)
            if isJPEG { try writeJPEG(scaled, to: url) } else { try writePNG(scaled, to: url) }
            out.append(ImageVariant(file: name, width: w, height: h))
        }
        let original = name(stem: stem, width: width, isJPEG: isJPEG)
        if turn != nil {
            try writeJPEG(image, to: folder.appendingPathComponent(original))
        } else {
            try OutputFile.write(data, to: folder.appendingPathComponent(original))
        }
        out.append(ImageVariant(file: original, width: width, height: height))
        return out
    }

    /// `hoi-nghi-800.jpg`: the name of the copy of `stem` at `width`.
    public static func name(stem: String, width: Int, isJPEG: Bool) -> String {
        "\(stem)-\(width).\(isJPEG ? "jpg" : "png")"
    }

    private static func upToDate(_ variants: [ImageVariant], source: URL, folder: URL) -> Bool {
        let fm = FileManager.default
        guard let sourceDate = (try? fm.attributesOfItem(atPath: source.path))?[.modificationDate] as? Date else { return false }
        return variants.allSatisfy { v in
            let date = (try? fm.attributesOfItem(atPath: folder.appendingPathComponent(v.file).path))?[.modificationDate] as? Date
            return date.map { $0 >= sourceDate } ?? false
        }
    }

    /// Adds the turn of an image's orientation to a cairo context's transformation, so that its
    /// stored pixels are drawn where they are seen (the web copies here, the previews in `PDF`).
    package static func turn(_ cr: OpaquePointer, by t: Turn) {
        var m = cairo_matrix_t()
        cairo_matrix_init(&m, t.xx, t.yx, t.xy, t.yy, t.x0, t.y0)
        cairo_transform(cr, &m)
    }

    /// The decoded image drawn turned into a surface of the size it is seen at.
    private static func turned(_ image: OpaquePointer, by t: Turn, to size: (width: Int, height: Int)) throws -> OpaquePointer {
        guard let out = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(size.width), Int32(size.height)),
              let cr = cairo_create(out) else { throw ImagingError.image("image", "out of memory") }
        defer { cairo_destroy(cr) }
        turn(cr, by: t)
        cairo_set_source_surface(cr, image, 0, 0)
        cairo_paint(cr)
        cairo_surface_flush(out)
        return out
    }

    private static func scale(_ image: OpaquePointer, to w: Int, _ h: Int) throws -> OpaquePointer {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(w), Int32(h)), let cr = cairo_create(surface) else {
            throw ImagingError.image("scaled copy", "out of memory")
        }
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, Double(w) / Double(cairo_image_surface_get_width(image)), Double(h) / Double(cairo_image_surface_get_height(image)))
        cairo_set_source_surface(cr, image, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
        cairo_paint(cr)
        cairo_surface_flush(surface)
        return surface
    }

    private static func writeJPEG(_ surface: OpaquePointer, to url: URL) throws {
        try OutputFile.write(try jpeg(surface, name: url.lastPathComponent), to: url)
    }

    /// A cairo RGB24 surface as JPEG bytes (libjpeg-turbo, quality 82, 4:2:0).
    static func jpeg(_ surface: OpaquePointer, name: String) throws -> Data {
        guard let handle = tjInitCompress() else { throw ImagingError.image(name, "cannot start the JPEG encoder") }
        defer { tjDestroy(handle) }
        var buffer: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        cairo_surface_flush(surface)
        let status = tjCompress2(handle, cairo_image_surface_get_data(surface), cairo_image_surface_get_width(surface),
                                 cairo_image_surface_get_stride(surface), cairo_image_surface_get_height(surface),
                                 Int32(TJPF_BGRX.rawValue), &buffer, &size, Int32(TJSAMP_420.rawValue), 82, 0)
        defer { tjFree(buffer) }
        guard status == 0, let buffer else { throw ImagingError.image(name, String(cString: tjGetErrorStr2(handle))) }
        return Data(bytes: buffer, count: Int(size))
    }

    /// For tests: a JPEG of `width` × `height` whose pixel colours `color(x, y)` gives.
    package static func jpeg(width: Int, height: Int, color: (Int, Int) -> (UInt8, UInt8, UInt8)) throws -> Data {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw ImagingError.image("test", "out of memory")
        }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface)), base = cairo_image_surface_get_data(surface)!
        for y in 0..<height {
            for x in 0..<width {
                let (r, g, b) = color(x, y), p = base + y * stride + x * 4
                p[0] = b; p[1] = g; p[2] = r; p[3] = 255
            }
        }
        cairo_surface_mark_dirty(surface)
        return try jpeg(surface, name: "test")
    }

    private static func writePNG(_ surface: OpaquePointer, to url: URL) throws {
        try OutputFile.write(to: url) { temporary in
            guard cairo_surface_write_to_png(surface, temporary.path) == CAIRO_STATUS_SUCCESS else {
                throw ImagingError.image(url.lastPathComponent, "cannot write the PNG")
            }
        }
    }
}
