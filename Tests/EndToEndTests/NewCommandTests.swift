import Diagnostics
import Foundation
import Loading
import Model
import Testing
import TestSupport

/// `bantin new issue` and `bantin new article`, through the command line, in throwaway projects.
@Suite struct NewCommandTests {
    var bantin: String { projectRoot.appendingPathComponent(".build/debug/bantin").path }

    /// A project whose only issue is the sample, as `issues/<id>`.
    private func sampleProject(as id: String = "2025-q1") throws -> TestProject {
        let project = try TestProject()
        try project.copySample(as: id)
        return project
    }

    private func new(_ project: TestProject, _ arguments: [String]) throws -> (out: String, err: String, status: Int32) {
        try run(bantin, ["new"] + arguments + ["--root", project.root.path])
    }

    /// The issue as the loader reads it, with its diagnostics.
    private func load(_ project: TestProject, _ id: String) -> (issue: Model.Issue?, diagnostics: [Diagnostic]) {
        let engine = DiagnosticEngine()
        let loaded = IssueLoader(workspace: Workspace(root: project.root, workingDirectory: project.root), engine: engine)
            .load(issueFolder: project.url("issues/\(id)"))
        return (loaded?.issue, engine.diagnostics)
    }

    /// `bantin check` of one issue: its exit status and the ids of its diagnostics.
    private func check(_ project: TestProject, _ id: String) throws -> (status: Int32, ids: [String], err: String) {
        let result = try run(bantin, ["check", project.url("issues/\(id)").path, "--root", project.root.path, "--diagnostics-format", "json"])
        let ids = result.err.split(separator: "\n").compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return object["id"] as? String
        }
        return (result.status, ids, result.err)
    }

    /// Every file under `folder` (dotfiles too) with its bytes.
    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test func theNextIssueFollowsTheLatestWithItsLayoutAndSectionsAndChecksWithOneWarning() throws {
        let project = try sampleProject()
        let result = try new(project, ["issue"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("issues/2025-q2: Số 2, Quý II/2025, date 2025-06-30, layout a4-two-column"), "\(result.out)")
        for file in ["issue.yaml", "articles/.gitkeep", "images/.gitkeep"] { #expect(project.exists("issues/2025-q2/\(file)"), "\(file)") }

        let (issue, diagnostics) = load(project, "2025-q2")
        let sample = try #require(load(project, "2025-q1").issue)
        let made = try #require(issue, "\(diagnostics)")
        #expect(made.number == 2 && made.year == 2025 && made.quarter == 2 && made.date == ISODate("2025-06-30"))
        #expect(made.layoutName == sample.layoutName)
        #expect(made.sections.map(\.title) == sample.sections.map(\.title))
        #expect(made.sections.allSatisfy { $0.articles.isEmpty })
        #expect(made.cover == nil)
        #expect(try project.read("issues/2025-q2/issue.yaml").contains("    articles: []\n"))

        // What an editor expects of an issue with nothing in it yet: one warning, no error.
        let checked = try check(project, "2025-q2")
        #expect(checked.status == 0, "\(checked.err)")
        #expect(checked.ids == ["empty-issue"], "\(checked.err)")
    }

    @Test func afterTheFourthQuarterComesTheNextYearsFirst() throws {
        let project = try sampleProject(as: "2025-q4")
        let manifest = try project.read("issues/2025-q4/issue.yaml")
        try project.write("issues/2025-q4/issue.yaml", manifest.replacingOccurrences(of: "number: 1\n", with: "number: 4\n")
            .replacingOccurrences(of: "quarter: 1\n", with: "quarter: 4\n").replacingOccurrences(of: "date: 2025-03-31", with: "date: 2025-12-31"))
        let result = try new(project, ["issue"])
        #expect(result.status == 0, "\(result.err)")
        let issue = try #require(load(project, "2026-q1").issue)
        #expect(issue.number == 5 && issue.year == 2026 && issue.quarter == 1 && issue.date == ISODate("2026-03-31"))
    }

    @Test func theFirstIssueOfAProjectIsNumberOneInThisQuarter() throws {
        let project = try TestProject()
        let result = try new(project, ["issue"])
        #expect(result.status == 0, "\(result.err)")
        let month = Calendar(identifier: .gregorian).component(.month, from: Date())
        let id = "\(Calendar(identifier: .gregorian).component(.year, from: Date()))-q\((month - 1) / 3 + 1)"
        let issue = try #require(load(project, id).issue)
        #expect(issue.number == 1 && issue.layoutName == "a4-two-column" && issue.sections.count == 1)
    }

    @Test func anExistingIssueIsNeverTouched() throws {
        let project = try sampleProject()
        #expect(try new(project, ["issue", "2025-q2"]).status == 0)
        let before = try snapshot(project.url("issues"))
        let again = try new(project, ["issue", "2025-q2"])
        #expect(again.status == 1)
        #expect(again.err.contains("bantin: error: the folder '\(project.url("issues/2025-q2").path)' exists already; nothing was written"), "\(again.err)")
        #expect(again.err.contains("hint: bantin new never overwrites an issue"), "\(again.err)")
        #expect(try snapshot(project.url("issues")) == before)
        // Nothing left beside it either (no temporary folder).
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.url("issues").path).sorted() == ["2025-q1", "2025-q2", "publication.yaml"])
    }

    @Test func anIdThatIsNotAYearAndQuarterIsBadUsage() throws {
        let project = try sampleProject()
        let result = try new(project, ["issue", "2025-2"])
        #expect(result.status == 64)
        #expect(result.err.contains("'2025-2' is not an issue id") && result.err.contains("YYYY-qN"), "\(result.err)")
        #expect(!project.exists("issues/2025-2"))
    }

    @Test func aNewArticleIsWrittenAndListedInItsSectionAndTheIssueChecks() throws {
        let project = try sampleProject()
        #expect(try new(project, ["issue"]).status == 0)
        let result = try new(project, ["article", project.url("issues/2025-q2").path, "Hội thảo: “Nước sạch” cho vùng cao",
                                       "--section", "khoa hoc va doi song", "--author", "Trần Thị Hạnh"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("articles/01-hoi-thao-nuoc-sach-cho-vung-cao.md, listed in") && result.out.contains("under 'Khoa học và Đời sống'"),
                "\(result.out)")
        let text = try project.read("issues/2025-q2/articles/01-hoi-thao-nuoc-sach-cho-vung-cao.md")
        #expect(text == "---\ntitle: \"Hội thảo: “Nước sạch” cho vùng cao\"\nauthors: [\"Trần Thị Hạnh\"]\n---\n\nViết nội dung bài ở đây.\n")

        // Without --section: the last section.
        #expect(try new(project, ["article", "2025-q2", "Tin ngắn"]).status == 0)

        let manifest = try project.read("issues/2025-q2/issue.yaml")
        #expect(manifest.contains("# Số 2 · Quý II/2025. Paths are relative to this folder.\n") && manifest.contains("# cover:\n"))
        #expect(manifest.contains("  - title: Khoa học và Đời sống\n    articles:\n      - articles/01-hoi-thao-nuoc-sach-cho-vung-cao.md\n"))
        let issue = try #require(load(project, "2025-q2").issue)
        #expect(issue.sections.map { $0.articles.map(\.title) } == [[], ["Hội thảo: “Nước sạch” cho vùng cao"], [], [], ["Tin ngắn"]])
        #expect(issue.sections[1].articles[0].authors == ["Trần Thị Hạnh"])

        let checked = try check(project, "2025-q2")
        #expect(checked.status == 0 && checked.ids.isEmpty, "\(checked.err)")
    }

    @Test func anArticleAddedToTheSampleIsOneLineMoreInItsManifest() throws {
        let project = try sampleProject()
        let before = try project.read("issues/2025-q1/issue.yaml")
        #expect(try new(project, ["article", project.url("issues/2025-q1").path, "Tọa đàm cuối quý", "--section", "Sáng tạo trẻ"]).status == 0)
        #expect(try project.read("issues/2025-q1/issue.yaml") == before.replacingOccurrences(
            of: "      - articles/06-cuoc-thi-khkt-hoc-sinh.md\n",
            with: "      - articles/06-cuoc-thi-khkt-hoc-sinh.md\n      - articles/10-toa-dam-cuoi-quy.md\n"))
        #expect(project.exists("issues/2025-q1/articles/10-toa-dam-cuoi-quy.md"))
    }

    @Test func anExistingArticleIsNeverOverwritten() throws {
        let project = try sampleProject()
        #expect(try new(project, ["issue"]).status == 0)
        // A file not yet listed, and an article of the same title made twice.
        try project.write("issues/2025-q2/articles/01-tin-ngan.md", "---\ntitle: Bản nháp\n---\n\nĐã viết.\n")
        #expect(try new(project, ["article", "2025-q2", "Tin ngắn"]).status == 0)
        #expect(try new(project, ["article", "2025-q2", "Tin ngắn"]).status == 0)
        #expect(try project.read("issues/2025-q2/articles/01-tin-ngan.md") == "---\ntitle: Bản nháp\n---\n\nĐã viết.\n")
        let first = try project.read("issues/2025-q2/articles/02-tin-ngan.md")
        #expect(project.exists("issues/2025-q2/articles/03-tin-ngan.md"))
        #expect(first.contains("title: \"Tin ngắn\""))
        #expect(try project.read("issues/2025-q2/issue.yaml").contains("    articles:\n      - articles/02-tin-ngan.md\n      - articles/03-tin-ngan.md\n"))
    }

    @Test func anUnknownSectionIsAnErrorWithASuggestionAndNothingIsWritten() throws {
        let project = try sampleProject()
        let before = try snapshot(project.url("issues"))
        let result = try new(project, ["article", project.url("issues/2025-q1").path, "Tin mới", "--section", "Tin hoat dong nhe"])
        #expect(result.status == 1)
        #expect(result.err.contains("issues/2025-q1/issue.yaml:10:1: error: issue.yaml has no section 'Tin hoat dong nhe'; nothing was written"), "\(result.err)")
        #expect(result.err.contains("hint: did you mean 'Tin hoạt động'? sections in issue.yaml: Hoạt động Liên hiệp Hội, Khoa học và Đời sống, "),
                "\(result.err)")
        #expect(try snapshot(project.url("issues")) == before)
    }
}
