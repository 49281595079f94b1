import Bantin
import Diagnostics
import Foundation
import Layout
import Output
import Pages
import PDF
import Synchronization

/// Builds the issues as `bantin build` does (the article cache makes a rebuild after one edit
/// typeset one article), then brings each issue's desk up to date: the images of the pages
/// that changed are drawn (at screen resolution, into `out/<id>/.desk/`), the others kept; an
/// issue that failed keeps its last good pages, marked stale, with the build's diagnostics.
final class DeskBuilder: Sendable {
    let options: BuildOptions
    let folders: [URL]
    let state: DeskState
    let events: Broadcaster
    /// Resolution of the page images.
    let dpi: Double
    let log: @Sendable (String) -> Void

    init(options: BuildOptions, folders: [URL], state: DeskState, events: Broadcaster, dpi: Double,
         log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.folders = folders
        self.state = state
        self.events = events
        self.dpi = dpi
        self.log = log
    }

    func ids() -> [String] { folders.map { $0.standardized.lastPathComponent } }

    /// One build of every issue, and the desks updated from it. Blocking: run it off the
    /// server's threads.
    /// `salt` changes whenever a file a page may draw without naming its bytes changes (a font,
    /// an image replaced under its name): it is part of every page image's name.
    /// With `proof`, the build also writes a proof round (`bantin build --proof`). Builds never
    /// overlap: the watcher's and a proof asked for on the desk wait for each other.
    /// `superseded` says, once the build is done, whether the files changed while it ran: then
    /// its pages are not shown (its outputs are complete files, of a moment already past) and the
    /// watcher's next build, of the newer files, takes its place.
    func build(salt: Int = 0, proof: Bool = false, superseded: @Sendable () -> Bool = { false }) {
        serial.withLock { _ in build(salt: salt, proof: proof, superseded: superseded, now: ()) }
    }

    private let serial = Mutex(())

    private func build(salt: Int, proof: Bool, superseded: () -> Bool, now: Void) {
        let started = Date()
        let engine = DiagnosticEngine()
        var options = options
        options.proof = proof
        options.quality = true
        let pipeline = Pipeline(options: options, engine: engine)
        let built = pipeline.build(folders)
        if superseded() {
            log("desk: a newer change supersedes this build")
            return
        }
        let diagnostics = engine.diagnostics
        for id in ids() {
            var desk = state.desk(id) ?? IssueDesk(id: id)
            let before = (desk.pages, desk.items.map(\.text), desk.stale)
            var changed: [Int] = []
            if let issue = built.first(where: { $0.issue.id == id }) {
                changed = drawPages(issue, into: &desk, salt: salt)
                desk.quality = issue.quality.map { ($0, $0.worst.flatMap { page(of: $0, in: issue.pages) }) }
                desk.preflight = issue.preflight
                desk.stale = false
                desk.builtAt = started
            } else {
                desk.stale = !desk.pages.isEmpty
            }
            let laid = built.first { $0.issue.id == id }?.pages ?? []
            desk.items = diagnostics.filter { belongs($0, to: id) }.map { d in
                IssueDesk.Item(severity: d.severity,
                               text: ConsoleRenderer().render(d, source: d.range.flatMap { engine.sourceFile($0.path) }),
                               page: d.range.flatMap { page(of: $0, in: laid) })
            }
            if before != (desk.pages, desk.items.map(\.text), desk.stale) || desk.version == 0 {
                desk.version += 1
                state.set(desk)
                let errors = desk.items.filter { $0.severity == .error }.count
                events.send("build", #"{"issue":"\#(id)","version":\#(desk.version),"changed":[\#(changed.map(String.init).joined(separator: ","))],"errors":\#(errors),"stale":\#(desk.stale)}"#)
            } else {
                state.set(desk)
            }
            log("desk \(id): \(desk.stale ? "stale, " : "")\(changed.count) page(s) drawn, \(desk.items.count) diagnostic(s) in \(String(format: "%.0f", Date().timeIntervalSince(started) * 1000)) ms")
        }
    }

    /// Draws the pages whose content changed; returns their numbers.
    private func drawPages(_ issue: BuiltIssue, into desk: inout IssueDesk, salt: Int) -> [Int] {
        let folder = options.outDirectory.appendingPathComponent(issue.issue.id).appendingPathComponent(".desk")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let writer = PreviewWriter(dpi: dpi)
        var pages: [IssueDesk.PageImage] = [], changed: [Int] = []
        for laid in issue.pages {
            // Within this process's run: Swift's hashing is seeded per process, and a restarted
            // desk draws its pages again.
            var hasher = Hasher()
            hasher.combine(laid.page)
            hasher.combine(salt)
            let hash = UInt64(bitPattern: Int64(hasher.finalize()))
            let file = String(format: "page-%03d-%016llx.png", laid.number, hash)
            let url = folder.appendingPathComponent(file)
            if !FileManager.default.fileExists(atPath: url.path) {
                do { try writer.writePage(laid.page, to: url) } catch { log("desk: cannot draw page \(laid.number): \(error)") }
            }
            if desk.pages.first(where: { $0.number == laid.number })?.file != file { changed.append(laid.number) }
            pages.append(.init(number: laid.number, file: file))
        }
        // Images of pages no longer shown, large or small (and killed runs' temporaries), go.
        let keep = Set(pages.flatMap { [$0.file, "large-" + $0.file] })
        OutputFile.removeStale(in: folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where !keep.contains(name) && !name.hasPrefix(".") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        desk.pages = pages
        desk.laid = issue.pages.map(\.page)
        return changed
    }

    /// A diagnostic of this issue: located in its folder; one of no issue (a layout, a font,
    /// the web theme) is every issue's.
    private func belongs(_ d: Diagnostic, to id: String) -> Bool {
        guard let path = d.range?.path else { return true }
        if path.hasPrefix("issues/") { return path.hasPrefix("issues/\(id)/") }
        return true
    }

    /// The first page that holds a line of the paragraph at `range`.
    private func page(of range: SourceRange, in pages: [LaidPage]) -> Int? {
        pages.first { page in
            page.flow.contains { record in
                guard let source = record.source, source.path == range.path else { return false }
                return source.start.line <= range.start.line && range.start.line <= max(source.end.line, source.start.line)
            }
        }?.number
    }
}
