import Diagnostics
import Foundation
import Layout
import Loading
import Model
import Web

extension Pipeline {
    var webDirectory: URL { options.outDirectory.appendingPathComponent("web") }

    /// `bantin build`: loads and checks every issue, then writes each one's PDFs and preflight
    /// while the web edition of all of them is written beside. An issue with errors is left out.
    /// The web edition starts once the first issue is typeset: typesetting keeps every core
    /// busy, pagination and preflight keep one, so the web pages fill the other.
    @discardableResult
    public func build(_ folders: [URL]) -> [BuiltIssue] {
        let checked = folders.compactMap { loadAndCheck($0, log: log, keepingLedger: true) }
        guard !checked.isEmpty, let theme = loadTheme() else { return [] }
        log("[web] \(WebEditionStep.name) \(checked.map(\.loaded.issue.id).joined(separator: ", "))")
        let step = WebEditionStep(theme: theme, fontsDirectory: workspace.fontsDirectory, directory: webDirectory)
        let images = checked.map { ($0.loaded.issue, $0.images) }
        let web = Background { () -> (pages: [String], seconds: Double)? in
            let runner = StepRunner(id: "web", engine: self.engine, log: nil)
            // Only issues whose images all decode are published (each issue's own steps report
            // the damaged ones); the web thread waits for the checks still running.
            let issues = images.filter { !$1.value.contains { $0.severity == .error } }.map(\.0)
            let published = self.publishedIssues(besides: folders)
            return runner.run(step, (issues, published)).map { ($0, runner.timings.last?.seconds ?? 0) }
        }
        var built = checked.compactMap { produce($0, whenTypeset: web.start) }
        guard let site = web.value else { return built }
        for i in built.indices {
            do {
                try WebSite.copyPDF(built[i].screenPDF, of: built[i].issue, into: webDirectory)
            } catch {
                engine.emit(.error("write", "cannot copy the screen PDF into the web edition: \(error)", at: nil))
            }
            built[i].webPages = site.pages.filter { $0.hasPrefix(built[i].issue.id + "/") }
            built[i].timings.append(StepTiming(step: "Web edition (beside)", seconds: site.seconds))
        }
        return built
    }

    /// The other issues under `issues/` whose pages an earlier build put on the site, loaded
    /// (documents only, quietly) so that the archive, feed, sitemap and search keep them. One that
    /// no longer loads is left out of those, with a warning; its pages stay where they are.
    func publishedIssues(besides folders: [URL]) -> [Issue] {
        let building = Set(folders.map { $0.standardized.lastPathComponent })
        let others = defaultIssueFolders().filter { folder in
            !building.contains(folder.lastPathComponent)
                && workspace.fileExists(webDirectory.appendingPathComponent(folder.lastPathComponent + "/index.html"))
        }
        return Parallel.map(others) { folder -> Issue? in
            let quiet = DiagnosticEngine()
            if let loaded = IssueLoader(workspace: workspace, engine: quiet).load(issueFolder: folder) { return loaded.issue }
            let id = folder.lastPathComponent
            engine.emit(.warning("site-issue", "the issue '\(id)' is on the site but has errors now: the archive, feed, sitemap and search leave it out",
                                 at: nil, hint: "run `bantin check issues/\(id)` and fix what it reports, then build again"))
            return nil
        }.compactMap { $0 }
    }

    /// Steps 3 to 6 for one issue that loaded and checked cleanly.
    private func produce(_ issue: Checked, whenTypeset: () -> Void) -> BuiltIssue? {
        let runner = issue.runner, loaded = issue.loaded
        let folder = options.outDirectory.appendingPathComponent(loaded.issue.id)
        let store = ArticleStore(folder: folder.appendingPathComponent(".cache"), keys: ArticleKeys(workspace: workspace).keys(for: loaded),
                                 fontsDirectory: workspace.fontsDirectory)
        guard let laid = lay(issue, store: store, whenTypeset: whenTypeset) else { return nil }
        let result = laid.result
        if result.paddedPages > 0 {
            log("      padded \(result.paddedPages) page(s) to \(result.pages.count), a multiple of 4 for saddle stitching")
        }
        let pages = result.pages
        let check = PreflightCheck(folder: folder), layout = loaded.layout, title = loaded.issue.pdfMetadata.title, laidPages = result.laid
        var write = WritePDFsStep(workspace: workspace, folder: folder, booklet: options.booklet)
        write.vetPrint = { url in
            check.run(pages, pdf: url, layout: layout, title: title) { laidPages[$0].source(at: $1, layout: layout) }
        }
        guard let written = runner.run(write, (loaded, pages)) else { return nil }
        for timing in written.timings { runner.record(timing.step, seconds: timing.seconds) }
        runner.record("  preflight check", seconds: check.seconds)
        // Preflight errors fail the run (exit status 1), but the issue was built: it is reported.
        let booklet = options.booklet ? folder.appendingPathComponent("booklet.pdf") : nil
        let report = runner.run(PreflightStep(engine: engine), (loaded, result.laid, written.printPDF, try? check.outcome?.get(), booklet))
        var built = BuiltIssue(issue: loaded.issue, pages: result.laid, printPDF: written.printPDF, webPages: [],
                               paddedPages: result.paddedPages, typesetArticles: laid.composition.typesetArticles, timings: runner.timings)
        if options.quality {
            built.quality = zip(loaded.issue.articles, laid.composition.quality).map { ArticleReport(path: $0.path, $1) }
        }
        built.preflight = report.map { ($0.verdict, $0.errors, $0.warnings) }
        if options.proof {
            built.proof = runner.run(ProofStep(folder: folder, typesetter: issue.typesetter), (loaded, result.laid))
            if let round = built.proof {
                log("      proof round \(round.number): \(round.pdf.path)"
                    + (round.changes.map { ", \(round.changedPages.count) page(s) changed: \($0.path)" } ?? ""))
            }
        }
        return built
    }
}
