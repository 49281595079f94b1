import ArgumentParser
import Diagnostics
import Foundation
import Loading

/// Slips on the command line that would otherwise reach the pipeline as an issue folder: a
/// command's name mistyped (`build` is the default, so `bantin chek` builds a folder `chek`),
/// an issue folder without `issues/`, a run from inside an issue. Each is an error with a hint
/// (`bantin: error: unknown command 'chek'` / `hint: did you mean 'bantin check'?`) and exit 64.
enum Usage {
    /// Every command's name, for "did you mean": this branch's, and `new`, being added beside them.
    static let commandNames = ["build", "check", "preview", "serve", "dump", "import", "new"]

    /// Prints the errors the way diagnostics are printed, to standard error.
    static func report(_ errors: [(message: String, hint: String?)]) {
        let renderer = ConsoleRenderer(useColor: isatty(STDERR_FILENO) != 0)
        let text = errors.map { renderer.render(.error("usage", $0.message, at: nil, hint: $0.hint), source: nil) }
        FileHandle.standardError.write(Data((text.joined(separator: "\n") + "\n").utf8))
    }

    /// `bantin chek …`: the first argument is no command, no option and no path, and is within
    /// two edits (one for a word of three letters) of a command's name. Ends the process.
    static func checkCommandWord(_ arguments: [String], registered: [String]) {
        guard let word = arguments.first, !word.hasPrefix("-"), !registered.contains(word), word != "help",
              !FileManager.default.fileExists(atPath: word), !FileManager.default.fileExists(atPath: "issues/" + word)
        else { return }
        let allowed = word.count <= 3 ? 1 : 2
        guard let near = commandNames.min(by: { word.editDistance(to: $0) < word.editDistance(to: $1) }),
              (1...allowed).contains(word.editDistance(to: near))
        else { return }
        report([("unknown command '\(word)'", "did you mean 'bantin \(near)'?")])
        exit(ExitCode.validationFailure.rawValue)
    }

    /// The issue folder `path` names; when there is no such folder but there is one under the
    /// project's `issues/`, an error suggesting it (thrown after every path is checked).
    static func issueFolders(_ paths: [String], root: URL) throws -> [URL] {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardized
        var errors: [(message: String, hint: String?)] = []
        for path in paths where !FileManager.default.fileExists(atPath: path) && !path.hasPrefix("/") {
            let underIssues = root.appendingPathComponent("issues").appendingPathComponent(path).standardized
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: underIssues.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let shown = Workspace(root: root, workingDirectory: cwd).displayPath(underIssues)
            errors.append(("no issue folder '\(path)'", "did you mean \(shown)?"))
        }
        if !errors.isEmpty {
            report(errors)
            throw ExitCode.validationFailure
        }
        return paths.map { URL(fileURLWithPath: $0).standardized }
    }

    /// A run from inside an issue folder (it holds issue.yaml, or lies under `issues/`) with no
    /// `--root`: layouts/ and fonts/ are not there. The hint names the project folder above it.
    static func checkRunFolder(root: String?) throws {
        guard root == nil else { return }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardized
        let fm = FileManager.default
        guard !fm.fileExists(atPath: cwd.appendingPathComponent("layouts").path),
              fm.fileExists(atPath: cwd.appendingPathComponent("issue.yaml").path) || cwd.pathComponents.contains("issues")
        else { return }
        // The nearest folder above with layouts/, else the one holding issues/.
        let components = cwd.pathComponents
        let ancestors = (1..<components.count).map { up in (up: up, url: (0..<up).reduce(cwd) { url, _ in url.deletingLastPathComponent() }) }
        guard let found = ancestors.first(where: { fm.fileExists(atPath: $0.url.appendingPathComponent("layouts").path) })?.up
            ?? components.lastIndex(of: "issues").map({ components.count - $0 })
        else { return }
        let relative = Array(repeating: "..", count: found).joined(separator: "/")
        report([("no layouts/ or fonts/ here: this is not the project folder",
                 "run from the project folder (cd \(relative)) or pass --root \(relative)")])
        throw ExitCode.validationFailure
    }
}
