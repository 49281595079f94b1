/// PDF: pages to bytes with cairo.
///
/// Steps: `PDFWriter` opens a cairo PDF surface at trim + bleed → `PageRenderer` draws each
/// page's items (glyph runs with their cluster maps, images, rules) → the file is finished and
/// renamed into place. Sees only the layout's page types.
internal import CCairo
import Foundation
import Model
import Pages

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
    case finishing(String)
    case writing(String)

    public var description: String {
        switch self {
        case .cairo(let what, let status): "cairo could not \(what): \(status)"
        case .image(let file, let status): "cannot draw the image '\(file)': \(status)"
        case .finishing(let what): "the PDF finishing step (qpdf) failed: \(what)"
        case .writing(let what): "cannot write the PDF: \(what)"
        }
    }
}

/// Which PDF to write.
public enum PDFKind: Sendable {
    /// For the printing shop: trim + bleed (+ room for crop marks), boxes, PDF/X-4 when given a profile.
    case print(PrintOptions)
    /// For reading on screen: trim size, bookmarks, live links, page labels as printed.
    case screen(PDFOutline)
}

public struct PrintOptions: Sendable {
    public var cropMarks: Bool
    public var pdfx: PDFXProfile?

    public init(cropMarks: Bool, pdfx: PDFXProfile?) {
        self.cropMarks = cropMarks
        self.pdfx = pdfx
    }
}

/// The colour profiles of a PDF/X-4 file: the printing condition (CMYK) and the RGB the pages use.
public struct PDFXProfile: Sendable {
    public var output: Data
    public var condition: String
    public var rgb: Data

    public init(output: Data, condition: String, rgb: Data) {
        self.output = output
        self.condition = condition
        self.rgb = rgb
    }
}

/// Bookmarks: sections, each with its articles (a title and the name of the article's anchor).
public struct PDFOutline: Sendable {
    public struct Entry: Sendable {
        public var title: String
        public var anchor: String
        public var children: [Entry]

        public init(title: String, anchor: String, children: [Entry] = []) {
            self.title = title
            self.anchor = anchor
            self.children = children
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }
}

public struct PDFWriter {
    public init() {}

    /// Room beyond the bleed for crop marks: they start `markOffset` from the trim (outside the
    /// bleed) and run `markLength`, as PRINT.md asks.
    static let markLength: Pt = .mm(6)
    static func markOffset(bleed: Pt) -> Pt { max(.mm(3), bleed + .mm(1)) }

    /// Writes `pages` to `url`: cairo draws into a temporary file, the finishing step (qpdf)
    /// rewrites it into a second one, which is renamed into place only when both succeeded — a
    /// failed write leaves the previous file untouched.
    public func write(_ pages: [Page], metadata: PDFMetadata, kind: PDFKind, to url: URL) throws {
        try Finisher.write(to: url, metadata: metadata) { drawn, finisher in
            let boxes = try render(pages, metadata: metadata, kind: kind, to: drawn)
            if case .print(let options) = kind {
                finisher.boxes = boxes
                finisher.pdfx = options.pdfx.map { Finisher.PDFX(outputProfile: $0.output, outputCondition: $0.condition, rgbProfile: $0.rgb) }
            } else {
                finisher.pageNumbers = pages.map(\.number)
            }
        }
    }

    /// Draws every page; returns each page's trim and bleed boxes in PDF coordinates.
    private func render(_ pages: [Page], metadata: PDFMetadata, kind: PDFKind, to path: String) throws -> [Finisher.Boxes] {
        guard let surface = cairo_pdf_surface_create(path, 595, 842) else {
            throw PDFError.cairo("create the PDF surface", "out of memory")
        }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface), "create '\(path)'")
        setMetadata(surface, metadata)

        let resources = Resources()
        guard let cr = cairo_create(surface) else { throw PDFError.cairo("create a drawing context", "out of memory") }
        defer { cairo_destroy(cr) }
        var renderer = PageRenderer(cr: cr, resources: resources)
        var boxes: [Finisher.Boxes] = []
        // cairo 1.16 corrupts the xref for links outside any structure tag (PRINT.md): the screen
        // PDF, which has links, is one tagged "Document".
        let tagged = if case .screen = kind { true } else { false }
        if tagged { cairo_tag_begin(cr, "Document", "") }
        for page in pages {
            let trim = page.trimBox
            switch kind {
            case .print(let options):
                // Crop marks need room beyond the bleed: the media grows, the page moves in.
                let margin = options.cropMarks ? PDFWriter.markOffset(bleed: page.bleed) + PDFWriter.markLength + .mm(2) - page.bleed : 0
                let width = page.mediaSize.width + margin * 2, height = page.mediaSize.height + margin * 2
                cairo_pdf_surface_set_size(surface, width.value, height.value)
                cairo_save(cr)
                cairo_translate(cr, margin.value, margin.value)
                try renderer.draw(page)
                cairo_restore(cr)
                let t = Rect(x: trim.x + margin, y: trim.y + margin, width: trim.width, height: trim.height)
                if options.cropMarks { CropMarks.draw(cr, trim: t, bleed: page.bleed) }
                let bleed = t.insetBy(-page.bleed)
                boxes.append(Finisher.Boxes(trim: flip(t, height), bleed: flip(bleed, height)))
            case .screen:
                renderer.links = true
                cairo_pdf_surface_set_size(surface, trim.width.value, trim.height.value)
                cairo_pdf_surface_set_page_label(surface, String(page.number))
                cairo_save(cr)
                cairo_translate(cr, -trim.x.value, -trim.y.value)
                try renderer.draw(page)
                cairo_restore(cr)
            }
            cairo_show_page(cr)
            try check(cairo_status(cr), "draw page \(page.number)")
        }
        if tagged { cairo_tag_end(cr, "Document") }
        if case .screen(let outline) = kind { addOutline(surface, outline.entries, parent: 0) }
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), "finish the PDF")
        return boxes
    }

    /// From top-left page coordinates to PDF's bottom-left ones.
    private func flip(_ r: Rect, _ height: Pt) -> Rect {
        Rect(x: r.x, y: height - r.maxY, width: r.width, height: r.height)
    }

    private func addOutline(_ surface: OpaquePointer, _ entries: [PDFOutline.Entry], parent: Int32) {
        for entry in entries {
            let id = cairo_pdf_surface_add_outline(surface, parent, entry.title, "dest='\(Tags.escape(entry.anchor))'",
                                                   cairo_pdf_outline_flags_t(rawValue: 0))
            addOutline(surface, entry.children, parent: id)
        }
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

/// Crop marks: hairlines at each corner of the trim, outside the bleed (PRINT.md).
enum CropMarks {
    static func draw(_ cr: OpaquePointer, trim t: Rect, bleed: Pt) {
        let offset = PDFWriter.markOffset(bleed: bleed).value, length = PDFWriter.markLength.value
        cairo_save(cr)
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_set_line_width(cr, 0.25)
        for (x, dx) in [(t.x.value, -1.0), (t.maxX.value, 1.0)] {
            for (y, dy) in [(t.y.value, -1.0), (t.maxY.value, 1.0)] {
                // Horizontal mark on the line of the trim's edge, vertical likewise.
                cairo_move_to(cr, x + dx * offset, y)
                cairo_line_to(cr, x + dx * (offset + length), y)
                cairo_move_to(cr, x, y + dy * offset)
                cairo_line_to(cr, x, y + dy * (offset + length))
            }
        }
        cairo_stroke(cr)
        cairo_restore(cr)
    }
}

/// cairo's tag attributes are `key='value'` with `\'` and `\\` escaped.
enum Tags {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }
}

func check(_ status: cairo_status_t, _ what: String) throws {
    guard status == CAIRO_STATUS_SUCCESS else {
        throw PDFError.cairo(what, String(cString: cairo_status_to_string(status)))
    }
}
