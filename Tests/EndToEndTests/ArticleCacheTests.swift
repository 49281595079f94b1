import Bantin
import Diagnostics
import Foundation
import Layout
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

        var pack: URL { project.url("out/x/.cache/\(ArticleStore.packName)") }

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
        let entries = ArticleStore.entries(inPackAt: sample.pack)
        #expect(entries.count == 9, "the entry of the edited article's old text is dropped: \(entries.map(\.key))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sample.project.url("out/x/.cache").path).sorted()
                == [".preflight-ink", ".verified-images", "articles.pack", "cmyk"])
    }

    @Test func aRebuildThatChangedNothingLeavesThePackAsItIs() throws {
        let sample = try Sample()
        #expect(try sample.build().typesetArticles == 9)
        func identity() throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: sample.pack.path)[.systemFileNumber] as? Int
        }
        let before = try identity(), first = ArticleStore.entries(inPackAt: sample.pack)
        #expect(before != nil && first.count == 9)
        #expect(try sample.build().typesetArticles == 0)
        #expect(try identity() == before, "the pack was written again")
        // The first article edited: a new pack, in the issue's order, the same entries but that one's.
        try sample.edit("issues/x/articles/01-hoi-nghi-tong-ket-2024.md") { $0 + "\nMột câu mới.\n" }
        #expect(try sample.build().typesetArticles == 1)
        let second = ArticleStore.entries(inPackAt: sample.pack)
        #expect(second.count == 9 && second[0].key != first[0].key)
        #expect(second.dropFirst().map(\.key) == first.dropFirst().map(\.key))
    }

    @Test func aDamagedEntryIsTypesetAgainAndAKilledBuildsTemporaryRemoved() throws {
        let sample = try Sample()
        #expect(try sample.build().typesetArticles == 9)
        let entries = ArticleStore.entries(inPackAt: sample.pack)
        #expect(entries.count == 9)
        var damaged = try Data(contentsOf: sample.pack)
        damaged[entries[0].range.lowerBound + entries[0].range.count / 2] ^= 0x01
        // A torn write: the second half of an entry never reached the disk.
        damaged.replaceSubrange(entries[4].range.suffix(entries[4].range.count / 2), with: Data(count: entries[4].range.count / 2))
        try damaged.write(to: sample.pack)
        // What a build killed while writing its pack leaves (no process has this id).
        let stray = sample.project.url("out/x/.cache/.\(ArticleStore.packName).4194303.tmp")
        try Data([1, 2, 3]).write(to: stray)
        #expect(try sample.build().typesetArticles == 2)
        #expect(!FileManager.default.fileExists(atPath: stray.path))
        #expect(try sample.build().typesetArticles == 0, "the entries typeset again were written again")
        #expect(try sample.build(into: "clean").typesetArticles == 9)
        let cached = try sample.outputs(), clean = try sample.outputs("clean")
        for (path, data) in clean { #expect(cached[path] == data, "\(path) differs from a clean build's") }
        #expect(try Data(contentsOf: sample.pack) == Data(contentsOf: sample.project.url("clean/x/.cache/\(ArticleStore.packName)")), "a pack mended entry by entry is a clean build's pack")
    }

    @Test func aPackCutShortEmptyOrOfAnotherKindIsTypesetWhole() throws {
        let sample = try Sample()
        #expect(try sample.build().typesetArticles == 9)
        let whole = try Data(contentsOf: sample.pack)
        for broken in [whole.prefix(whole.count / 2), whole.dropLast(1), Data(), Data("BNAP".utf8), Data(repeating: 0xff, count: 4096)] {
            try broken.write(to: sample.pack)
            #expect(try sample.build().typesetArticles == 9, "a pack of \(broken.count) bytes")
            #expect(try Data(contentsOf: sample.pack) == whole)
        }
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
