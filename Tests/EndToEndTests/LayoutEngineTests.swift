import Diagnostics
import Model
import Pages
import Typesetting
import Bantin
import Foundation
import Layout
import Model
import Testing
import TestSupport

/// The sample issue in each of the three layouts, built once.
let layouts: [String: (built: BuiltIssue, engine: DiagnosticEngine)] = {
    var out: [String: (BuiltIssue, DiagnosticEngine)] = [:]
    for name in ["a4-two-column", "a5-booklet", "a4-three-column"] {
        let engine = DiagnosticEngine()
        let dir = try! temporaryFolder("layout-\(name)")
        let pipeline = Pipeline(options: BuildOptions(root: projectRoot, outDirectory: dir, layoutOverride: name), engine: engine)
        let built = pipeline.build([projectRoot.appendingPathComponent("issues/2025-q1")])
        precondition(built.count == 1, "\(name): \(ConsoleRenderer().render(engine))")
        out[name] = (built[0], engine)
    }
    return out
}()

@Suite(.serialized) struct LayoutEngineTests {
    /// Acceptance 1: the sample builds in all three layouts, each a multiple of four pages.
    @Test(arguments: ["a4-two-column", "a5-booklet", "a4-three-column"])
    func buildsInEveryLayout(_ name: String) throws {
        let (built, engine) = try #require(layouts[name])
        #expect(!engine.hasErrors, "\(engine.diagnostics)")
        let info = try run("pdfinfo", [built.printPDF.path]).out
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last!) }
        #expect(pages == built.pages.count)
        #expect(built.pages.count % 4 == 0, "\(name): \(built.pages.count) pages")
        #expect(built.pages.last?.kind == .colophon)
        let expectedSize = name == "a5-booklet" ? "436.535 x 612.283" : "612.283 x 858.898"
        #expect(info.contains("Page size:       \(expectedSize) pts"), "\(name): \(info)")
    }

    /// Acceptance 2: each contents entry's page number is the page where its article starts,
    /// read back from the PDF page by page.
    @Test(arguments: ["a4-two-column", "a5-booklet", "a4-three-column"])
    func contentsPageNumbersPointAtTheOpeners(_ name: String) throws {
        let (built, _) = try #require(layouts[name])
        let contentsPages = built.pages.filter { $0.kind == .contents }.map(\.number)
        let contentsPage = try #require(contentsPages.last)
        let contents = try pdfWords(built.printPDF, first: contentsPages[0], last: contentsPage)
        for section in built.issue.sections {
            for article in section.articles {
                let title = words(article.title)
                // The entry: the title's words, then the page number.
                guard let at = (0...(contents.count - title.count)).first(where: { Array(contents[$0..<$0 + title.count]) == title }),
                      let number = Int(contents[at + title.count]) else {
                    Issue.record("\(name): no contents entry with a page number for \(article.title)")
                    continue
                }
                // On that page: the section's kicker and the title, as the opener sets them.
                let page = try pdfWords(built.printPDF, first: number, last: number).joined(separator: " ")
                let opener = (words(section.title.uppercased()) + title).joined(separator: " ")
                #expect(page.contains(opener), "\(name): page \(number) does not open “\(article.title)”")
                if number > contentsPage + 1 {
                    let before = try pdfWords(built.printPDF, first: number - 1, last: number - 1).joined(separator: " ")
                    #expect(!before.contains(opener), "\(name): “\(article.title)” opens before page \(number)")
                }
            }
        }
    }

    /// Acceptance 3, on the page dump: no widow or orphan line, no heading at the foot of a
    /// column, and the running heads name the right article.
    @Test(arguments: ["a4-two-column", "a5-booklet", "a4-three-column"])
    func pageDumpHasNoWidowsOrphansOrStrandedHeadings(_ name: String) throws {
        let (built, _) = try #require(layouts[name])
        let flows = FlowDump.parse(built.pages.map(\.dump).joined(separator: "\n"))
        #expect(flows.count > 500, "\(name): \(flows.count) flow lines")
        // Group lines by page, column and paragraph.
        var segments: [String: (count: Int, lines: Int)] = [:]
        var order: [String] = []
        for f in flows where f.kind == "line" {
            let key = "\(f.page)/\(f.column)/\(f.source)"
            if segments[key] == nil { order.append(key) }
            segments[key, default: (f.count, 0)].lines += 1
        }
        for key in order {
            let s = segments[key]!
            // A paragraph of two or more lines never leaves one line alone in a column.
            #expect(s.count == 1 || s.lines >= 2, "\(name): \(key) holds \(s.lines) of \(s.count) lines")
        }
        // The last flow item of each column is never a heading.
        var last: [String: FlowDump.Line] = [:]
        for f in flows { last["\(f.page)/\(f.column)"] = f }
        for (column, f) in last {
            #expect(f.kind != "heading", "\(name): column \(column) ends with the heading \(f.source)")
        }
    }

    @Test(arguments: ["a4-two-column", "a5-booklet", "a4-three-column"])
    func runningHeadsNameTheRightArticle(_ name: String) throws {
        let (built, _) = try #require(layouts[name])
        let issue = built.issue
        var checked = 0, strangers: [Int] = []
        for page in built.pages where page.kind == .article && !page.opensArticle {
            let head = page.items.compactMap { item -> String? in
                if case .text(let run, let origin) = item, origin.y < page.page.trimBox.y + .mm(14) { return run.text }
                return nil
            }.first
            let expected: String
            switch (name, page.isRecto) {
            case ("a5-booklet", true): expected = page.sectionTitle ?? ""
            case ("a5-booklet", false): expected = issue.issueLine
            case ("a4-three-column", true): expected = (page.sectionTitle ?? "") + " · " + (page.articleTitle ?? "")
            case (_, true): expected = page.articleTitle ?? ""
            case (_, false): expected = issue.publication.title + " · " + issue.issueLine
            }
            let found = try #require(head, "\(name): page \(page.number) has no running head")
            #expect(expected.hasPrefix(found), "\(name): page \(page.number) head “\(found)”, expected “\(expected)”")
            // The article the page is headed with is one whose text it carries (a page may end one
            // article and start the next).
            let article = try #require(issue.articles.first { $0.title == page.articleTitle }, "\(name): page \(page.number)")
            if !ArticleText.hasALine(on: page.page, from: article) { strangers.append(page.number) }
            checked += 1
        }
        #expect(checked > 4)
        #expect(strangers.isEmpty, "\(name): pages \(strangers) are headed with an article none of whose lines they set")
    }
}

/// An article's words as its source has them — paragraphs, headings, list items, quotes, code,
/// captions and credits — with every run of white space one space, to find a set line in.
enum ArticleText {
    static func of(_ article: Article) -> String {
        collapsed((article.blocks + article.footnotes.flatMap(\.blocks)).map(text).joined(separator: " "))
    }

    static func text(_ block: Block) -> String {
        switch block.kind {
        case .paragraph(let inlines), .heading(_, let inlines): inlines.plainText
        case .list(_, _, let items): items.flatMap { $0.map(text) }.joined(separator: " ")
        case .quote(let blocks, _): blocks.map(text).joined(separator: " ")
        case .code(_, let code): code
        case .figure(let figure): figure.caption.plainText + " " + (figure.credit ?? "")
        case .table: block.plainText
        case .rule: ""
        }
    }

    /// Whether one of the page's lines of text (below the running head, over 20 characters) is
    /// in the article's text.
    static func hasALine(on page: Page, from article: Article) -> Bool {
        let source = of(article)
        return page.items.contains { item in
            guard case .text(let run, let origin) = item, origin.y > page.trimBox.y + .mm(14), run.text.count > 20 else { return false }
            return source.contains(collapsed(run.text))
        }
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// The flow lines of `Page.dump`: `flow c1 line @12:1 3/7 y=120.5-133.7`, with their page.
enum FlowDump {
    struct Line {
        var page: Int
        var column: Int
        var kind: String
        var source: String
        var index: Int
        var count: Int
    }

    static func parse(_ dump: String) -> [Line] {
        var page = 0
        var out: [Line] = []
        for raw in dump.split(separator: "\n") {
            let parts = raw.split(separator: " ")
            if raw.hasPrefix("Page "), parts.count > 1, let n = Int(parts[1]) { page = n }
            guard parts.first == "flow", parts.count >= 5 else { continue }
            let position = parts[4].split(separator: "/")
            out.append(Line(page: page, column: Int(parts[1].dropFirst()) ?? -1, kind: String(parts[2]), source: String(parts[3]),
                            index: Int(position[0]) ?? 0, count: Int(position[1]) ?? 0))
        }
        return out
    }
}

@Suite struct FigureTests {
    /// A figure that cannot fit on a page even scaled is an error at the figure, and nothing is written.
    @Test func figureTooLargeForThePageIsALocatedError() throws {
        let project = try TestProject()
        try project.editLayout(replacing: "max-height: 0.5 ", with: "max-height: 1.0 ")
        // A tall, narrow image (100 × 4000 px, 13 inches at 300 ppi) fills the column's whole height,
        // and its caption overflows the page.
        let png = PNGMaker.solid(width: 100, height: 4000)
        try project.write("issues/x/images/cot.png", png)
        try project.issue([("a.md", "---\ntitle: Ảnh quá lớn\n---\n\nMở đầu.\n\n![Một cột rất cao](../images/cot.png \"Ảnh: thử\")\n")])
        let (pdf, diagnostics) = project.build()
        #expect(pdf == nil)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.id) == ["figure-too-large"], "\(diagnostics)")
        #expect(errors.first?.range?.path.hasSuffix("issues/x/articles/a.md") == true)
        #expect(errors.first?.range?.start == SourceLocation(line: 7, column: 1))
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("out/x/print.pdf").path))
    }
}
