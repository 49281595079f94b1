/// PDF: pages to bytes with cairo.
///
/// Steps: `PDFWriter` opens a cairo PDF surface at trim + bleed → `PageRenderer` draws each
/// page's items (glyph runs with their cluster maps, images, rules) → the file is finished and
/// renamed into place. Sees only the layout's page types.
internal import CCairo
import Foundation
import Layout

/// Document information written into the PDF. Dates come from the issue, so builds are reproducible.
public struct PDFMetadata: Sendable {
    public var title: String
    public var author: String
    public var subject: String
    public var date: ISODate

    public init(title: String, author: String, subject: String, date: ISODate) {
        self.title = title
        self.author = author
        self.subject = subject
        self.date = date
    }
}

public enum PDFError: Error, CustomStringConvertible {
    case cairo(String, String)
    case image(String, String)

    public var description: String {
        switch self {
        case .cairo(let what, let status): "cairo could not \(what): \(status)"
        case .image(let file, let status): "cannot draw the image '\(file)': \(status)"
        }
    }
}

public struct PDFWriter {
    public init() {}

    /// Writes `pages` to `url` through a temporary file in the same folder, renamed into place
    /// only when cairo reports success: a failed write leaves the previous file untouched.
    public func write(_ pages: [Page], metadata: PDFMetadata, to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        try render(pages, metadata: metadata, to: temporary.path)
        guard rename(temporary.path, url.path) == 0 else {
            throw PDFError.cairo("move the finished PDF to '\(url.path)'", String(cString: strerror(errno)))
        }
    }

    private func render(_ pages: [Page], metadata: PDFMetadata, to path: String) throws {
        let first = pages.first?.mediaSize ?? Size(width: .mm(210), height: .mm(297))
        guard let surface = cairo_pdf_surface_create(path, first.width.value, first.height.value) else {
            throw PDFError.cairo("create the PDF surface", "out of memory")
        }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface), "create '\(path)'")
        setMetadata(surface, metadata)

        let resources = Resources()
        guard let cr = cairo_create(surface) else { throw PDFError.cairo("create a drawing context", "out of memory") }
        defer { cairo_destroy(cr) }
        let renderer = PageRenderer(cr: cr, resources: resources)
        for page in pages {
            cairo_pdf_surface_set_size(surface, page.mediaSize.width.value, page.mediaSize.height.value)
            try renderer.draw(page)
            cairo_show_page(cr)
            try check(cairo_status(cr), "draw page \(page.number)")
        }
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), "finish the PDF")
    }

    private func setMetadata(_ surface: OpaquePointer, _ m: PDFMetadata) {
        let date = m.date.iso + "T00:00:00"
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, m.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, m.author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, m.subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Bantin")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
    }
}

func check(_ status: cairo_status_t, _ what: String) throws {
    guard status == CAIRO_STATUS_SUCCESS else {
        throw PDFError.cairo(what, String(cString: cairo_status_to_string(status)))
    }
}
