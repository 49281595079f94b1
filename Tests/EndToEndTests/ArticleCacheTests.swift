import Bantin
import Diagnostics
import Foundation
import Testing
import TestSupport

/// The article cache (`out/<id>/.cache/`): a rebuild typesets only what changed, and gives the
/// same bytes as a clean build; a changed font, layout or image is never served stale.
@Suite(.serialized) struct ArticleCacheTests {
    /// The sample issue in a throwaway project, built into `out`.
    struct Sample {
        let project: TestProject
        var issue: URL { project.url("issues/x") }

        init() throws {
            project = try TestProject()
            try project.copySample(as: "x")
            try project.copyFromProject("issues/publication.yaml")
        }

        func build(into out: String = "out") throws -> BuiltIssue {
            let engine = DiagnosticEngine()
            let pipeline = Pipeline(options: BuildOptions(root: project.root, outDirectory: project.url(out)), engine: engine)
            return try #require(pipeline.build([issue]).first, "\(engine.diagnostics)")
        }

        /// Every output of the issue (not the cache), by its path under `out`.
        func outputs(_ out: String = "out") throws -> [String: Data] {
            let root = project.url(out)
            var files: [String: Data] = [:]
            for path in try FileManager.default.subpathsOfDirectory(atPath: root.path) where !path.contains(".cache") {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue {
                    files[path] = FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
                }
            }
            return files
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            try project.write(path, change(try project.read(path)))
        }
    }

    @Test func aRebuildAfterOneEditTypesetsOneArticleAndMatchesACleanBuild() throws {
        let sample = try Sample()
        #expect(try sample.build().typesetArticles == 9)
        #expect(try sample.build().typesetArticles == 0, "nothing changed: every article comes from the cache")
        try sample.edit("issues/x/articles/09-tin-ngan.md") { $0 + "\nMột câu mới ở cuối bản tin ngắn.\n" }
        #expect(try sample.build().typesetArticles == 1)
        #expect(try sample.build(into: "clean").typesetArticles == 9)
        let cached = try sample.outputs(), clean = try sample.outputs("clean")
        #expect(cached.count == clean.count && cached.count > 20)
        for (path, data) in clean { #expect(cached[path] == data, "\(path) differs from a clean build's") }
        let entries = try FileManager.default.contentsOfDirectory(atPath: sample.project.url("out/x/.cache").path).filter { $0.hasSuffix(".bin") }
        #expect(entries.count == 9, "entries of the edited article's old text are removed: \(entries)")
    }

    @Test func aDamagedTruncatedOrEmptyEntryIsTypesetAgainAndAKilledBuildsTemporaryRemoved() throws {
        let sample = try Sample()
        #expect(try sample.build().typesetArticles == 9)
        let cache = sample.project.url("out/x/.cache")
        // The articles' entries (beside them, the ledger of images decoded whole).
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".bin") }.sorted()
            .map { cache.appendingPathComponent($0) }
        #expect(entries.count == 9)
        var damaged = try Data(contentsOf: entries[0])
        damaged[damaged.count / 2] ^= 0x01
        try damaged.write(to: entries[0])
        try Data(contentsOf: entries[1]).prefix(100).write(to: entries[1])
        try Data().write(to: entries[2])
        // What a build killed while writing an entry leaves (no process has this id).
        let stray = cache.appendingPathComponent(".\(entries[3].lastPathComponent).4194303.tmp")
        try Data([1, 2, 3]).write(to: stray)
        #expect(try sample.build().typesetArticles == 3)
        #expect(!FileManager.default.fileExists(atPath: stray.path))
        #expect(try sample.build().typesetArticles == 0, "the entries typeset again were written again")
        #expect(try sample.build(into: "clean").typesetArticles == 9)
        let cached = try sample.outputs(), clean = try sample.outputs("clean")
        for (path, data) in clean { #expect(cached[path] == data, "\(path) differs from a clean build's") }
    }

    @Test func aChangedLayoutOrFontTypesetsEverythingAgain() throws {
        let sample = try Sample()
        #expect(try sample.build().typesetArticles == 9)
        try sample.project.editLayout(replacing: "gutter: 6mm", with: "gutter: 7mm")
        #expect(try sample.build().typesetArticles == 9)
        // The same file name, other bytes: the serif face is now the sans one.
        try sample.project.remove("fonts/NotoSerif-Regular.ttf")
        try sample.project.copyFromProject("fonts/NotoSans-Regular.ttf", to: "fonts/NotoSerif-Regular.ttf")
        #expect(try sample.build().typesetArticles == 9)
        #expect(try sample.build().typesetArticles == 0)
    }

    @Test func aChangedImageTypesetsOnlyTheArticlesShowingIt() throws {
        let sample = try Sample()
        #expect(try sample.build().typesetArticles == 9)
        let users = try FileManager.default.contentsOfDirectory(atPath: sample.issue.appendingPathComponent("articles").path)
            .filter { try sample.project.read("issues/x/articles/\($0)").contains("images/hoi-nghi.jpg") }
        #expect(!users.isEmpty)
        // Other bytes, the same size in pixels (the photo of another article).
        try sample.project.remove("issues/x/images/hoi-nghi.jpg")
        try sample.project.copyFromProject("issues/2025-q1/images/nha-mang.jpg", to: "issues/x/images/hoi-nghi.jpg")
        #expect(try sample.build().typesetArticles == users.count)
    }
}
