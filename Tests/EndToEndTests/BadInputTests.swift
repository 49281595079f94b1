import Bantin
import Foundation
import Model
import Testing

/// The bad-input corpus (Tests/BadInputs/cases/, made by make-corpus.py): every case is a small
/// project with the diagnostics it must produce written beside it in `expect`; this table-driven
/// test checks each one's severity, file, line, column and message.
@Suite struct BadInputTests {
    static let corpus = projectRoot.appendingPathComponent("Tests/BadInputs/cases")
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()

    struct Expectation: CustomStringConvertible {
        var severity: String
        var path: String
        var line: Int
        var column: Int?
        var fragment: String
        var description: String { "\(severity) \(path) \(line):\(column.map(String.init) ?? "") \(fragment)" }
    }

    static func expectations(_ text: String) -> [Expectation]? {
        if text.trimmingCharacters(in: .whitespacesAndNewlines) == "none" { return [] }
        return text.split(separator: "\n").map { line -> Expectation in
            let parts: [String] = line.split(separator: " ", maxSplits: 3).map(String.init) + ["", "", ""]
            let position: [String] = parts[2].split(separator: ":", omittingEmptySubsequences: false).map(String.init) + [""]
            return Expectation(severity: parts[0], path: parts[1], line: Int(position[0]) ?? 0,
                               column: Int(position[1]), fragment: parts[3])
        }
    }

    @Test func corpusHasAtLeastFortyCases() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases)
    func caseProducesItsDiagnostics(_ name: String) throws {
        let root = try temporaryFolder("bad-\(name)")
        try Self.assemble(Self.corpus.appendingPathComponent(name), into: root)
        let engine = DiagnosticEngine()
        let pipeline = Pipeline(options: BuildOptions(root: root, outDirectory: root.appendingPathComponent("out")), engine: engine)
        _ = pipeline.checkReport(root.appendingPathComponent("issues/x"))
        let expected = try #require(Self.expectations(try String(contentsOf: Self.corpus.appendingPathComponent("\(name)/expect"), encoding: .utf8)))
        let found = engine.diagnostics
        let listing = found.map { "\($0.severity) \($0.range.map { "\($0.path):\($0.start)" } ?? "-") \($0.message)" }.joined(separator: "\n")
        if expected.isEmpty {
            #expect(found.isEmpty, "\(name) must pass cleanly:\n\(listing)")
        }
        for e in expected {
            let match = found.contains { d in
                guard d.severity.rawValue == e.severity, let r = d.range, r.path.hasSuffix("/" + e.path) || r.path == e.path,
                      r.start.line == e.line || e.line == 0 else { return false }
                return (e.column == nil || r.start.column == e.column) && (e.fragment.isEmpty || d.message.contains(e.fragment))
            }
            #expect(match, "\(name): expected “\(e)”, got:\n\(listing)")
        }
        // Every error points into a file.
        #expect(found.filter { $0.severity == .error }.allSatisfy { $0.range != nil }, "\(name):\n\(listing)")
    }

    /// The case's files over a default project: publication, issue, one good article, fonts, layouts.
    static func assemble(_ source: URL, into root: URL) throws {
        let fm = FileManager.default
        for path in try fm.subpathsOfDirectory(atPath: source.path) where path != "expect" {
            let from = source.appendingPathComponent(path), to = root.appendingPathComponent(path)
            let attributes = try fm.attributesOfItem(atPath: from.path)
            try fm.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            switch attributes[.type] as? FileAttributeType {
            case .typeSymbolicLink?: try fm.createSymbolicLink(atPath: to.path, withDestinationPath: try fm.destinationOfSymbolicLink(atPath: from.path))
            case .typeDirectory?: try fm.createDirectory(at: to, withIntermediateDirectories: true)
            default: try fm.copyItem(at: from, to: to)
            }
        }
        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            guard !fm.fileExists(atPath: url.path) else { return }
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try write("issues/publication.yaml", "title: Bản tin thử\npublisher: Hội thử\n")
        try write("issues/x/issue.yaml", "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nsections:\n  - title: Tin\n    articles: [articles/a.md]\n")
        if fm.fileExists(atPath: root.appendingPathComponent("issues/x/issue.yaml").path),
           (try? String(contentsOf: root.appendingPathComponent("issues/x/issue.yaml"), encoding: .utf8))?.contains("articles/a.md") == true {
            try write("issues/x/articles/a.md", "---\ntitle: Bài viết\n---\n\nNội dung bài viết.\n")
        }
        for (folder, children) in [("fonts", nil as [String]?), ("layouts", ["web", "icc", "a4-two-column.yaml", "a5-booklet.yaml", "a4-three-column.yaml"])] {
            let target = root.appendingPathComponent(folder)
            let project = projectRoot.appendingPathComponent(folder)
            if !fm.fileExists(atPath: target.path) {
                try fm.createSymbolicLink(at: target, withDestinationURL: project)
                continue
            }
            for child in try children ?? fm.contentsOfDirectory(atPath: project.path)
            where !fm.fileExists(atPath: target.appendingPathComponent(child).path) {
                try fm.createSymbolicLink(at: target.appendingPathComponent(child), withDestinationURL: project.appendingPathComponent(child))
            }
        }
    }
}
