import Foundation
import Layout
import Loading
import PDF

extension Pipeline {
    /// An issue through steps 1–4, for the commands that write no PDF.
    struct Laid {
        var loaded: LoadedIssue
        var composition: Paginator.Composition
        var result: Paginator.Result
    }

    /// Steps 1 to 4 — the same steps `build` runs first — without progress lines (the
    /// commands that use them print their result on standard output).
    func lay(_ folder: URL) -> Laid? {
        guard let checked = loadAndCheck(folder, log: nil) else { return nil }
        return lay(checked, store: nil)
    }

    /// Steps 3 and 4 for an issue that loaded and checked cleanly; `build` gives the issue's
    /// article store, the commands that write nothing give none. `whenTypeset` runs between
    /// the two steps, once the images decoded beside typesetting are known to be sound.
    func lay(_ checked: Checked, store: ArticleStore?, whenTypeset: () -> Void = {}) -> Laid? {
        let runner = checked.runner, loaded = checked.loaded
        let paginator = Paginator(issue: loaded.issue, layout: loaded.layout, typesetter: checked.typesetter)
        guard let composition = runner.run(TypesetStep(engine: engine, store: store), paginator) else { return nil }
        // Nothing is written from an issue with a damaged image, the web edition neither.
        let damaged = checked.images.value
        engine.emit(contentsOf: damaged)
        guard !damaged.contains(where: { $0.severity == .error }) else { return nil }
        whenTypeset()
        guard let result = runner.run(PaginateStep(engine: engine), (paginator, composition)) else { return nil }
        return Laid(loaded: loaded, composition: composition, result: result)
    }

    public enum DumpStage: String, CaseIterable, Sendable {
        case document, lines, pages, pdf
    }

    /// `bantin dump`: an IR as text — the document, every paragraph's lines at the column
    /// width, the pages with the layout's flow records, or the trace of what the PDF stage receives.
    public func dump(_ stage: DumpStage, _ folder: URL) -> String? {
        if stage == .document {
            let runner = StepRunner(id: folder.standardized.lastPathComponent, engine: engine, log: nil)
            return runner.run(LoadStep(workspace: workspace, engine: engine, layoutOverride: options.layoutOverride), folder)?.issue.dump
        }
        guard let laid = lay(folder) else { return nil }
        switch stage {
        case .lines: return laid.composition.dump
        case .pdf: return PDFTrace.trace(laid.result.pages)
        default: return laid.result.laid.map(\.dump).joined(separator: "\n")
        }
    }

    /// `bantin check`: the quality report — a line per article (lines, overfull, loose, the
    /// worst paragraph and where it is), then the issue's totals and the preflight's verdict
    /// on the pages. The web theme is checked too, since `build` would need it.
    public func checkReport(_ folder: URL) -> String? {
        _ = loadTheme()
        guard let laid = lay(folder) else { return nil }
        let issue = laid.loaded.issue
        let layout = laid.loaded.layout, pages = laid.result.laid
        let report = Preflight().check(laid.result.pages, pdf: nil, pdfx: layout.pdfx) { pages[$0].source(at: $1, layout: layout) }
        report.emit(into: engine, id: issue.id)
        let quality = laid.composition.quality
        var out: [String] = []
        for (article, q) in zip(issue.articles, quality) {
            out.append(ArticleReport(path: article.path, q).summary)
        }
        let lines = quality.reduce(0) { $0 + $1.lineCount }
        let loose = quality.reduce(0) { $0 + $1.loose }
        let overfull = quality.reduce(0) { $0 + $1.overfull }
        let share = lines > 0 ? Double(loose) * 100 / Double(lines) : 0
        out.append("\(issue.id): \(issue.articles.count) articles, \(laid.result.pages.count) pages, \(lines) lines, "
            + "\(overfull) overfull, \(loose) loose (\(String(format2: share)) %, adjustment ratio above 1)")
        out.append("preflight: \(report.verdict) (\(report.errors) error(s), \(report.warnings) warning(s))")
        return out.joined(separator: "\n")
    }

    /// `bantin preview`: PNGs of the chosen pages (all when nil) and, when asked, a contact sheet
    /// of all of them, in `out/<id>/preview/`, which afterwards holds exactly these files.
    /// Returns the files written, or nil after diagnostics.
    public func preview(_ folder: URL, pages range: ClosedRange<Int>?, dpi: Double, contactSheet: Bool = false) -> [URL]? {
        guard let laid = lay(folder) else { return nil }
        let pages = laid.result.pages
        if let range, !range.overlaps(1...max(pages.count, 1)) {
            engine.emit(.error("preview", "\(laid.loaded.issue.id) has \(pages.count) pages: there is no page \(range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)")",
                               at: nil, hint: "ask for pages between 1 and \(pages.count)"))
            return nil
        }
        do {
            let out = options.outDirectory.appendingPathComponent(laid.loaded.issue.id).appendingPathComponent("preview")
            let writer = PreviewWriter(dpi: dpi)
            var files = try writer.writePages(pages, numbers: range, to: out)
            if contactSheet {
                let sheet = out.appendingPathComponent("contact-sheet.png")
                try writer.writeContactSheet(pages, to: sheet)
                files.append(sheet)
            }
            writer.removeStale(in: out, keeping: files)
            return files
        } catch {
            engine.emit(.error("preview", "\(laid.loaded.issue.id): \(error)", at: nil))
            return nil
        }
    }
}
