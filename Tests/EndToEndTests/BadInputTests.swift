import Diagnostics
import Layout
import Pages
import Typesetting
import Bantin
import Foundation
import Model
import Testing
import TestSupport

/// The bad-input corpus (Tests/BadInputs/cases/, made by make-corpus.py): every case is a small
/// project with the complete set of diagnostics it must produce written beside it in `expect`,
/// and the exit status of `bantin check`. This table-driven test matches the diagnostics found
/// to the expected ones one to one (severity, file, line, column, message) — an extra diagnostic
/// fails a case as a missing one does — and runs each case through the command line too.
@Suite struct BadInputTests {
    static let corpus = projectRoot.appendingPathComponent("Tests/BadInputs/cases")
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()

    struct Expectation: CustomStringConvertible {
        var severity: String
        var path: String
        var line: Int
        var column: Int?
        var fragment: String
        /// `= message | hint: hint` in place of a fragment: the message and the hint exactly
        /// (no `| hint:` part: no hint).
        var exact: (message: String, hint: String?)?
        var description: String { "\(severity) \(path) \(line):\(column.map(String.init) ?? "") \(fragment)" }

        init(severity: String, path: String, line: Int, column: Int?, fragment: String) {
            (self.severity, self.path, self.line, self.column, self.fragment) = (severity, path, line, column, fragment)
            if fragment.hasPrefix("= ") {
                let parts = fragment.dropFirst(2).components(separatedBy: " | hint: ")
                exact = (parts[0], parts.count > 1 ? parts.dropFirst().joined(separator: " | hint: ") : nil)
            }
        }

        func matches(severity: String, path: String?, line: Int?, column: Int?, message: String, hint: String?) -> Bool {
            guard severity == self.severity, let path, path.hasSuffix("/" + self.path) || path == self.path,
                  line == self.line || self.line == 0 else { return false }
            if let exact { return column == self.column && message == exact.message && hint == exact.hint }
            return (self.column == nil || column == self.column) && (fragment.isEmpty || message.contains(fragment))
        }
    }

    /// The expected diagnostics and exit status of an `expect` file.
    static func expectations(_ text: String) -> (diagnostics: [Expectation], status: Int32)? {
        var lines = text.split(separator: "\n").map(String.init)
        guard let last = lines.popLast(), last.hasPrefix("exit "), let status = Int32(last.dropFirst(5)) else { return nil }
        if lines == ["none"] { return ([], status) }
        return (lines.map { line -> Expectation in
            let parts: [String] = line.split(separator: " ", maxSplits: 3).map(String.init) + ["", "", ""]
            let position: [String] = parts[2].split(separator: ":", omittingEmptySubsequences: false).map(String.init) + [""]
            return Expectation(severity: parts[0], path: parts[1], line: Int(position[0]) ?? 0,
                               column: Int(position[1]), fragment: parts[3])
        }, status)
    }

    /// Pairs each found diagnostic with an expectation not yet used; returns what is left over
    /// on either side.
    static func match<D>(_ found: [D], _ expected: [Expectation], _ key: (D) -> (String, String?, Int?, Int?, String, String?))
        -> (unexpected: [D], missing: [Expectation]) {
        var left = expected, unexpected: [D] = []
        for d in found {
            let (severity, path, line, column, message, hint) = key(d)
            if let i = left.firstIndex(where: { $0.matches(severity: severity, path: path, line: line, column: column, message: message, hint: hint) }) {
                left.remove(at: i)
            } else {
                unexpected.append(d)
            }
        }
        return (unexpected, left)
    }

    @Test func corpusHasAtLeastFortyCases() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases)
    func caseProducesItsDiagnostics(_ name: String) throws {
        let project = try Self.project(Self.corpus.appendingPathComponent(name))
        let engine = DiagnosticEngine()
        let pipeline = Pipeline(options: BuildOptions(root: project.root, outDirectory: project.url("out")), engine: engine)
        _ = pipeline.checkReport(project.url("issues/x"))
        let expected = try #require(Self.expectations(try String(contentsOf: Self.corpus.appendingPathComponent("\(name)/expect"), encoding: .utf8)),
                                    "\(name)/expect must end with `exit N`")
        let found = engine.diagnostics
        let listing = found.map { "\($0.severity) \($0.range.map { "\($0.path):\($0.start)" } ?? "-") \($0.message)" + ($0.hint.map { " | hint: \($0)" } ?? "") }
            .joined(separator: "\n")
        let (unexpected, missing) = Self.match(found, expected.diagnostics) {
            ($0.severity.rawValue, $0.range?.path, $0.range?.start.line, $0.range?.start.column, $0.message, $0.hint)
        }
        #expect(unexpected.isEmpty, "\(name): not expected:\n\(unexpected.map { "\($0.severity) \($0.range.map(\.description) ?? "-") \($0.message)" }.joined(separator: "\n"))")
        #expect(missing.isEmpty, "\(name): expected but not found: \(missing)\ngot:\n\(listing)")
        #expect((engine.hasErrors ? 1 : 0) == expected.status, "\(name): exit status")
        // Every error points into a file.
        #expect(found.filter { $0.severity == .error }.allSatisfy { $0.range != nil }, "\(name):\n\(listing)")

        // The same through the command line: its exit status, and the same diagnostics as JSON.
        let cli = try run(projectRoot.appendingPathComponent(".build/debug/bantin").path,
                          ["check", project.url("issues/x").path, "--root", project.root.path,
                           "--diagnostics-format", "json"])
        #expect(cli.status == expected.status, "\(name): `bantin check` exited \(cli.status)\n\(cli.err)")
        let records = cli.err.split(separator: "\n").compactMap { line -> [String: Any]? in
            guard line.hasPrefix("{") else { return nil }
            return try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
        let (extra, absent) = Self.match(records, expected.diagnostics) { r in
            let start = (r["range"] as? [String: Any])?["start"] as? [String: Any]
            return (r["severity"] as? String ?? "", r["file"] as? String, start?["line"] as? Int, start?["column"] as? Int, r["message"] as? String ?? "",
                    r["hint"] as? String)
        }
        #expect(extra.isEmpty && absent.isEmpty && records.count == found.count, "\(name): the command line reported\n\(cli.err)")
    }

    /// The case's files over a throwaway project, and what the case leaves out: issue `x` with
    /// one section, and the good article `a.md` when that issue lists it.
    static func project(_ source: URL) throws -> TestProject {
        let project = try TestProject()
        try project.overlay(source, skipping: ["expect"])
        if !project.exists("issues/x/issue.yaml") {
            try project.write("issues/x/issue.yaml",
                              "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nsections:\n  - title: Tin\n    articles: [articles/a.md]\n")
        }
        if !project.exists("issues/x/articles/a.md"), (try? project.read("issues/x/issue.yaml"))?.contains("articles/a.md") == true {
            try project.write("issues/x/articles/a.md", "---\ntitle: Bài viết\n---\n\nNội dung bài viết.\n")
        }
        return project
    }
}

@Suite struct LimitTests {
    /// A 10 MB article is refused with a diagnostic at the file, not read into the typesetter.
    @Test func tenMegabyteArticleIsRefused() throws {
        let project = try TestProject()
        let paragraph = String(repeating: "Liên hiệp Hội tổ chức hội nghị tổng kết năm. ", count: 40) + "\n\n"
        let body = String(repeating: paragraph, count: 10_000_000 / paragraph.utf8.count + 1)
        try project.issue([("a.md", "---\ntitle: Rất dài\n---\n\n" + body)])
        let (pdf, diagnostics) = project.build()
        #expect(pdf == nil)
        let error = try #require(diagnostics.first { $0.id == "too-large" }, "\(diagnostics.map(\.message))")
        #expect(error.range?.path.hasSuffix("issues/x/articles/a.md") == true && error.range?.start == SourceLocation(line: 1, column: 1))
        #expect(error.message.contains("MB"))
    }

    /// The JSON form of diagnostics: one object per line, with file, range, severity, id, message, hint.
    @Test func diagnosticsAsJSON() throws {
        let root = try temporaryFolder("json")
        let issue = root.appendingPathComponent("issues/bad")
        try FileManager.default.createDirectory(at: issue, withIntermediateDirectories: true)
        try "title: B\npublisher: P\n".write(to: root.appendingPathComponent("issues/publication.yaml"), atomically: true, encoding: .utf8)
        try "number: 1\nyear: 2025\nquarter: 9\ndate: 2025-03-31\nsections: []\n".write(to: issue.appendingPathComponent("issue.yaml"),
                                                                                       atomically: true, encoding: .utf8)
        let bantin = projectRoot.appendingPathComponent(".build/debug/bantin").path
        let result = try run(bantin, ["check", issue.path, "--root", projectRoot.path, "--diagnostics-format", "json"])
        #expect(result.status == 1)
        let lines = result.err.split(separator: "\n")
        #expect(lines.count == 1, "\(result.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["severity"] as? String == "error" && object["id"] as? String == "yaml-range")
        #expect((object["file"] as? String)?.hasSuffix("issues/bad/issue.yaml") == true)
        let start = (object["range"] as? [String: Any])?["start"] as? [String: Int]
        #expect(start?["line"] == 3 && start?["column"] == 10)
        #expect((object["message"] as? String)?.contains("between 1 and 4") == true)
    }

    /// `bantin import` converts a TCVN3 file into an NFC Markdown article and says what it found.
    @Test func importConvertsLegacyText() throws {
        let folder = try temporaryFolder("import")
        let file = folder.appendingPathComponent("cu.txt")
        // "Tiếng Việt có dấu" in TCVN3 (ABC) bytes.
        try Data([0x54, 0x69, 0xD5, 0x6E, 0x67, 0x20, 0x56, 0x69, 0xD6, 0x74, 0x20, 0x63, 0xE3, 0x20, 0x64, 0xCA, 0x75, 0x0A]).write(to: file)
        let bantin = projectRoot.appendingPathComponent(".build/debug/bantin").path
        let result = try run(bantin, ["import", file.path])
        #expect(result.status == 0)
        #expect(result.err.contains("detected TCVN3"), "\(result.err)")
        #expect(result.out.unicodeScalars.elementsEqual("---\ntitle: \"Tiếng Việt có dấu\"\n---\n\nTiếng Việt có dấu\n".unicodeScalars), "\(result.out)")
        // VNI, named explicitly.
        let vni = folder.appendingPathComponent("vni.txt")
        try Data("Tie\u{E1}ng Vie\u{E4}t".unicodeScalars.map { UInt8($0.value) }).write(to: vni)
        let second = try run(bantin, ["import", vni.path, "--from", "vni"])
        #expect(second.out.contains("Tiếng Việt"), "\(second.out)")
    }
}
