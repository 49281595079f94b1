import Diagnostics
import Model
import Foundation
import Testing
import TestSupport

@Suite struct CommandLineTests {
    var bantin: String { projectRoot.appendingPathComponent(".build/debug/bantin").path }

    /// A bad issue: the CLI prints every located diagnostic and exits 1, writing nothing.
    @Test func badInputExitsOneWithLocatedDiagnostics() throws {
        let root = try temporaryFolder("cli")
        let issue = root.appendingPathComponent("issues/bad")
        try FileManager.default.createDirectory(at: issue, withIntermediateDirectories: true)
        try "title: B\npublisher: P\n".write(to: root.appendingPathComponent("issues/publication.yaml"), atomically: true, encoding: .utf8)
        try "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nlayout: khong-co\nsections:\n  - title: T\n    articles: [a.md]\n"
            .write(to: issue.appendingPathComponent("issue.yaml"), atomically: true, encoding: .utf8)
        let result = try run(bantin, ["build", issue.path, "--root", projectRoot.path, "--out", root.appendingPathComponent("out").path])
        #expect(result.status == 1)
        #expect(result.err.contains("issue.yaml:5:9: error: unknown layout 'khong-co'"), "\(result.err)")
        #expect(result.err.contains("issue.yaml:8:16: error: cannot read"), "\(result.err)")
        #expect(result.err.contains("hint: "))
        #expect(result.out.contains("[1/6] Loading bad"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out/bad/print.pdf").path))
    }

    @Test func badUsageExits64() throws {
        let result = try run(bantin, ["build", "--no-such-flag"])
        #expect(result.status == 64)
    }

    /// A mistyped command is not taken for an issue folder: `build` is the default command, so
    /// `bantin chek` would otherwise build a folder `chek`.
    @Test func mistypedCommandSuggestsTheCommand() throws {
        let folder = try temporaryFolder("cli-word")
        let result = try run(bantin, ["chek"], in: folder)
        #expect(result.status == 64)
        #expect(result.err == "bantin: error: unknown command 'chek'\n  hint: did you mean 'bantin check'?\n", "\(result.err)")
        #expect(result.out.isEmpty)
        let serve = try run(bantin, ["serv", "--port", "0"], in: folder)
        #expect(serve.status == 64 && serve.err == "bantin: error: unknown command 'serv'\n  hint: did you mean 'bantin serve'?\n", "\(serve.err)")
        // A folder of that name is an issue folder, as before.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("chek"), withIntermediateDirectories: true)
        let existing = try run(bantin, ["chek", "--root", projectRoot.path, "--out", folder.appendingPathComponent("out").path], in: folder)
        #expect(existing.status == 1 && !existing.err.contains("unknown command"), "\(existing.err)")
    }

    /// An issue folder typed without `issues/`, from the project folder.
    @Test func issueFolderWithoutIssuesSuggestsThePath() throws {
        let project = try TestProject()
        try project.write("issues/2025-q1/issue.yaml", "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nsections: []\n")
        for arguments in [["build", "2025-q1"], ["check", "2025-q1"], ["dump", "document", "2025-q1"]] {
            let result = try run(bantin, arguments, in: project.root)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.err == "bantin: error: no issue folder '2025-q1'\n  hint: did you mean issues/2025-q1?\n", "\(arguments): \(result.err)")
        }
        #expect(!project.exists("out"))
    }

    /// A run from inside an issue folder, without --root, finds no layouts/ or fonts/: the hint
    /// says where the project folder is.
    @Test func runInsideAnIssueFolderNamesTheProjectFolder() throws {
        let project = try TestProject()
        try project.write("issues/2025-q1/issue.yaml", "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nsections: []\n")
        try project.write("issues/2025-q1/articles/a.md", "---\ntitle: A\n---\n\nA.\n")
        for (folder, up) in [("issues/2025-q1", "../.."), ("issues/2025-q1/articles", "../../.."), ("issues", "..")] {
            for arguments in [["build"], ["check", "."]] {
                let result = try run(bantin, arguments, in: project.url(folder))
                #expect(result.status == 64, "\(folder) \(arguments)")
                #expect(result.err == "bantin: error: no layouts/ or fonts/ here: this is not the project folder\n"
                        + "  hint: run from the project folder (cd \(up)) or pass --root \(up)\n", "\(folder) \(arguments): \(result.err)")
            }
        }
        // With --root, the run goes ahead.
        let rooted = try run(bantin, ["check", ".", "--root", "../.."], in: project.url("issues/2025-q1"))
        #expect(rooted.status != 64, "\(rooted.err)")
    }
}
