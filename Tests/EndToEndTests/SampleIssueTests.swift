import Diagnostics
import Layout
import Pages
import Typesetting
import Bantin
import Foundation
import Model
import Testing
import TestSupport

/// Builds the sample issue once for the whole suite.
let sample: (built: BuiltIssue, out: URL, engine: DiagnosticEngine) = {
    let out = try! temporaryFolder("sample")
    let engine = DiagnosticEngine()
    let pipeline = Pipeline(options: BuildOptions(root: projectRoot, outDirectory: out, booklet: true), engine: engine)
    let built = pipeline.build([projectRoot.appendingPathComponent("issues/2025-q1")])
    precondition(built.count == 1, ConsoleRenderer().render(engine))
    return (built[0], out, engine)
}()

@Suite(.serialized) struct SampleIssueTests {
    @Test func buildsWithoutErrorsIntoEveryOutput() throws {
        #expect(!sample.engine.hasErrors, "\(ConsoleRenderer().render(sample.engine))")
        for file in ["print.pdf", "screen.pdf", "booklet.pdf", "preflight.json", "preflight.html"] {
            #expect(FileManager.default.fileExists(atPath: sample.out.appendingPathComponent("2025-q1/\(file)").path), "\(file)")
        }
        let issue = sample.built.issue
        #expect(FileManager.default.fileExists(atPath: sample.out.appendingPathComponent("2025-q1/print.pdf").path))
        #expect(FileManager.default.fileExists(atPath: sample.out.appendingPathComponent("web/index.html").path))
        #expect(FileManager.default.fileExists(atPath: sample.out.appendingPathComponent("web/2025-q1/index.html").path))
        #expect(issue.articles.count >= 8)
        for article in issue.articles {
            let page = sample.out.appendingPathComponent("web/2025-q1/\(article.slug)/index.html")
            let html = try String(contentsOf: page, encoding: .utf8)
            #expect(html.contains("<html lang=\"vi\">"))
            #expect(html.contains(HTMLText.escape(article.title)))
        }
        #expect(issue.articles.flatMap(\.figures).count >= 3)
    }

    @Test func pageCountIsAMultipleOfFourWithTrimAndBleed() throws {
        let info = try run("pdfinfo", [sample.built.printPDF.path]).out
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.map { Int($0.split(separator: " ").last!)! }
        #expect(pages == sample.built.pages.count)
        #expect((pages ?? 1) % 4 == 0)
        #expect(info.contains("Page size:       612.283 x 858.898 pts"), "A4 + 3 mm bleed: \(info)")
        #expect(info.contains("Title:           Bản tin Khoa học và Công nghệ — Số 1 · Quý I/2025"))
        #expect(info.contains("CreationDate:    Mon Mar 31 00:00:00 2025"))
    }

    @Test func everyFontIsEmbedded() throws {
        let lines = try run("pdffonts", [sample.built.printPDF.path]).out.split(separator: "\n").dropFirst(2)
        #expect(!lines.isEmpty)
        for line in lines {
            let columns = line.split(separator: " ")
            // name type [type] encoding emb sub uni object ID: emb/sub/uni are the 5th–3rd from the end.
            #expect(columns[columns.count - 5] == "yes", "not embedded: \(line)")
            #expect(columns[columns.count - 3] == "yes", "no ToUnicode: \(line)")
        }
    }

    /// Acceptance 3: every paragraph of every article appears in the PDF's text word for word
    /// and in order; only running heads, folios and list markers may come between. Figures
    /// float to the top or foot of a column, so their captions are checked apart: each one
    /// whole, somewhere in its article's stretch of text.
    @Test func everyParagraphAppearsWordForWordInOrder() throws {
        #expect(sample.built.pages.filter(\.opensArticle).count == sample.built.issue.articles.count)
        let issue = sample.built.issue
        // From the first article's page on: the cover and contents list titles too.
        let firstArticlePage = try #require(sample.built.pages.first { $0.opensArticle }).number
        let pdf = try pdfWords(sample.built.printPDF, first: firstArticlePage)
        var allowed = Set(words(issue.publication.title + " · " + issue.issueLine))
        for article in issue.articles { allowed.formUnion(words(article.title)) }
        for section in issue.sections { allowed.formUnion(words(section.title.uppercased())) }
        func isFurniture(_ word: String) -> Bool {
            allowed.contains(word) || Int(word) != nil || word == "•" || (word.hasSuffix(".") && Int(word.dropLast()) != nil)
        }
        // Start after the contents page: the first article's title.
        var cursor = 0
        var captions = 0, tables = 0, footnotes = 0
        for article in issue.articles {
            let expected = ExpectedText.words(of: article)
            guard let start = find(words(article.title), in: pdf, from: cursor) else {
                Issue.record("title of \(article.path) not found after word \(cursor)")
                return
            }
            cursor = start
            // Captions may float: allow their words between the article's own, and check each apart.
            // So may tables (a wide one floats like a figure): each is checked whole, row by row,
            // cells left to right. Footnotes sit at a column's foot: each is checked whole, after
            // the word that refers to it.
            var captionWords: [String] = []
            for figure in article.figures {
                let caption = words(figure.caption.plainText + " " + (figure.credit ?? ""))
                #expect(find(caption, in: pdf, from: start) != nil, "caption of \(figure.image.issuePath) not found whole")
                captionWords += caption
                captions += 1
            }
            for table in ExpectedText.tables(article.blocks) {
                let cells = words(ExpectedText.rows(table).joined(separator: " "))
                #expect(find(cells, in: pdf, from: start) != nil, "table \(table.caption?.plainText ?? "") not found row by row")
                captionWords += cells
                tables += 1
            }
            for note in article.footnotes {
                let text = words("\(note.number). " + ExpectedText.printed(note.inlines))
                let mark = StyledTextMarks.superscript(note.number)
                let reference = pdf[start...].firstIndex { $0.contains(mark) }
                let found = find(text, in: pdf, from: start)
                #expect(found != nil, "footnote \(note.number) of \(article.path) not found whole")
                if let reference, let found { #expect(found > reference, "footnote \(note.number) comes before its reference") }
                captionWords += text
                footnotes += 1
            }
            let floating = Set(captionWords)
            for word in expected {
                var i = cursor
                while i < pdf.count, pdf[i] != word, joined(word, in: pdf, at: i) == nil {
                    guard isFurniture(pdf[i]) || floating.contains(pdf[i]) else { break }
                    i += 1
                }
                if i < pdf.count, pdf[i] != word, let end = joined(word, in: pdf, at: i) {
                    cursor = end
                    continue
                }
                guard i < pdf.count, pdf[i] == word else {
                    let context = pdf[max(0, cursor - 5)..<min(pdf.count, cursor + 8)].joined(separator: " ")
                    Issue.record("\(article.path): expected “\(word)” near “\(context)”")
                    return
                }
                cursor = i + 1
            }
        }
        #expect(captions >= 3)
        #expect(tables >= 2 && footnotes >= 4)
    }

    /// A long line of code wraps inside a "word": its pieces, joined, give the word back.
    private func joined(_ word: String, in pdf: [String], at start: Int) -> Int? {
        var text = "", i = start
        while i < pdf.count, text.count < word.count, word.hasPrefix(text + pdf[i]) {
            text += pdf[i]
            i += 1
        }
        return text == word && i - start > 1 ? i : nil
    }

    private func find(_ needle: [String], in hay: [String], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count, from <= hay.count - needle.count else { return nil }
        return (from...(hay.count - needle.count)).first { Array(hay[$0..<$0 + needle.count]) == needle }
    }
}

/// The words of an article in reading order: title, subtitle, summary, byline, then the body.
enum ExpectedText {
    static func words(of article: Article) -> [String] {
        let byline = [article.authors.joined(separator: ", "), article.date?.numeric ?? ""].filter { !$0.isEmpty }
        var text = [article.title, article.subtitle ?? "", article.summary ?? "", byline.joined(separator: " · ")]
        for block in article.blocks { append(block, to: &text) }
        return text.flatMap { EndToEndTests.words($0) }
    }

    static func append(_ block: Block, to text: inout [String]) {
        switch block.kind {
        case .paragraph(let inlines), .heading(_, let inlines): text.append(printed(inlines))
        case .list(_, _, let items): for item in items { for b in item { append(b, to: &text) } }
        case .quote(let blocks, _): for b in blocks { append(b, to: &text) }
        case .code(_, let code): text.append(code)
        case .figure, .table: break
        case .rule: break
        }
    }

    /// The text as print sets it: a footnote's reference is its number in superscript.
    static func printed(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .footnote(let n): StyledTextMarks.superscript(n)
            case .emphasis(let c), .strong(let c), .link(_, let c): printed(c)
            default: [inline].plainText
            }
        }.joined()
    }

    static func tables(_ blocks: [Block]) -> [Table] {
        blocks.flatMap { block -> [Table] in
            switch block.kind {
            case .table(let t): [t]
            case .quote(let b, _): tables(b)
            case .list(_, _, let items): items.flatMap(tables)
            default: []
            }
        }
    }

    /// A table's text as it reads: the caption, then row by row, cells left to right.
    static func rows(_ table: Table) -> [String] {
        [printed(table.caption ?? [])] + ([table.header] + table.rows).flatMap { $0.map(printed) }
    }
}

/// Print's superscript digits, written out here rather than taken from the typesetter, so the
/// test says what a reader sees.
enum StyledTextMarks {
    static func superscript(_ n: Int) -> String {
        String(String(n).map { ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"][$0.wholeNumberValue!] })
    }
}

enum HTMLText {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
