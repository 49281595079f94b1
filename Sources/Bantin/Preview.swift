import Foundation
import Layout
import PDF

extension Pipeline {
    /// `bantin preview`: PNGs of the chosen pages and a contact sheet of all of them, in
    /// `out/<id>/preview/`. Returns the files written, or nil after diagnostics.
    public func preview(_ folder: URL, pages range: ClosedRange<Int>?, dpi: Double) -> [URL]? {
        guard let loaded = load(folder), let typesetter = check(loaded) else { return nil }
        let paginator = Paginator(issue: loaded.issue, layout: loaded.layout, typesetter: typesetter)
        do {
            let result = try paginator.paginate(try paginator.compose())
            engine.emit(contentsOf: result.problems)
            let out = options.outDirectory.appendingPathComponent(loaded.issue.id).appendingPathComponent("preview")
            let writer = PreviewWriter(dpi: dpi)
            var files = try writer.writePages(result.pages, numbers: range, to: out)
            let sheet = out.appendingPathComponent("contact-sheet.png")
            try writer.writeContactSheet(result.pages, to: sheet)
            files.append(sheet)
            return files
        } catch {
            engine.emit(.error("preview", "\(loaded.issue.id): \(error)", at: nil))
            return nil
        }
    }
}
