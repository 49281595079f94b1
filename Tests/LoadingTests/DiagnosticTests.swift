import Diagnostics
import Foundation
import Loading
import Model
import Testing
import TestSupport

/// The four bad inputs of the first version, all reported in one run with file, line and column.
@Suite struct DiagnosticTests {
    func load(_ fixture: TestProject, _ issue: String = "issues/2025-q1") -> (LoadedIssue?, DiagnosticEngine) {
        let engine = DiagnosticEngine()
        let workspace = Workspace(root: fixture.root, workingDirectory: fixture.root)
        let loaded = IssueLoader(workspace: workspace, engine: engine).load(issueFolder: fixture.url(issue))
        return (loaded, engine)
    }

    @Test func fourBadInputsInOneRun() throws {
        let f = try TestProject()
        try f.write("issues/2025-q1/issue.yaml", """
            number: 1
            year: 2025
            quarter: 1
            date: 2025-03-31
            layout: a4-tow-column
            sections:
              - title: Tin hoạt động
                articles:
                  - articles/01-ok.md
                  - articles/02-khong-co.md
                  - articles/03-yaml.md
            """)
        try f.write("issues/2025-q1/articles/01-ok.md", """
            ---
            title: Bài có ảnh thiếu
            ---

            Đoạn mở đầu.

            ![Quang cảnh hội nghị](../images/khong-co.jpg "Ảnh: Ban Biên tập")
            """)
        try f.write("issues/2025-q1/articles/03-yaml.md", """
            ---
            title: Bài lỗi YAML
            authors: [Trần Thị Hạnh
            ---

            Nội dung.
            """)
        let (loaded, engine) = load(f)
        #expect(loaded == nil)
        let errors = engine.diagnostics.filter { $0.severity == .error }
        let found = errors.map { "\($0.id) \($0.range?.path ?? "-"):\($0.range?.start.line ?? 0):\($0.range?.start.column ?? 0)" }
        #expect(found.contains("unknown-layout issues/2025-q1/issue.yaml:5:9"), "\(found)")
        #expect(found.contains("missing-file issues/2025-q1/issue.yaml:10:9"), "\(found)")
        #expect(found.contains("missing-image issues/2025-q1/articles/01-ok.md:7:1"), "\(found)")
        #expect(found.contains { $0.hasPrefix("yaml-syntax issues/2025-q1/articles/03-yaml.md:4:") }, "\(found)")
        #expect(errors.count == 4, "\(found)")
        // Every error carries a hint, and the unknown layout's hint names the right one.
        #expect(errors.allSatisfy { $0.hint != nil })
        #expect(errors.first { $0.id == "unknown-layout" }?.hint?.contains("a4-two-column") == true)
    }

    @Test func consoleFormIsPathLineColumn() throws {
        let f = try TestProject()
        try f.write("issues/x/issue.yaml", "number: 1\nyear: 2025\nquarter: 5\ndate: 2025-03-31\nsections: []\n")
        let (_, engine) = load(f, "issues/x")
        let text = ConsoleRenderer().render(engine)
        #expect(text.contains("issues/x/issue.yaml:3:10: error: 'quarter' must be between 1 and 4, not 5"), "\(text)")
        #expect(text.contains("quarter: 5\n             ^"), "\(text)")
    }

    @Test func unknownKeyGetsSuggestion() throws {
        let f = try TestProject()
        try f.write("issues/x/issue.yaml", "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nlayuot: a4-two-column\nsections: []\n")
        let (_, engine) = load(f, "issues/x")
        let d = try #require(engine.diagnostics.first { $0.id == "unknown-key" })
        #expect(d.range?.start == SourceLocation(line: 5, column: 1))
        #expect(d.hint?.contains("did you mean 'layout'?") == true)
    }

    @Test func articleOutsideIssueFolderIsRefused() throws {
        let f = try TestProject()
        try f.write("secret.md", "---\ntitle: Bí mật\n---\nKhông được đọc.\n")
        try f.write("issues/x/issue.yaml", """
            number: 1
            year: 2025
            quarter: 1
            date: 2025-03-31
            sections:
              - title: A
                articles: [../../secret.md, /etc/passwd]
            """)
        let (_, engine) = load(f, "issues/x")
        let outside = engine.diagnostics.filter { $0.id == "outside-issue" }
        #expect(outside.map { $0.range!.start } == [SourceLocation(line: 7, column: 16), SourceLocation(line: 7, column: 33)])
    }

    @Test func frontMatterNeedsTitle() throws {
        let f = try TestProject()
        try f.write("issues/x/issue.yaml", "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nsections:\n  - title: A\n    articles: [a.md]\n")
        try f.write("issues/x/a.md", "---\nauthors: [An]\ndate: 2025-13-01\n---\nNội dung.\n")
        let (_, engine) = load(f, "issues/x")
        let ids = engine.diagnostics.map { "\($0.id)@\($0.range!.start)" }
        #expect(ids.contains("missing-key@2:1"), "\(ids)")
        #expect(ids.contains("bad-date@3:7"), "\(ids)")
    }
}
