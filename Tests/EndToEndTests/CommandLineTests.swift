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
}
