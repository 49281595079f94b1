import Diagnostics
import Foundation
import Loading
import Testing
import TestSupport

/// Issue 12, item 8: the slips of an editor who copies last quarter's issue, each a warning at its line.
@Suite struct EditorSlipTests {
    private func manifest(number: Int, year: Int, quarter: Int, articles: [String] = ["articles/a.md"]) -> String {
        "number: \(number)\nyear: \(year)\nquarter: \(quarter)\ndate: \(year)-0\(quarter * 3)-28\nsections:\n  - title: Tin\n    articles: [\(articles.joined(separator: ", "))]\n"
    }

    private func load(_ project: TestProject, _ id: String) -> [Diagnostic] {
        let engine = DiagnosticEngine()
        _ = IssueLoader(workspace: Workspace(root: project.root, workingDirectory: project.root), engine: engine)
            .load(issueFolder: project.url("issues/\(id)"))
        return engine.diagnostics
    }

    private func project(_ issues: [(id: String, manifest: String)]) throws -> TestProject {
        let project = try TestProject()
        for (id, manifest) in issues {
            try project.write("issues/\(id)/issue.yaml", manifest)
            try project.write("issues/\(id)/articles/a.md", "---\ntitle: Tin\n---\n\nMột đoạn.\n")
        }
        return project
    }

    @Test func aCopiedManifestThatKeepsTheOldQuarterIsAWarningAtItsLine() throws {
        let project = try self.project([("2025-q1", manifest(number: 1, year: 2025, quarter: 1)),
                                        ("2025-q2", manifest(number: 1, year: 2025, quarter: 1))])
        let diagnostics = load(project, "2025-q2")
        let folder = try #require(diagnostics.first { $0.id == "folder-quarter" })
        #expect(folder.severity == .warning && folder.range?.path == "issues/2025-q2/issue.yaml" && folder.range?.start.line == 3)
        let same = try #require(diagnostics.first { $0.id == "same-quarter" })
        #expect(same.message.contains("'2025-q1'") && same.range?.start.line == 3)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
    }

    @Test func theSameNumberInAYearIsAWarning() throws {
        let project = try self.project([("2025-q1", manifest(number: 1, year: 2025, quarter: 1)),
                                        ("2025-q2", manifest(number: 1, year: 2025, quarter: 2))])
        let diagnostics = load(project, "2025-q2")
        let same = try #require(diagnostics.first { $0.id == "same-number" })
        #expect(same.range?.start.line == 1)
        #expect(!diagnostics.contains { $0.id == "folder-quarter" || $0.id == "same-quarter" })
    }

    @Test func anArticleNoSectionListsIsAWarningAtTheFile() throws {
        let project = try self.project([("2025-q1", manifest(number: 1, year: 2025, quarter: 1))])
        try project.write("issues/2025-q1/articles/b.md", "---\ntitle: Quên\n---\n\nBài bị quên.\n")
        let diagnostics = load(project, "2025-q1")
        let unlisted = try #require(diagnostics.first { $0.id == "unlisted-article" })
        #expect(unlisted.range?.path == "issues/2025-q1/articles/b.md" && unlisted.hint?.contains("articles/b.md") == true)
        #expect(diagnostics.filter { $0.id == "unlisted-article" }.count == 1)
    }

    @Test func aCleanIssueHasNoSlips() throws {
        let project = try self.project([("2025-q1", manifest(number: 1, year: 2025, quarter: 1)),
                                        ("2025-q2", manifest(number: 2, year: 2025, quarter: 2)),
                                        ("so-dac-biet", manifest(number: 3, year: 2025, quarter: 3))])
        for id in ["2025-q1", "2025-q2", "so-dac-biet"] { #expect(load(project, id).isEmpty, "\(id): \(load(project, id))") }
    }
}
