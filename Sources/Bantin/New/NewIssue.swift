import Diagnostics
import Foundation
import Loading
import Output

/// `bantin new issue [ID]`: the next issue's folder under `issues/` — `issue.yaml` numbered after
/// the previous issue, dated the quarter's last day, with its layout and its sections (no
/// articles yet), and empty `articles/` and `images/` — written whole or not at all.
public struct NewIssue {
    public let workspace: Workspace
    public let engine: DiagnosticEngine
    /// The day that says which quarter the first issue of a project is for.
    public var today: Date

    public init(workspace: Workspace, engine: DiagnosticEngine, today: Date = Date()) {
        self.workspace = workspace
        self.engine = engine
        self.today = today
    }

    /// What was made.
    public struct Made: Sendable {
        public var folder: URL
        public var number: Int
        public var quarter: Quarter
        public var layout: String
        public var sections: [String]
        /// The id of the issue it follows, if any.
        public var previous: String?
    }

    /// An existing issue: its folder, its quarter and what its manifest says.
    struct Existing {
        var folder: URL
        var quarter: Quarter
        var outline: IssueOutline?
    }

    /// The section an issue starts with when there is no issue before it.
    static let firstSection = "Tin hoạt động"

    /// Scaffolds the issue `id` (`2025-q2`), or the one after the latest issue; nil after an error.
    public func make(id: String?, layout override: String? = nil) -> Made? {
        let issues = workspace.root.appendingPathComponent("issues")
        // What a killed run left: a staging folder with an issue.yaml would pass for an issue.
        OutputFile.removeStale(in: issues)
        if let override, LayoutLoader(workspace: workspace, engine: engine).load(named: override, referencedFrom: nil) == nil { return nil }
        let existing = existingIssues(in: issues)
        guard let quarter = quarter(id, after: existing) else { return nil }
        let folder = issues.appendingPathComponent(quarter.id)
        guard isFree(folder, quarter, among: existing) else { return nil }
        let previous = existing.last { $0.quarter < quarter }
        if let previous, previous.outline?.number == nil {
            engine.emit(.error("previous-issue", "the issue before, '\(previous.folder.lastPathComponent)', has no number that reads: the new one cannot be numbered after it",
                               at: .file(workspace.displayPath(previous.folder.appendingPathComponent("issue.yaml"))),
                               hint: "run `bantin check \(workspace.displayPath(previous.folder))` and fix what it reports, then run this again"))
            return nil
        }
        let titles = previous?.outline?.sections.map(\.title).filter { !$0.isEmpty } ?? []
        let made = Made(folder: folder, number: (previous?.outline?.number ?? 0) + 1, quarter: quarter,
                        layout: override ?? previous?.outline?.layout ?? LayoutLoader.defaultName,
                        sections: titles.isEmpty ? [Self.firstSection] : titles, previous: previous?.folder.lastPathComponent)
        do {
            try write(made)
        } catch {
            engine.emit(.error("write-failed", "cannot write the issue '\(workspace.displayPath(folder))': \(error); nothing was written", at: nil))
            return nil
        }
        return made
    }

    /// The quarter `id` names, or the one after the latest issue's (this quarter for a first issue).
    private func quarter(_ id: String?, after existing: [Existing]) -> Quarter? {
        let next = existing.last?.quarter.next ?? Quarter(containing: today)
        guard let id else { return next }
        guard let named = Quarter(id: id) else {
            engine.emit(.error("bad-issue-id", "'\(id)' is not an issue id: issues are named by year and quarter",
                               at: nil, hint: "write it as YYYY-qN, e.g. `bantin new issue \(next.id)`"))
            return nil
        }
        return named
    }

    /// True when nothing is at `folder` and no other issue is for `quarter`; else an error.
    private func isFree(_ folder: URL, _ quarter: Quarter, among existing: [Existing]) -> Bool {
        if FileManager.default.fileExists(atPath: folder.path) {
            engine.emit(.error("issue-exists", "the folder '\(workspace.displayPath(folder))' exists already; nothing was written", at: nil,
                               hint: "bantin new never overwrites an issue: edit that one, or name another quarter, e.g. `bantin new issue \(quarter.next.id)`"))
            return false
        }
        if let same = existing.first(where: { $0.quarter == quarter }) {
            engine.emit(.error("same-quarter", "the issue '\(same.folder.lastPathComponent)' is \(quarter.vietnamese) already; nothing was written",
                               at: .file(workspace.displayPath(same.folder.appendingPathComponent("issue.yaml"))),
                               hint: "name another quarter, e.g. `bantin new issue \(quarter.next.id)`"))
            return false
        }
        return true
    }

    /// The issues under `issues/` (folders with an issue.yaml), oldest first: by the year and
    /// quarter their manifests give, else their folders' names.
    func existingIssues(in issues: URL) -> [Existing] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: issues.path)) ?? []).filter { !$0.hasPrefix(".") }
        return names.sorted().compactMap { name -> Existing? in
            let folder = issues.appendingPathComponent(name)
            guard workspace.fileExists(folder.appendingPathComponent("issue.yaml")) else { return nil }
            let outline = IssueOutline.read(folder: folder)
            let said = outline.flatMap { o in o.year.flatMap { y in o.quarter.flatMap { Quarter(year: y, quarter: $0) } } }
            let named = IssueOutline.yearAndQuarter(inFolderName: name).flatMap { Quarter(year: $0.year, quarter: $0.quarter) }
            guard let quarter = said ?? named else { return nil }
            return Existing(folder: folder, quarter: quarter, outline: outline)
        }.sorted { ($0.quarter, $0.outline?.number ?? 0) < ($1.quarter, $1.outline?.number ?? 0) }
    }

    /// The whole folder is written beside its place under a temporary name, then renamed into
    /// place: a failure at any point leaves no folder, and an existing one is never replaced.
    private func write(_ made: Made) throws {
        let fm = FileManager.default
        let staging = OutputFile.temporaryURL(for: made.folder)
        try? fm.removeItem(at: staging)
        defer { try? fm.removeItem(at: staging) }
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data(manifest(made).utf8).write(to: staging.appendingPathComponent("issue.yaml"))
        for folder in ["articles", "images"] {
            try fm.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: false)
            try Data().write(to: staging.appendingPathComponent(folder).appendingPathComponent(".gitkeep"))
        }
        // mkdir claims the name (it fails when anything is there), then the rename replaces
        // that empty folder of ours by the finished one.
        guard mkdir(made.folder.path, 0o755) == 0 else { throw ScaffoldError(errno: errno) }
        guard rename(staging.path, made.folder.path) == 0 else {
            let error = ScaffoldError(errno: errno)
            rmdir(made.folder.path)
            throw error
        }
    }

    /// The text of `issue.yaml`.
    func manifest(_ made: Made) -> String {
        var text = """
            # Số \(made.number) · \(made.quarter.vietnamese). Paths are relative to this folder.
            number: \(made.number)
            year: \(made.quarter.year)
            quarter: \(made.quarter.quarter)
            date: \(made.quarter.lastDay)
            layout: \(YAMLText.scalar(made.layout))
            # The cover: put its photo in images/, then remove the "# " before these three lines.
            # cover:
            #   image: images/cover.jpg
            #   headline: …
            sections:

            """
        for title in made.sections {
            text += "  - title: \(YAMLText.scalar(title))\n    articles: []\n"
        }
        return text
    }
}

/// A system call of `bantin new` that failed.
struct ScaffoldError: Error, CustomStringConvertible {
    var errno: Int32
    var description: String { String(cString: strerror(errno)) }
}
