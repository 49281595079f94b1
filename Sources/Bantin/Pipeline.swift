/// Bantin: the pipeline — named steps that take an issue folder to its outputs.
///
///     [1/5] Loading 2025-q1            manifest, articles, images, layout   (Loading)
///     [2/5] Checking 2025-q1           fonts open, coverage of every character (Typesetting)
///     [3/5] Typesetting 2025-q1        paragraphs set into lines            (Layout.compose)
///     [4/5] Paginating 2025-q1         lines and figures into pages         (Layout.paginate)
///     [5/5] Writing PDFs 2025-q1       print.pdf, screen.pdf (booklet.pdf) side by side, preflight  (PDF)
///     [web] the web edition of every issue built                                                  (Web)
///
/// Every step reports into one `DiagnosticEngine`; a step that finds errors stops the issue
/// before anything is written, so a failed build leaves the previous outputs untouched.
import Foundation
import Layout
import Loading
import PDF
import Web

public struct BuildOptions: Sendable {
    public var root: URL
    public var outDirectory: URL
    public var layoutOverride: String?
    /// Also write `booklet.pdf`, the 2-up saddle-stitch imposition.
    public var booklet: Bool

    public init(root: URL, outDirectory: URL, layoutOverride: String? = nil, booklet: Bool = false) {
        self.root = root
        self.outDirectory = outDirectory
        self.layoutOverride = layoutOverride
        self.booklet = booklet
    }
}

/// What one issue's build produced.
public struct BuiltIssue: Sendable {
    public var issue: Issue
    public var pages: [Page]
    public var printPDF: URL
    public var screenPDF: URL { printPDF.deletingLastPathComponent().appendingPathComponent("screen.pdf") }
    public var webPages: [String]
    public var paddedPages: Int
    /// Wall time of each step, in order: where the time goes.
    public var timings: [(step: String, seconds: Double)]
}

public final class Pipeline {
    public let options: BuildOptions
    public let workspace: Workspace
    public let engine: DiagnosticEngine
    /// Progress lines (`[3/5] Typesetting 2025-q1`) go here.
    public var log: (String) -> Void
    private var timings: [(step: String, seconds: Double)] = []
    private var loadedTheme: WebTheme?
    private var stepStarted: (name: String, at: DispatchTime)?

    public init(options: BuildOptions, engine: DiagnosticEngine = DiagnosticEngine(), log: @escaping (String) -> Void = { _ in }) {
        self.options = options
        self.workspace = Workspace(root: options.root)
        self.engine = engine
        self.log = log
    }

    /// The issue folders under `issues/`: those with an `issue.yaml`, in name order.
    public func defaultIssueFolders() -> [URL] {
        let issues = options.root.appendingPathComponent("issues")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: issues.path)) ?? []
        return names.sorted().map { issues.appendingPathComponent($0) }
            .filter { workspace.fileExists($0.appendingPathComponent("issue.yaml")) }
    }

    /// Builds each issue's PDFs, then the web edition of those that built (the archive, feed,
    /// search and related articles span all of them). An issue with errors is left out.
    @discardableResult
    public func build(_ folders: [URL]) -> [BuiltIssue] {
        // Load and check every issue first: the web edition needs only the documents, so it is
        // written on the side while the PDFs are typeset and drawn.
        var prepared: [(folder: URL, loaded: LoadedIssue, typesetter: Typesetter)] = []
        for folder in folders {
            let id = folder.standardized.lastPathComponent
            step(1, "Loading", id)
            guard let loaded = load(folder) else { continue }
            step(2, "Checking", id)
            guard let typesetter = check(loaded) else { continue }
            finishStep()
            prepared.append((folder, loaded, typesetter))
        }
        let firstTimings = timings
        guard !prepared.isEmpty else { return [] }
        var webPages: [String] = []
        var webError: Error?
        var webSeconds = 0.0
        let web = DispatchGroup()
        if let theme = theme() {
            log("[web] Writing the web edition of \(prepared.map(\.loaded.issue.id).joined(separator: ", "))")
            let site = WebSite(theme: theme, fontsDirectory: workspace.fontsDirectory)
            let editions = prepared.map { WebSite.Edition(issue: $0.loaded.issue, pdf: nil) }
            let directory = webDirectory
            DispatchQueue.global().async(group: web) {
                let started = DispatchTime.now()
                do { webPages = try site.write(editions, to: directory) } catch { webError = error }
                webSeconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            }
        }
        var built: [BuiltIssue] = []
        for item in prepared {
            timings = prepared.count == 1 ? firstTimings : []
            if let result = produce(item.loaded, typesetter: item.typesetter) { built.append(result) }
        }
        web.wait()
        if let webError {
            engine.emit(.error("write", "cannot write the web edition: \(webError)", at: nil))
            return built
        }
        for i in built.indices {
            do {
                try WebSite.copyPDF(built[i].screenPDF, of: built[i].issue, into: webDirectory)
            } catch {
                engine.emit(.error("write", "cannot copy the screen PDF into the web edition: \(error)", at: nil))
            }
            built[i].webPages = webPages.filter { $0.hasPrefix(built[i].issue.id + "/") }
            built[i].timings.append(("Web edition (beside)", webSeconds))
        }
        return built
    }

    /// The web theme, loaded once; nil after located diagnostics.
    func theme() -> WebTheme? {
        if let loaded = loadedTheme { return loaded }
        loadedTheme = WebTheme.load(themeDirectory, displayPath: workspace.displayPath, engine: engine)
        return loadedTheme
    }

    var webDirectory: URL { options.outDirectory.appendingPathComponent("web") }
    var themeDirectory: URL { workspace.layoutsDirectory.appendingPathComponent("web") }

    private func step(_ n: Int, _ name: String, _ id: String) {
        finishStep()
        if n == 1 { timings = [] }
        stepStarted = (name, DispatchTime.now())
        log("[\(n)/5] \(name) \(id)")
    }

    private func finishStep() {
        guard let started = stepStarted else { return }
        timings.append((started.name, Double(DispatchTime.now().uptimeNanoseconds - started.at.uptimeNanoseconds) / 1e9))
        stepStarted = nil
    }

    /// Steps 3 to 5 for one issue that loaded and checked cleanly.
    func produce(_ loaded: LoadedIssue, typesetter: Typesetter) -> BuiltIssue? {
        let id = loaded.issue.id
        let paginator = Paginator(issue: loaded.issue, layout: loaded.layout, typesetter: typesetter)
        do {
            step(3, "Typesetting", id)
            let composition = try paginator.compose()
            step(4, "Paginating", id)
            let result = try paginator.paginate(composition)
            engine.emit(contentsOf: result.problems)
            guard !result.problems.contains(where: { $0.severity == .error }) else { return nil }
            if result.paddedPages > 0 {
                log("      padded \(result.paddedPages) page(s) to \(result.pages.count), a multiple of 4 for saddle stitching")
            }
            // Print, screen and booklet are independent: written side by side on the cores there are.
            step(5, "Writing PDFs", id)
            let issueOut = options.outDirectory.appendingPathComponent(id)
            try FileManager.default.createDirectory(at: issueOut, withIntermediateDirectories: true)
            Temporaries.removeStale(in: issueOut)
            let pdf = issueOut.appendingPathComponent("print.pdf")
            let print = try printOptions(loaded.layout)
            let outline = self.outline(loaded.issue)
            let tasks = options.booklet ? ["print PDF", "screen PDF", "booklet"] : ["print PDF", "screen PDF"]
            let outputs = try Parallel.map(Array(tasks.enumerated())) { task -> (files: [String], seconds: Double) in
                let started = DispatchTime.now()
                let files: [String] = []
                switch task.offset {
                case 0: try PDFWriter().write(result.pages, metadata: metadata(loaded.issue), kind: .print(print), to: pdf)
                case 1: try PDFWriter().write(result.pages, metadata: metadata(loaded.issue), kind: .screen(outline),
                                              to: issueOut.appendingPathComponent("screen.pdf"))
                default: try BookletWriter().write(result.pages, metadata: metadata(loaded.issue),
                                                   to: issueOut.appendingPathComponent("booklet.pdf"))
                }
                return (files, Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
            }
            finishStep()
            // Each output's own time (they overlap: two cores, two or three outputs).
            for (name, output) in zip(tasks, outputs) { timings.append(("  " + name, output.seconds)) }
            stepStarted = (name: "Preflight", at: DispatchTime.now())
            let report = Preflight().check(result.pages, pdf: pdf, pdfx: loaded.layout.pdfx)
            try writeAtomically(try report.json(), to: issueOut.appendingPathComponent("preflight.json"))
            try writeAtomically(Data(report.html(title: metadata(loaded.issue).title).utf8),
                                to: issueOut.appendingPathComponent("preflight.html"))
            emit(report, id: id)
            finishStep()
            return BuiltIssue(issue: loaded.issue, pages: result.pages, printPDF: pdf, webPages: [],
                              paddedPages: result.paddedPages, timings: timings)
        } catch {
            engine.emit(.error("build", "\(id): \(error)", at: nil))
            return nil
        }
    }

    /// Step 1: the document IR and the layout, or nil after diagnostics.
    public func load(_ folder: URL) -> LoadedIssue? {
        IssueLoader(workspace: workspace, engine: engine).load(issueFolder: folder, layoutOverride: options.layoutOverride)
    }

    /// Step 2: opens every font of the layout and checks it has all 134 Vietnamese letters.
    public func check(_ loaded: LoadedIssue) -> Typesetter? {
        let fonts = FontLibrary(directory: workspace.fontsDirectory)
        let layoutFile = workspace.displayPath(workspace.layoutsDirectory.appendingPathComponent(loaded.layout.name + ".yaml"))
        var ok = true
        for (family, faces) in loaded.layout.fonts.sorted(by: { $0.key < $1.key }) {
            for file in faces.files {
                do {
                    let font = try fonts.font(file)
                    let missing = VietnameseLetters.all.filter { !font.covers($0) }
                    if !missing.isEmpty {
                        engine.emit(.warning("font-coverage",
                                             "font '\(file)' (family '\(family)') lacks \(missing.count) Vietnamese letter(s): "
                                                 + String(String.UnicodeScalarView(missing.prefix(20))),
                                             at: .file(layoutFile), hint: "choose a font that covers Vietnamese, such as Noto Serif"))
                    }
                } catch {
                    engine.emit(.error("bad-font", "\(error)", at: .file(layoutFile), hint: "use a TrueType or OpenType file from fonts/"))
                    ok = false
                }
            }
        }
        guard ok, theme() != nil else { return nil }
        let coverage = GlyphCoverage(layout: loaded.layout, fonts: fonts, engine: engine)
        for article in loaded.issue.articles { coverage.check(article) }
        return Typesetter(fonts: fonts, layout: loaded.layout)
    }

    /// The print PDF's options from the layout: crop marks, and PDF/X-4 with the layout's profiles.
    func printOptions(_ layout: LayoutSpec) throws -> PrintOptions {
        guard layout.pdfx else { return PrintOptions(cropMarks: layout.cropMarks, pdfx: nil) }
        let output = try Data(contentsOf: workspace.layoutsDirectory.appendingPathComponent(layout.outputProfile))
        let rgb = try Data(contentsOf: workspace.layoutsDirectory.appendingPathComponent(layout.rgbProfile))
        return PrintOptions(cropMarks: layout.cropMarks,
                            pdfx: PDFXProfile(output: output, condition: layout.outputCondition, rgb: rgb))
    }

    /// The preflight's findings as diagnostics of the run: an error fails it (exit status 1).
    func emit(_ report: PreflightReport, id: String) {
        for f in report.findings {
            let severity: Severity = f.severity == .error ? .error : .warning
            engine.emit(Diagnostic(severity, id: "preflight-" + f.check, "preflight (\(id)): " + f.message, at: nil, hint: f.hint))
        }
    }

    func writeAtomically(_ data: Data, to url: URL) throws {
        try data.write(to: url, options: .atomic)
    }

    /// Bookmarks of the screen PDF: each section, opening at its first article, with its articles.
    func outline(_ issue: Issue) -> PDFOutline {
        PDFOutline(entries: issue.sections.compactMap { section in
            guard let first = section.articles.first else { return nil }
            return .init(title: section.title, anchor: first.slug,
                         children: section.articles.map { .init(title: $0.title, anchor: $0.slug) })
        })
    }

    func metadata(_ issue: Issue) -> PDFMetadata {
        PDFMetadata(title: "\(issue.publication.title) — \(issue.issueLine)",
                    author: issue.publication.publisher,
                    subject: issue.cover?.headline ?? issue.issueLine,
                    date: issue.date)
    }
}

/// Temporary files (`.print.pdf.1234.cairo.tmp`) that a build killed mid-write left behind:
/// removed when the process that made them is gone, so a running build's are never touched.
enum Temporaries {
    static func removeStale(in folder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.split(separator: ".")
            guard let pid = parts.compactMap({ Int32($0) }).last, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
