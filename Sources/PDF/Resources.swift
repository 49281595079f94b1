internal import CCairo
import Foundation
import Imaging
import Model
import Pages

/// Fonts and images opened for one PDF, each once. cairo font faces and image surfaces are
/// reference-counted; this class holds one reference to each and drops it in `deinit`.
final class Resources {
    /// Whether images are decoded into pixels (PNG previews) or JPEGs only attached (PDF).
    let rasterize: Bool
    private var faces: [String: OpaquePointer] = [:]
    private var images: [String: OpaquePointer] = [:]

    init(rasterize: Bool = false) {
        self.rasterize = rasterize
    }

    deinit {
        for face in faces.values { cairo_font_face_destroy(face) }
        for image in images.values { cairo_surface_destroy(image) }
    }

    /// A cairo font face for a font file, through FreeType. The FT_Face is released by cairo
    /// itself (user-data destroy callback) when the last reference to the face goes away.
    func face(_ font: FontFace) throws -> OpaquePointer {
        if let face = faces[font.path] { return face }
        var ftFace: FT_Face?
        let error = FreeType.lock.withLock { FT_New_Face(FreeType.library, font.path, 0, &ftFace) }
        guard error == 0, let ftFace else {
            throw PDFError.cairo("open the font '\(font.name)'", "FreeType refused it")
        }
        guard let face = cairo_ft_font_face_create_for_ft_face(ftFace, 0) else {
            FreeType.done(ftFace)
            throw PDFError.cairo("use the font '\(font.name)'", "out of memory")
        }
        let status = cairo_font_face_set_user_data(face, &FreeType.faceKey, UnsafeMutableRawPointer(ftFace)) {
            FreeType.done($0?.assumingMemoryBound(to: FT_FaceRec.self))
        }
        if status != CAIRO_STATUS_SUCCESS {
            cairo_font_face_destroy(face)
            FreeType.done(ftFace)
            throw PDFError.cairo("use the font '\(font.name)'", String(cString: cairo_status_to_string(status)))
        }
        faces[font.path] = face
        return face
    }

    /// An image surface. A JPEG's bytes are attached as MIME data, so cairo embeds them
    /// unchanged (the surface's pixels are never drawn into the PDF); a PNG is decoded by cairo.
    func image(_ ref: ImageRef) throws -> OpaquePointer {
        if let surface = images[ref.file] { return surface }
        let surface: OpaquePointer
        switch ref.format {
        case .jpeg:
            guard let data = FileManager.default.contents(atPath: ref.file) else { throw PDFError.image(ref.issuePath, "unreadable") }
            if rasterize {
                let s = try JPEGDecoder.surface(data, name: ref.issuePath)
                images[ref.file] = s
                return s
            }
            guard let s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(ref.storedWidth), Int32(ref.storedHeight)) else {
                throw PDFError.image(ref.issuePath, "out of memory")
            }
            surface = s
            try attach(data, CAIRO_MIME_TYPE_JPEG, to: s)
            try attach(Data(ref.issuePath.utf8), CAIRO_MIME_TYPE_UNIQUE_ID, to: s)
        case .png:
            guard let s = cairo_image_surface_create_from_png(ref.file) else { throw PDFError.image(ref.issuePath, "out of memory") }
            surface = rasterize ? s : Resources.flatten(s)
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw PDFError.image(ref.issuePath, String(cString: cairo_status_to_string(status)))
        }
        images[ref.file] = surface
        return surface
    }

    /// A PNG with an alpha channel, flattened onto white paper: in a PDF it would become a soft
    /// mask (transparency) that the printing shop must then flatten itself.
    static func flatten(_ png: OpaquePointer) -> OpaquePointer {
        guard cairo_surface_status(png) == CAIRO_STATUS_SUCCESS, cairo_image_surface_get_format(png) == CAIRO_FORMAT_ARGB32,
              let flat = cairo_image_surface_create(CAIRO_FORMAT_RGB24, cairo_image_surface_get_width(png),
                                                    cairo_image_surface_get_height(png)),
              let cr = cairo_create(flat) else { return png }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_set_source_surface(cr, png, 0, 0)
        cairo_paint(cr)
        cairo_destroy(cr)
        cairo_surface_destroy(png)
        return flat
    }

    /// Gives cairo its own malloc'd copy of `data`, freed by cairo when the surface goes.
    private func attach(_ data: Data, _ mimeType: String, to surface: OpaquePointer) throws {
        guard let copy = malloc(max(data.count, 1)) else { throw PDFError.cairo("attach image data", "out of memory") }
        data.copyBytes(to: copy.assumingMemoryBound(to: UInt8.self), count: data.count)
        let status = cairo_surface_set_mime_data(surface, mimeType, copy.assumingMemoryBound(to: UInt8.self),
                                                 UInt(data.count), { free($0) }, copy)
        if status != CAIRO_STATUS_SUCCESS {
            free(copy)
            throw PDFError.cairo("attach image data", String(cString: cairo_status_to_string(status)))
        }
    }
}

/// One FreeType library for the process; it lives as long as the process, since cairo may
/// release font faces (and their FT_Faces) late, from its own caches. FreeType wants faces
/// created and freed under a lock when several threads share a library (two PDFs written at once).
enum FreeType {
    static let lock = NSLock()

    static func done(_ face: FT_Face?) {
        lock.withLock { _ = FT_Done_Face(face) }
    }

    nonisolated(unsafe) static let library: FT_Library? = {
        var library: FT_Library?
        FT_Init_FreeType(&library)
        return library
    }()
    nonisolated(unsafe) static var faceKey = cairo_user_data_key_t()
}
