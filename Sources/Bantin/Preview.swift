import Foundation
import Layout
import PDF

extension Pipeline {
    /// `bantin preview`: PNGs of the chosen pages and a contact sheet of all of them, in
    /// `out/<id>/preview/`. Returns the files written, or nil after diagnostics.
    public func preview(_ folder: URL, pages range: ClosedRange<Int>?, dpi: Double) -> [URL]? {
        guard let laid = lay(folder) else { return nil }
        let pages = laid.result.pages
        do {
            let out = options.outDirectory.appendingPathComponent(laid.loaded.issue.id).appendingPathComponent("preview")
            let writer = PreviewWriter(dpi: dpi)
            var files = try writer.writePages(pages, numbers: range, to: out)
            let sheet = out.appendingPathComponent("contact-sheet.png")
            try writer.writeContactSheet(pages, to: sheet)
            files.append(sheet)
            return files
        } catch {
            engine.emit(.error("preview", "\(laid.loaded.issue.id): \(error)", at: nil))
            return nil
        }
    }
}
