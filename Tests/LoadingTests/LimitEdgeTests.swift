import Diagnostics
import Foundation
@testable import Loading
import Model
import Testing
import TestSupport
import Yams

/// Issue 12, item 7: each limit at and just past it — a located diagnostic or a correct load.
@Suite struct LimitEdgeTests {
    private func load(_ project: TestProject) -> (LoadedIssue?, [Diagnostic]) {
        let engine = DiagnosticEngine()
        let loaded = IssueLoader(workspace: Workspace(root: project.root, workingDirectory: project.root), engine: engine)
            .load(issueFolder: project.url("issues/x"))
        return (loaded, engine.diagnostics)
    }

    @Test func aliasesExpandToAtMostTheLimit() throws {
        // The root sequence and its scalars: exactly the limit, then one more.
        let at = Node.sequence(.init(Array(repeating: Node("x"), count: YAMLDocument.maximumValues - 1)))
        let past = Node.sequence(.init(Array(repeating: Node("x"), count: YAMLDocument.maximumValues)))
        #expect(!YAMLDocument.expands(at, beyond: YAMLDocument.maximumValues))
        #expect(YAMLDocument.expands(past, beyond: YAMLDocument.maximumValues))
    }

    @Test func anAliasBombIsRefusedAtItsFile() throws {
        let project = try TestProject()
        var bomb = "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for n in 1...6 { bomb += "l\(n): &l\(n) [" + Array(repeating: "*l\(n - 1)", count: 10).joined(separator: ", ") + "]\n" }
        try project.write("issues/x/issue.yaml", bomb + "sections: []\n")
        let (loaded, diagnostics) = load(project)
        #expect(loaded == nil)
        let error = try #require(diagnostics.first { $0.id == "yaml-too-large" })
        #expect(error.range?.path == "issues/x/issue.yaml" && error.range?.start.line == 1)
        // A small alias is fine.
        try project.write("issues/x/issue.yaml", "number: 1\nyear: 2025\nquarter: 1\ndate: &d 2025-03-31\nsections:\n  - title: Tin\n    articles: [articles/a.md]\n")
        try project.write("issues/x/articles/a.md", "---\ntitle: Tin\n---\n\nMột đoạn.\n")
        #expect(load(project).0 != nil)
    }

    @Test func inlineNestingIsLimitedAtItsParagraph() throws {
        func nested(_ n: Int) -> String {
            (1...n).map { "*m\($0) " }.joined() + (1...n).reversed().map { "k\($0)*" }.joined(separator: " ")
        }
        let project = try TestProject()
        try project.issue([("a.md", "---\ntitle: Tin\n---\n\nMột đoạn.\n\n" + nested(MarkdownParser.maximumInlineDepth) + "\n")])
        let (fine, none) = load(project)
        #expect(fine != nil && !none.contains { $0.id == "nesting-too-deep" })
        try project.issue([("a.md", "---\ntitle: Tin\n---\n\nMột đoạn.\n\n" + nested(MarkdownParser.maximumInlineDepth + 1) + "\n")])
        let (refused, diagnostics) = load(project)
        #expect(refused == nil)
        let error = try #require(diagnostics.first { $0.id == "nesting-too-deep" })
        #expect(error.range?.path == "issues/x/articles/a.md" && error.range?.start.line == 7 && error.message.contains("emphasis"))
    }

    /// Margins that leave a column just wider than the minimum load; just narrower, an error at `margins:`.
    @Test func marginsWiderThanThePageAreAnErrorAtTheirLine() throws {
        // A4 is 210 mm wide; two columns and a 6 mm gutter: inside + outside = 210 - 6 - 2 × column.
        for (column, ok) in [(20.5, true), (19.5, false)] {
            let project = try TestProject()
            try project.issue([("a.md", "---\ntitle: Tin\n---\n\nMột đoạn.\n")])
            let margins = (210 - 6 - 2 * column) / 2
            try project.editLayout(replacing: "inside: 20mm, outside: 16mm", with: "inside: \(margins)mm, outside: \(margins)mm")
            let (loaded, diagnostics) = load(project)
            #expect((loaded != nil) == ok, "\(column) mm: \(diagnostics)")
            if !ok {
                let error = try #require(diagnostics.first { $0.id == "no-room" })
                #expect(error.range?.path == "layouts/a4-two-column.yaml" && error.range?.start.line == 8 && error.range?.start.column == 3, "\(error)")
            }
        }
        let project = try TestProject()
        try project.issue([("a.md", "---\ntitle: Tin\n---\n\nMột đoạn.\n")])
        try project.editLayout(replacing: "top: 20mm, bottom: 22mm", with: "top: 200mm, bottom: 122mm")
        #expect(load(project).1.contains { $0.id == "no-room" && $0.message.contains("top and bottom") })
    }

    @Test func columnsAndNegativeMarginsAreCheckedAtTheirLine() throws {
        for (edit, error) in [(("count: 2", "count: 0"), true), (("count: 2", "count: 1"), false),
                              (("inside: 20mm", "inside: -5mm"), true), (("inside: 20mm", "inside: 0mm"), false)] {
            let project = try TestProject()
            try project.issue([("a.md", "---\ntitle: Tin\n---\n\nMột đoạn.\n")])
            try project.editLayout(replacing: edit.0, with: edit.1)
            let (loaded, diagnostics) = load(project)
            #expect((loaded == nil) == error, "\(edit.1): \(diagnostics)")
            if error {
                #expect(diagnostics.contains { $0.severity == .error && $0.range?.path == "layouts/a4-two-column.yaml" && $0.range?.start.line == (edit.0 == "count: 2" ? 10 : 8) },
                        "\(edit.1): \(diagnostics)")
            }
        }
    }

    @Test func anEmptyIssueLoadsWithAWarningAtItsSections() throws {
        let project = try TestProject()
        try project.write("issues/x/issue.yaml", "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nsections: []\n")
        let (loaded, diagnostics) = load(project)
        #expect(loaded != nil)
        let warning = try #require(diagnostics.first { $0.id == "empty-issue" })
        #expect(warning.range?.start.line == 5)
    }
}
