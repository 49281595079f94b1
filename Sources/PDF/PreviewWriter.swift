internal import CCairo
import Foundation
import Output
import Model
import Pages

/// PNG previews for designers: chosen pages at a resolution, and a contact sheet of every page,
/// drawn by the same `PageRenderer` as the PDF, on cairo's image surface.
public struct PreviewWriter {
    public var dpi: Double

    public init(dpi: Double = 100) {
        self.dpi = dpi
    }

    /// Writes `page-NNN.png` for each page in `numbers` (all when nil); returns the files written.
    @discardableResult
    public func writePages(_ pages: [Page], numbers: ClosedRange<Int>?, to folder: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let resources = Resources(rasterize: true)
        var written: [URL] = []
        for page in pages where numbers?.contains(page.number) ?? true {
            let url = folder.appendingPathComponent(String(format: "page-%03d.png", page.number))
            try writePage(page, to: url, resources: resources)
            written.append(url)
        }
        return written
    }

    /// One page as a PNG at `url`, with the trim as a hairline.
    public func writePage(_ page: Page, to url: URL) throws {
        try writePage(page, to: url, resources: Resources(rasterize: true))
    }

    /// `resources` (fonts and images opened for drawing) are shared by the pages of one call.
    func writePage(_ page: Page, to url: URL, resources: Resources) throws {
        let scale = dpi / 72
        try render(width: page.mediaSize.width.value * scale, height: page.mediaSize.height.value * scale, to: url) { cr in
            cairo_scale(cr, scale, scale)
            try PageRenderer(cr: cr, resources: resources).draw(page)
            // The trim, as a hairline: what lies outside it is bleed and is cut away.
            cairo_set_source_rgb(cr, 0, 0.6, 0.8)
            cairo_set_line_width(cr, 0.5)
            let t = page.trimBox
            cairo_rectangle(cr, t.x.value, t.y.value, t.width.value, t.height.value)
            cairo_stroke(cr)
        }
    }

    /// Every page, trimmed, side by side in spreads (page 1 alone on the right, as it is bound).
    public func writeContactSheet(_ pages: [Page], to url: URL, thumbnailWidth: Double = 160, spreadsPerRow: Int = 4) throws {
        guard let first = pages.first else { return }
        let trim = first.trimBox
        let scale = thumbnailWidth / trim.width.value
        let w = thumbnailWidth, h = trim.height.value * scale
        let gap = 16.0
        let rows = (pages.count + 2) / 2 / spreadsPerRow + 1
        let sheetWidth = Double(spreadsPerRow) * (2 * w + gap) + gap
        let sheetHeight = Double(rows) * (h + gap) + gap
        let resources = Resources(rasterize: true)
        try render(width: sheetWidth, height: sheetHeight, background: 0.85, to: url) { cr in
            for page in pages {
                // Slot: page 1 is the right half of spread 0; page n sits at n/2, left when even.
                let spread = page.number / 2
                let x = gap + Double(spread % spreadsPerRow) * (2 * w + gap) + (page.number % 2 == 1 ? w : 0)
                let y = gap + Double(spread / spreadsPerRow) * (h + gap)
                cairo_save(cr)
                cairo_rectangle(cr, x, y, w, h)
                cairo_clip(cr)
                cairo_set_source_rgb(cr, 1, 1, 1)
                cairo_paint(cr)
                cairo_translate(cr, x - page.trimBox.x.value * scale, y - page.trimBox.y.value * scale)
                cairo_scale(cr, scale, scale)
                try PageRenderer(cr: cr, resources: resources).draw(page)
                cairo_restore(cr)
            }
        }
    }

    /// Removes what an earlier preview left in `folder` and this one did not write: page images
    /// of other pages (a longer layout's `page-052.png`, pages not asked for this time, so none
    /// stays to be mistaken for the current layout), the contact sheet when it was not drawn,
    /// and temporaries of killed runs. Returns the names removed.
    @discardableResult
    public func removeStale(in folder: URL, keeping written: [URL]) -> [String] {
        OutputFile.removeStale(in: folder)
        let keep = Set(written.map(\.lastPathComponent))
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let stale = names.filter { name in
            guard !keep.contains(name) else { return false }
            if name == "contact-sheet.png" { return true }
            return name.hasPrefix("page-") && name.hasSuffix(".png") && Int(name.dropFirst(5).dropLast(4)) != nil
        }
        for name in stale { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        return stale.sorted()
    }

    private func render(width: Double, height: Double, background: Double = 1, to url: URL,
                        _ draw: (OpaquePointer) throws -> Void) throws {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width.rounded(.up)), Int32(height.rounded(.up))) else {
            throw PDFError.cairo("create an image", "out of memory")
        }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface), "create an image of \(Int(width))×\(Int(height))")
        guard let cr = cairo_create(surface) else { throw PDFError.cairo("draw", "out of memory") }
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, background, background, background)
        cairo_paint(cr)
        try draw(cr)
        try check(cairo_status(cr), "draw the preview")
        try OutputFile.write(to: url) { temporary in
            try check(cairo_surface_write_to_png(surface, temporary.path), "write '\(url.lastPathComponent)'")
        }
    }
}
