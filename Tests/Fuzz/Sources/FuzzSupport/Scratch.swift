import Diagnostics
import Foundation
import Loading
import Model

/// A project folder the fuzzers write their input into: the real loaders then read it as an
/// editor's files, with the repository's fonts and layouts beside it.
public enum Scratch {
    public static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bantin-fuzz-\(getpid())")
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: root.appendingPathComponent("issues/x/articles"), withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(at: root.appendingPathComponent("layouts"), withIntermediateDirectories: true)
        try? FileManager.default.createSymbolicLink(at: root.appendingPathComponent("fonts"), withDestinationURL: repository.appendingPathComponent("fonts"))
        try? FileManager.default.createSymbolicLink(at: root.appendingPathComponent("layouts/icc"), withDestinationURL: repository.appendingPathComponent("layouts/icc"))
        try? FileManager.default.createSymbolicLink(at: root.appendingPathComponent("layouts/defaults.yaml"), withDestinationURL: repository.appendingPathComponent("layouts/defaults.yaml"))
        try? "title: B\npublisher: P\n".write(to: root.appendingPathComponent("issues/publication.yaml"), atomically: false, encoding: .utf8)
        return root
    }()

    public static let issueYAML = "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nlayout: fuzz\nsections:\n  - title: T\n    articles: [articles/a.md]\n"
    public static let article = "---\ntitle: T\n---\n\nText.\n"
    public static let layout = "columns: { count: 2 }\n"

    /// Writes the three files (one of them the fuzzer's bytes) and loads the issue.
    public static func load(issue: Data? = nil, article: Data? = nil, layout: Data? = nil) {
        let fm = FileManager.default
        fm.createFile(atPath: root.appendingPathComponent("issues/x/issue.yaml").path, contents: issue ?? Data(issueYAML.utf8))
        fm.createFile(atPath: root.appendingPathComponent("issues/x/articles/a.md").path, contents: article ?? Data(self.article.utf8))
        fm.createFile(atPath: root.appendingPathComponent("layouts/fuzz.yaml").path, contents: layout ?? Data(self.layout.utf8))
        let engine = DiagnosticEngine()
        _ = IssueLoader(workspace: Workspace(root: root, workingDirectory: root), engine: engine)
            .load(issueFolder: root.appendingPathComponent("issues/x"))
        // Every diagnostic must render (a crash there is a bug too).
        _ = ConsoleRenderer().render(engine)
    }
}
