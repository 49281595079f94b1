import Bantin
import Diagnostics
import Foundation
import Testing
import TestSupport

/// Issue 12, item 1: building one issue never takes another off the site.
@Suite struct SiteCoverageTests {
    /// Two copies of the sample as 2025-q1 and 2025-q2 (Q2 numbered and dated as its own).
    private func twoIssues() throws -> TestProject {
        let project = try TestProject()
        try project.copySample(as: "2025-q1")
        let q2 = try project.copySample(as: "2025-q2")
        let manifest = try String(contentsOf: q2.appendingPathComponent("issue.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "number: 1\n", with: "number: 2\n")
            .replacingOccurrences(of: "quarter: 1\n", with: "quarter: 2\n")
            .replacingOccurrences(of: "date: 2025-03-31", with: "date: 2025-06-30")
        try project.write("issues/2025-q2/issue.yaml", manifest)
        return project
    }

    private func build(_ project: TestProject, _ ids: [String]) -> [Diagnostic] {
        let engine = DiagnosticEngine()
        Pipeline(options: BuildOptions(root: project.root, outDirectory: project.url("out")), engine: engine)
            .build(ids.map { project.url("issues/\($0)") })
        return engine.diagnostics
    }

    /// What the site-wide files say about each issue: article links in the archive, feed,
    /// sitemap and search index.
    private func coverage(_ project: TestProject, _ id: String) throws -> [String: Int] {
        var found: [String: Int] = [:]
        for file in ["index.html", "feed.xml", "sitemap.xml", "search/docs.json"] {
            found[file] = try project.read("out/web/\(file)").components(separatedBy: "\(id)/").count - 1
        }
        return found
    }

    @Test func buildingOneIssueKeepsTheOthersEverywhere() throws {
        let project = try twoIssues()
        #expect(build(project, ["2025-q1", "2025-q2"]).filter { $0.severity == .error }.isEmpty)
        let both = try ["2025-q1", "2025-q2"].map { try coverage(project, $0) }
        for counts in both { #expect(counts.values.allSatisfy { $0 > 0 }, "\(counts)") }
        let site = try ["index.html", "feed.xml", "sitemap.xml", "search/docs.json"].map { try project.read("out/web/\($0)") }

        // Q1 again, alone: Q2 stays in the archive, the feed, the sitemap and search, and the
        // site-wide files are the same as when both were built.
        let diagnostics = build(project, ["2025-q1"])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(try ["2025-q1", "2025-q2"].map { try coverage(project, $0) } == both)
        #expect(try ["index.html", "feed.xml", "sitemap.xml", "search/docs.json"].map { try project.read("out/web/\($0)") } == site)
    }

    @Test func anIssueThatNoLongerLoadsIsLeftOutWithAWarning() throws {
        let project = try twoIssues()
        _ = build(project, ["2025-q1", "2025-q2"])
        try project.write("issues/2025-q2/issue.yaml", "number: [\n")
        let diagnostics = build(project, ["2025-q1"])
        let warning = try #require(diagnostics.first { $0.id == "site-issue" })
        #expect(warning.severity == .warning && warning.message.contains("'2025-q2'"))
        #expect(try coverage(project, "2025-q2")["feed.xml"] == 0)
        // Its pages stay where they are.
        #expect(project.exists("out/web/2025-q2/index.html"))
    }
}
