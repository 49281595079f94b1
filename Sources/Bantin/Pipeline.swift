/// Bantin: the pipeline — named steps that take an issue folder to its outputs.
///
///     [1/6] Loading 2025-q1        manifest, articles, images, layout       LoadStep      (Loading)
///     [2/6] Checking 2025-q1       fonts open, every character drawable     CheckStep     (Checks/)
///     [3/6] Typesetting 2025-q1    paragraphs set into lines                TypesetStep   (Layout.compose)
///     [4/6] Paginating 2025-q1     lines and figures into pages             PaginateStep  (Layout.paginate)
///     [5/6] Writing PDFs 2025-q1   print, screen (booklet) side by side     WritePDFsStep (PDF)
///     [6/6] Preflight 2025-q1      the shop's checks, preflight.json/.html  PreflightStep (PDF)
///     [web] Web edition …          every issue's pages, beside steps 3–6    WebEditionStep (Web)
///
/// A `StepRunner` runs an issue's steps, logs and times them, and stops the issue after a step
/// that reported an error, so a failed build leaves the previous outputs untouched. `check`,
/// `dump` and `preview` run steps 1–4 (`lay`), `build` all of them.
import Diagnostics
import Foundation
import Layout
import Loading
import Typesetting
import Web

public final class Pipeline: Sendable {
    public let options: BuildOptions
    public let workspace: Workspace
    public let engine: DiagnosticEngine
    /// Progress lines (`[3/6] Typesetting 2025-q1`) go here.
    public let log: @Sendable (String) -> Void

    public init(options: BuildOptions, engine: DiagnosticEngine = DiagnosticEngine(), log: @escaping @Sendable (String) -> Void = { _ in }) {
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

    /// An issue that loaded and checked cleanly, with the runner that goes on with it.
    struct Checked {
        var runner: StepRunner
        var loaded: LoadedIssue
        var typesetter: Typesetter
        /// Every image decoded whole, beside typesetting and pagination: its errors.
        var images: Background<[Diagnostic]>
    }

    /// Steps 1 and 2 for one issue folder. `build` keeps a ledger of the images it decoded whole
    /// in the issue's cache folder, so an unchanged image is not decoded again on every build.
    func loadAndCheck(_ folder: URL, log: (@Sendable (String) -> Void)?, keepingLedger: Bool = false) -> Checked? {
        let id = folder.standardized.lastPathComponent
        let runner = StepRunner(id: id, engine: engine, log: log)
        let ledger = keepingLedger ? options.outDirectory.appendingPathComponent(id).appendingPathComponent(".cache/.verified-images") : nil
        guard let loaded = runner.run(LoadStep(workspace: workspace, engine: engine, layoutOverride: options.layoutOverride), folder),
              let typesetter = runner.run(CheckStep(workspace: workspace, engine: engine), loaded) else { return nil }
        let decoding = ImageDecoding(workspace: workspace, ledger: ledger), issue = loaded.issue
        let images = Background { decoding.check(issue) }
        images.start()
        return Checked(runner: runner, loaded: loaded, typesetter: typesetter, images: images)
    }

    /// The web theme in `layouts/web/`, or nil after located diagnostics.
    func loadTheme() -> WebTheme? {
        WebTheme.load(workspace.layoutsDirectory.appendingPathComponent("web"), displayPath: workspace.displayPath, engine: engine)
    }
}
