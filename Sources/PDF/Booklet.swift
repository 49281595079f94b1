internal import CCairo
import Foundation
import Model
import Pages

/// Saddle-stitch imposition (PRINT.md, "Booklet imposition"): for N pages (N a multiple of 4),
/// sheet s = 0 … N/4−1 carries on its front (N−2s, 2s+1) and on its back (2s+2, N−2s−1).
public enum BookletOrder {
    public struct Side: Equatable, Sendable {
        public var left: Int
        public var right: Int
    }

    public static func sides(pages n: Int) -> [Side] {
        precondition(n % 4 == 0 && n > 0, "a booklet needs a multiple of four pages")
        return (0..<n / 4).flatMap { s in
            [Side(left: n - 2 * s, right: 2 * s + 1), Side(left: 2 * s + 2, right: n - 2 * s - 1)]
        }
    }
}

/// Writes the booklet: two trimmed pages side by side on each sheet side (A4 pages on A3, A5
/// on A4), crop marks at the sheet's corners and fold marks at the spine. Each page is drawn
/// once into a cairo recording surface and painted in place, so everything stays vector.
public struct BookletWriter {
    public init() {}

    public func write(_ pages: [Page], metadata: PDFMetadata, to url: URL) throws {
        try Finisher.write(to: url, metadata: metadata) { drawn in try render(pages, metadata: metadata, to: drawn) }
    }

    private func render(_ pages: [Page], metadata: PDFMetadata, to path: String) throws {
        guard let first = pages.first, pages.count % 4 == 0 else {
            throw PDFError.cairo("impose the booklet", "it needs a multiple of four pages, not \(pages.count)")
        }
        let trim = first.trimBox
        let margin = CropMarks.room(bleed: first.bleed)
        let sheet = Size(width: trim.width * 2 + margin * 2, height: trim.height + margin * 2)
        guard let surface = cairo_pdf_surface_create(path, sheet.width.value, sheet.height.value) else {
            throw PDFError.cairo("create the booklet", "out of memory")
        }
        defer { cairo_surface_destroy(surface) }
        let date = metadata.date.iso + "T00:00:00"
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title + " — bình bản")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
        guard let cr = cairo_create(surface) else { throw PDFError.cairo("draw the booklet", "out of memory") }
        defer { cairo_destroy(cr) }

        let resources = Resources()
        let recorded = try pages.map { try record($0, resources: resources) }
        defer { recorded.forEach { cairo_surface_destroy($0) } }
        for side in BookletOrder.sides(pages: pages.count) {
            for (slot, number) in [side.left, side.right].enumerated() {
                let x = margin.value + Double(slot) * trim.width.value
                cairo_save(cr)
                cairo_rectangle(cr, x, margin.value, trim.width.value, trim.height.value)
                cairo_clip(cr)
                cairo_set_source_surface(cr, recorded[number - 1], x, margin.value)
                cairo_paint(cr)
                cairo_restore(cr)
            }
            let spread = Rect(x: margin, y: margin, width: trim.width * 2, height: trim.height)
            CropMarks.draw(cr, trim: spread, bleed: first.bleed)
            foldMarks(cr, spread, offset: CropMarks.offset(bleed: first.bleed).value)
            cairo_show_page(cr)
            try check(cairo_status(cr), "impose pages \(side.left) and \(side.right)")
        }
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), "finish the booklet")
    }

    /// One page, trimmed, as vector drawing commands.
    private func record(_ page: Page, resources: Resources) throws -> OpaquePointer {
        var extents = cairo_rectangle_t(x: 0, y: 0, width: page.trimBox.width.value, height: page.trimBox.height.value)
        guard let recording = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents),
              let cr = cairo_create(recording) else { throw PDFError.cairo("record a page", "out of memory") }
        defer { cairo_destroy(cr) }
        cairo_translate(cr, -page.trimBox.x.value, -page.trimBox.y.value)
        try PageRenderer(cr: cr, resources: resources).draw(page)
        try check(cairo_status(cr), "record page \(page.number)")
        return recording
    }

    /// Short marks on the spine's line, above and below the sheet's trim: where it is folded.
    private func foldMarks(_ cr: OpaquePointer, _ spread: Rect, offset: Double) {
        let x = (spread.x + spread.width / 2).value, length = CropMarks.length.value
        cairo_save(cr)
        cairo_set_line_width(cr, 0.25)
        cairo_set_dash(cr, [2, 2], 2, 0)
        cairo_move_to(cr, x, spread.y.value - offset)
        cairo_line_to(cr, x, spread.y.value - offset - length)
        cairo_move_to(cr, x, spread.maxY.value + offset)
        cairo_line_to(cr, x, spread.maxY.value + offset + length)
        cairo_stroke(cr)
        cairo_restore(cr)
    }
}
