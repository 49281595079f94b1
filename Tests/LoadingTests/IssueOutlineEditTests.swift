import Diagnostics
import Foundation
import Loading
import Testing

/// `bantin new article`'s edit of issue.yaml: one line typed in, everything else kept.
@Suite struct IssueOutlineEditTests {
    private let head = "# Số 2. Paths are relative to this folder.\nnumber: 2\nyear: 2025\nquarter: 2\ndate: 2025-06-30\n"

    private func adding(_ path: String, to section: String?, in text: String) throws -> String? {
        let engine = DiagnosticEngine()
        let outline = try #require(IssueOutline.read(text, path: "issue.yaml", engine: engine))
        #expect(!engine.hasErrors, "\(engine.diagnostics)")
        let index = try #require(section.map { outline.sectionIndex(named: $0) } ?? outline.sections.count - 1)
        return outline.adding(path, toSection: index, in: text)
    }

    @Test func aBlockListGetsOneLineAfterItsLastArticle() throws {
        let text = head + "sections:\n  - title: Tin\n    articles:\n      - articles/01-a.md   # mở đầu\n      # sau này\n  - title: Khác\n    articles: [articles/02-b.md]\n"
        let edited = try adding("articles/03-c.md", to: "Tin", in: text)
        #expect(edited == head + "sections:\n  - title: Tin\n    articles:\n      - articles/01-a.md   # mở đầu\n      - articles/03-c.md\n      # sau này\n  - title: Khác\n    articles: [articles/02-b.md]\n")
    }

    @Test func anEmptyFlowListBecomesABlockListAndItsCommentStays() throws {
        let text = head + "sections:\n  - title: Tin hoạt động\n    articles: []  # chưa có bài\n"
        let edited = try adding("articles/01-a.md", to: "tin hoat dong", in: text)
        #expect(edited == head + "sections:\n  - title: Tin hoạt động\n    articles:  # chưa có bài\n      - articles/01-a.md\n")
    }

    @Test func aFlowListGetsTheArticleBeforeItsBracket() throws {
        let text = head + "sections:\n  - title: Tin\n    articles: [articles/01-a.md, \"articles/02-b].md\"]\n"
        let edited = try adding("articles/03-c.md", to: nil, in: text)
        #expect(edited == head + "sections:\n  - title: Tin\n    articles: [articles/01-a.md, \"articles/02-b].md\", articles/03-c.md]\n")
    }

    @Test func aKeyWithNothingAfterItGetsABlockList() throws {
        let text = head + "sections:\n  - title: Tin\n    articles:\n  - title: Khác\n    articles: []\n"
        let edited = try adding("articles/01-a.md", to: "Tin", in: text)
        #expect(edited == head + "sections:\n  - title: Tin\n    articles:\n      - articles/01-a.md\n  - title: Khác\n    articles: []\n")
    }

    @Test func aSectionInFlowStyleGetsAFlowList() throws {
        let text = head + "sections:\n  - { title: Tin, articles: [] }\n"
        let edited = try adding("articles/01-a.md", to: "Tin", in: text)
        #expect(edited == head + "sections:\n  - { title: Tin, articles: [articles/01-a.md] }\n")
    }

    @Test func crlfLineEndsAreKept() throws {
        let text = (head + "sections:\n  - title: Tin\n    articles:\n      - articles/01-a.md\n").replacingOccurrences(of: "\n", with: "\r\n")
        let edited = try adding("articles/02-b.md", to: "Tin", in: text)
        #expect(edited == (head + "sections:\n  - title: Tin\n    articles:\n      - articles/01-a.md\n      - articles/02-b.md\n")
            .replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func sectionsAreFoundWithoutCaseOrTonesAndUnknownOnesGetASuggestion() throws {
        let engine = DiagnosticEngine()
        let outline = try #require(IssueOutline.read(head + "sections:\n  - title: Khoa học và Đời sống\n    articles: []\n  - title: Tin hoạt động\n    articles: []\n",
                                                     path: "issue.yaml", engine: engine))
        #expect(outline.sectionIndex(named: "Tin hoạt động") == 1)
        #expect(outline.sectionIndex(named: "KHOA HOC VA DOI SONG") == 0)
        #expect(outline.sectionIndex(named: "Tin hoat dongg") == nil)
        #expect(outline.sectionHint(for: "Tin hoat dongg").hasPrefix("did you mean 'Tin hoạt động'? sections in issue.yaml: Khoa học và Đời sống, Tin hoạt động"))
    }
}
