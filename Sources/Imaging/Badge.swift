internal import CCairo
import Foundation

/// The small pictures the web edition draws itself: the favicon (the publication's initials,
/// or its own icon file scaled) and the thumbnail of an article with no picture of its own
/// (its section's initials on the section's colour). Drawn with cairo, the letters in a font
/// from `fonts/` through FreeType, never a system font: the same inputs give the same bytes.
public enum Badge {
    public typealias Colour = (red: Double, green: Double, blue: Double)

    /// A PNG of `width` × `height` pixels: `letters` in white, centred on `background`, in the
    /// font file `font`.
    public static func png(_ letters: String, width: Int, height: Int, background: Colour, font: URL) throws -> Data {
        let face = try BadgeFont(font)
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw ImagingError.image("badge", "out of memory")
        }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { throw ImagingError.image("badge", "out of memory") }
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, background.red, background.green, background.blue)
        cairo_paint(cr)
        cairo_set_font_face(cr, face.face)
        // As large as fits 70 % of the width and 45 % of the height: legible at 32 pixels.
        var extents = cairo_text_extents_t()
        cairo_set_font_size(cr, 100)
        cairo_text_extents(cr, letters, &extents)
        let scale = min(0.7 * Double(width) / max(extents.width, 1), 0.45 * Double(height) / max(extents.height, 1))
        cairo_set_font_size(cr, 100 * scale)
        cairo_text_extents(cr, letters, &extents)
        cairo_move_to(cr, (Double(width) - extents.width) / 2 - extents.x_bearing,
                      (Double(height) - extents.height) / 2 - extents.y_bearing)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_show_text(cr, letters)
        return try pngData(surface, name: "badge")
    }

    /// An icon file (PNG or JPEG) scaled to fit a `side` × `side` square, centred on white.
    public static func png(scaling source: URL, isJPEG: Bool, side: Int) throws -> Data {
        let image: OpaquePointer
        if isJPEG {
            image = try JPEGDecoder.surface(try Data(contentsOf: source), name: source.lastPathComponent)
        } else {
            guard let png = cairo_image_surface_create_from_png(source.path), cairo_surface_status(png) == CAIRO_STATUS_SUCCESS else {
                throw ImagingError.image(source.lastPathComponent, "cairo cannot read it as PNG")
            }
            image = png
        }
        defer { cairo_surface_destroy(image) }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(side), Int32(side)) else {
            throw ImagingError.image(source.lastPathComponent, "out of memory")
        }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { throw ImagingError.image(source.lastPathComponent, "out of memory") }
        defer { cairo_destroy(cr) }
        let w = Double(cairo_image_surface_get_width(image)), h = Double(cairo_image_surface_get_height(image))
        let scale = Double(side) / max(w, h)
        cairo_translate(cr, (Double(side) - w * scale) / 2, (Double(side) - h * scale) / 2)
        cairo_scale(cr, scale, scale)
        cairo_set_source_surface(cr, image, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
        cairo_paint(cr)
        return try pngData(surface, name: source.lastPathComponent)
    }

    /// A surface's PNG bytes, written to memory (cairo's stream writer appends each chunk).
    private static func pngData(_ surface: OpaquePointer, name: String) throws -> Data {
        cairo_surface_flush(surface)
        final class Sink { var data = Data() }
        let sink = Sink()
        let status = cairo_surface_write_to_png_stream(surface, { closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else { throw ImagingError.image(name, "cannot write the PNG") }
        return sink.data
    }
}

/// A cairo font face over a FreeType face of one font file; cairo frees the FT_Face (user-data
/// destroy callback) when its last reference goes, which may be late, from its own caches.
private final class BadgeFont {
    let face: OpaquePointer

    init(_ font: URL) throws {
        var ftFace: FT_Face?
        let error = BadgeFont.lock.withLock { FT_New_Face(BadgeFont.library, font.path, 0, &ftFace) }
        guard error == 0, let ftFace else { throw ImagingError.image(font.lastPathComponent, "FreeType cannot open the font") }
        guard let face = cairo_ft_font_face_create_for_ft_face(ftFace, 0) else {
            BadgeFont.done(ftFace)
            throw ImagingError.image(font.lastPathComponent, "out of memory")
        }
        let status = cairo_font_face_set_user_data(face, &BadgeFont.key, UnsafeMutableRawPointer(ftFace)) {
            BadgeFont.done($0?.assumingMemoryBound(to: FT_FaceRec.self))
        }
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_font_face_destroy(face)
            BadgeFont.done(ftFace)
            throw ImagingError.image(font.lastPathComponent, String(cString: cairo_status_to_string(status)))
        }
        self.face = face
    }

    deinit { cairo_font_face_destroy(face) }

    /// One FreeType library for the process (cairo may release faces after any badge is drawn);
    /// faces are made and freed under a lock, as FreeType asks when threads share a library.
    private static let lock = NSLock()
    nonisolated(unsafe) private static let library: FT_Library? = {
        var library: FT_Library?
        FT_Init_FreeType(&library)
        return library
    }()
    nonisolated(unsafe) private static var key = cairo_user_data_key_t()

    private static func done(_ face: FT_Face?) {
        lock.withLock { _ = FT_Done_Face(face) }
    }
}
