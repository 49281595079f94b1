/// Loading: from files to the document IR.
///
/// Steps: `Workspace` reads files (NFC at ingest) → `PublicationLoader` / `IssueLoader` read the
/// manifests (Yams) → `ArticleLoader` splits front matter and body → `MarkdownParser` (the only
/// file that imports cmark) copies the Markdown tree into `Block`s → `ImageProbe` checks figures →
/// `LayoutLoader` reads `layouts/<name>.yaml`. Every problem becomes a located `Diagnostic`.
import Diagnostics
import Foundation
import Model

/// All file access of a run goes through one workspace: the project root (for `layouts/` and
/// `fonts/`) and the working folder (for the paths printed in diagnostics).
public struct Workspace: Sendable {
    public let root: URL
    public let workingDirectory: URL

    public init(root: URL, workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.root = root.standardized
        self.workingDirectory = workingDirectory.standardized
    }

    public var layoutsDirectory: URL { root.appendingPathComponent("layouts") }
    public var fontsDirectory: URL { root.appendingPathComponent("fonts") }

    /// The largest text file read (an article of 4 MB is some 700,000 words).
    public static let maximumTextBytes = 4_000_000

    /// The path to print for a file: relative to the working folder when it is inside it.
    public func displayPath(_ url: URL) -> String {
        let path = url.standardized.path
        let base = workingDirectory.path.hasSuffix("/") ? workingDirectory.path : workingDirectory.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// The file a display path names (the inverse of `displayPath`).
    public func url(forDisplayPath path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)
    }

    public func fileExists(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// Reads a text file as NFC with LF line ends and no byte-order mark.
    /// Returns nil (after a diagnostic at `reference`) when it is missing or not UTF-8.
    public func readText(_ url: URL, referencedFrom reference: SourceRange?, engine: DiagnosticEngine) -> SourceFile? {
        let path = displayPath(url)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            engine.emit(.error("not-a-file", "'\(path)' is a folder, not a file", at: reference ?? .file(path),
                               hint: "name the Markdown file inside it, e.g. \(url.lastPathComponent)/bai-viet.md"))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path), fileExists(url) else {
            engine.emit(.error("missing-file", "cannot read '\(path)': no such file", at: reference ?? .file(path),
                               hint: Workspace.siblingsHint(of: url)))
            return nil
        }
        // On the raw bytes: Data's own `contains` steps through its iterator, byte by byte.
        if let offset = data.withUnsafeBytes({ raw in raw.firstIndex(of: 0) }) {
            let before = data.prefix(offset)
            let line = before.filter { $0 == 0x0A }.count + 1
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? data.startIndex
            let column = String(decoding: data[lineStart..<(data.startIndex + offset)], as: UTF8.self).unicodeScalars.count + 1
            engine.emit(.error("nul-byte", "'\(path)' contains a NUL byte: it is not a text file", at: SourceRange(path: path, line: line, column: column),
                               hint: "save it again as plain UTF-8 text (a word processor's file must be exported as text or Markdown)"))
            return nil
        }
        guard let decoded = String(data: data, encoding: .utf8) else {
            let bytes = data.count > Workspace.maximumTextBytes ? data.prefix(Workspace.maximumTextBytes) : data
            if let legacy = LegacyEncoding.detect(bytes) {
                engine.emit(.error("legacy-encoding", "'\(path)' is not UTF-8: it looks like \(legacy.displayName)", at: .file(path),
                                   hint: "convert it where it is: bantin import \(path) --from \(legacy.rawValue) --out \(path)"))
            } else {
                engine.emit(.error("not-utf8", "'\(path)' is not UTF-8 text", at: .file(path),
                                   hint: "save the file as UTF-8; files from old Vietnamese word processors are often in TCVN3, VNI or CP1258 (bantin import converts them)"))
            }
            return nil
        }
        guard data.count <= Workspace.maximumTextBytes else {
            engine.emit(.error("too-large", "'\(path)' is \(data.count / 1_000_000) MB: more than an article can be (\(Workspace.maximumTextBytes / 1_000_000) MB)",
                               at: .file(path), hint: "split it into several articles"))
            return nil
        }
        let (text, controls) = Unicode.replacingControls(Unicode.ingest(decoded))
        let file = SourceFile(path: path, text: text)
        engine.register(file)
        for c in controls {
            engine.emit(.warning("control-character", "a control character (U+\(String(format: "%04X", c.scalar.value))) was replaced by a space",
                                 at: SourceRange(path: path, line: c.line, column: c.column),
                                 hint: "text pasted from a word processor can carry invisible page or line breaks; delete it here"))
        }
        engine.emit(contentsOf: VietnameseLint.check(file))
        return file
    }

    /// "files in articles/: a.md, b.md" — what the editor may have meant.
    static func siblingsHint(of url: URL) -> String? {
        let folder = url.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            return "the folder '\(folder.lastPathComponent)/' does not exist either"
        }
        let visible = names.filter { !$0.hasPrefix(".") }.sorted()
        guard !visible.isEmpty else { return "the folder '\(folder.lastPathComponent)/' is empty" }
        let wanted = url.lastPathComponent
        if let near = visible.min(by: { wanted.editDistance(to: $0) < wanted.editDistance(to: $1) }),
           wanted.editDistance(to: near) <= max(3, wanted.count / 4) {
            return "did you mean '\(near)'?"
        }
        return "files in '\(folder.lastPathComponent)/': " + visible.prefix(12).joined(separator: ", ")
    }

    /// Resolves `relative` against `base` and refuses anything that leaves `folder`,
    /// through `..`, an absolute path or a symbolic link.
    public func resolve(_ relative: String, against base: URL, inside folder: URL) -> URL? {
        guard !relative.hasPrefix("/") else { return nil }
        let candidate = base.appendingPathComponent(relative).standardized
        let real = candidate.resolvingSymlinksInPath()
        let inside = folder.standardized.resolvingSymlinksInPath().path + "/"
        guard candidate.path.hasPrefix(folder.standardized.path + "/"), real.path.hasPrefix(inside) else { return nil }
        return candidate
    }
}
