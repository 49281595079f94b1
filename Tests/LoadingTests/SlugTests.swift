import Diagnostics
import Foundation
import Loading
import Model
import Testing
import TestSupport

/// Issue 12, item 2: every article has an address of its own, the same on every build.
@Suite struct SlugTests {
    /// Issue `x` with articles of these titles (and front matter lines), listed in this order.
    private func load(_ articles: [(file: String, front: String)], listing: [String]? = nil) throws
        -> (slugs: [String], diagnostics: [Diagnostic]) {
        let project = try TestProject()
        let list = (listing ?? articles.map(\.file)).map { "      - articles/\($0)" }.joined(separator: "\n")
        try project.write("issues/x/issue.yaml", "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nsections:\n  - title: Tin\n    articles:\n\(list)\n")
        for (file, front) in articles { try project.write("issues/x/articles/\(file)", "---\n\(front)\n---\n\nMột đoạn văn.\n") }
        let engine = DiagnosticEngine()
        let loaded = IssueLoader(workspace: Workspace(root: project.root, workingDirectory: project.root), engine: engine)
            .load(issueFolder: project.url("issues/x"))
        return (loaded?.issue.articles.map(\.slug) ?? [], engine.diagnostics)
    }

    @Test func titlesThatMeetGetAddressesOfTheirOwn() throws {
        // Before: "tin-ngan", "tin-ngan-2", "tin-ngan-2" — two pages at one address.
        let (slugs, diagnostics) = try load([("a.md", "title: Tin ngắn"), ("b.md", "title: Tin ngắn"), ("c.md", "title: Tin ngắn 2")])
        #expect(slugs == ["tin-ngan", "tin-ngan-2", "tin-ngan-2-2"])
        #expect(Set(slugs).count == slugs.count)
        let warning = try #require(diagnostics.first { $0.id == "slug-taken" })
        #expect(warning.severity == .warning && warning.range?.path == "issues/x/issue.yaml" && warning.range?.start.line == 9)
        #expect(warning.message.contains("'tin-ngan-2'"))
    }

    @Test func addingAnArticleRenamesNoOther() throws {
        let before = try load([("a.md", "title: Tin ngắn"), ("b.md", "title: Tin ngắn"), ("c.md", "title: Hội thảo")]).slugs
        let after = try load([("a.md", "title: Tin ngắn"), ("b.md", "title: Tin ngắn"), ("c.md", "title: Hội thảo"),
                              ("d.md", "title: Tin ngắn"), ("e.md", "title: Tin ngắn 2")]).slugs
        #expect(Array(after.prefix(3)) == before)
        #expect(Set(after).count == after.count)
    }

    @Test func aPinnedSlugIsKeptAndTheOthersGiveWay() throws {
        let (slugs, diagnostics) = try load([("a.md", "title: Tin ngắn"), ("b.md", "title: Hội thảo\nslug: tin-ngan")])
        #expect(slugs == ["tin-ngan-2", "tin-ngan"])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
    }

    @Test func twoPinsOfOneAddressAreAnErrorAtTheSecondListing() throws {
        let (slugs, diagnostics) = try load([("a.md", "title: A\nslug: chung"), ("b.md", "title: B\nslug: chung")])
        #expect(slugs.isEmpty)
        let error = try #require(diagnostics.first { $0.id == "duplicate-slug" })
        #expect(error.severity == .error && error.range?.start.line == 9 && error.range?.start.column == 9)
    }

    @Test func aSlugThatIsNoAddressIsAnError() throws {
        for bad in ["Tin ngắn", "images", "a/b"] {
            let (slugs, diagnostics) = try load([("a.md", "title: A\nslug: \(bad)")])
            #expect(slugs.isEmpty, "\(bad)")
            let error = try #require(diagnostics.first { $0.id == "bad-slug" }, "\(bad)")
            #expect(error.range?.path == "issues/x/articles/a.md" && error.range?.start.line == 3 && error.range?.start.column == 7)
        }
    }

    @Test func anArticleListedTwiceIsAnErrorAtItsSecondLine() throws {
        let (slugs, diagnostics) = try load([("a.md", "title: A"), ("b.md", "title: B")], listing: ["a.md", "b.md", "a.md"])
        #expect(slugs.isEmpty)
        let error = try #require(diagnostics.first { $0.id == "listed-twice" })
        #expect(error.range?.start.line == 10 && error.range?.start.column == 9)
        #expect(error.hint?.contains("line 8") == true)
    }
}
