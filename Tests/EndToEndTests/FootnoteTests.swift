import Bantin
import Diagnostics
import Foundation
import Layout
import Model
import Pages
import Testing
import TestSupport
import Typesetting

/// Issue 15, acceptance 2: footnotes at the foot of the column that refers to them, on the
/// same page; drop caps whose diacritics do not touch the line above; styles a layout defines.
@Suite struct FootnoteTests {
    typealias Run = TableTests.Run

    static let paragraph = "Hội nghị đã thảo luận kỹ lưỡng về phương hướng hoạt động, về việc củng cố tổ chức và phát triển hội viên, "
        + "về tư vấn, phản biện và giám định xã hội, cũng như về phổ biến kiến thức khoa học cho nông dân ở các huyện miền núi."

    /// Twelve notes referred to across three pages: each note's text is on its reference's
    /// page, in the same column, below it, at the column's foot.
    @Test func eachNoteSitsAtTheFootOfItsReferencesColumn() throws {
        var body = ""
        for n in 1...12 {
            body += Array(repeating: Self.paragraph, count: 3).joined(separator: " ") + " Ý kiến thứ \(n)[^n\(n)] được ghi nhận.\n\n"
        }
        for n in 1...12 { body += "[^n\(n)]: Ghi chú số \(n) của bài, giải thích thêm cho ý kiến thứ \(n).\n\n" }
        let (pages, diagnostics) = try TableTests.build(body)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let runs = TableTests.runs(pages)
        #expect(Set(runs.map(\.page)).count >= 3)
        for n in 1...12 {
            let mark = StyledTextMarks.superscript(n)
            let reference = try #require(runs.first { $0.text == mark }, "reference \(n)")
            let note = try #require(runs.first { $0.text.hasPrefix("\(n). Ghi chú số \(n) ") }, "note \(n)")
            #expect(note.page == reference.page, "note \(n) on page \(note.page), its reference on \(reference.page)")
            #expect(note.y > reference.y)
            let mid = (pages.first { $0.number == note.page }?.page.mediaSize.width.value ?? 600) / 2
            #expect((note.left < mid) == (reference.left < mid), "note \(n) in its reference's column")
            // At the foot: no text of the body below it in its column.
            let below = runs.filter { $0.page == note.page && ($0.left < mid) == (note.left < mid) && $0.y > note.y + 1 }
            #expect(below.allSatisfy { $0.text.contains("Ghi chú") || $0.text.hasPrefix("giải thích") || $0.size < 9 || Int($0.text) != nil },
                    "body text below note \(n): \(below.map(\.text))")
        }
    }

    /// `text: { footnotes: end }` sets them after the article's last paragraph instead.
    @Test func endnotesFollowTheArticle() throws {
        let body = "Đoạn một[^a].\n\nĐoạn hai[^b].\n\n[^a]: Ghi chú thứ nhất.\n\n[^b]: Ghi chú thứ hai.\n"
        let (pages, diagnostics) = try TableTests.build(body, layout: ("text:\n", "text:\n  footnotes: end\n"))
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let runs = TableTests.runs(pages)
        let second = try #require(runs.first { $0.text.hasPrefix("Đoạn hai") })
        let notes = runs.filter { $0.text.hasPrefix("1. Ghi chú") || $0.text.hasPrefix("2. Ghi chú") }
        #expect(notes.count == 2)
        // After it in reading order: a later page, a later column, or below it.
        let mid = (pages.first?.page.mediaSize.width.value ?? 600) / 2
        func order(_ r: Run) -> (Int, Int, Double) { (r.page, r.left < mid ? 0 : 1, r.y) }
        #expect(notes.allSatisfy { order($0) > order(second) }, "\(notes.map(order)) \(order(second))")
    }

    /// A note referred to only from a table cell has no line to carry it to a column's foot: it
    /// follows the article, and no marker is left behind as a link.
    @Test func aNoteFromATableFollowsTheArticle() throws {
        let body = "Mở đầu.\n\n| Mục | Số liệu |\n|---|---|\n| Kinh phí[^k] | 12.846.000 |\n\nKết thúc.\n\n[^k]: Đã kiểm toán.\n"
        let (pages, diagnostics) = try TableTests.build(body)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let runs = TableTests.runs(pages)
        let end = try #require(runs.first { $0.text.hasPrefix("Kết thúc") })
        let note = try #require(runs.first { $0.text.hasPrefix("1. Đã kiểm toán") })
        #expect(note.y > end.y || note.page > end.page)
        let links = pages.flatMap(\.items).compactMap { item -> String? in
            if case .text(let run, _) = item { run.link } else { nil }
        }
        #expect(!links.contains { $0.contains("footnote") }, "\(links)")
    }

    /// A drop cap two lines tall: the initial with its diacritics (Ở, Ấ, Đ) keeps its ink clear
    /// of the rule above (the opener's); the lines beside it are indented past it.
    @Test(arguments: ["Ở", "Ấ", "Đ", "Ỗ"])
    func aDropCapsDiacriticsClearTheLineAbove(initial: String) throws {
        let project = try TestProject()
        // The default layout opens articles with a two-line drop cap.
        #expect(try project.read("layouts/a4-two-column.yaml").contains("drop-cap: 2"))
        try project.issue([("a.md", "---\ntitle: Chữ đầu đoạn\nauthors: [Ban Biên tập]\n---\n\n\(initial)" + "ng " + Self.paragraph + "\n")])
        let engine = DiagnosticEngine()
        let built = try #require(Pipeline(options: BuildOptions(root: project.root, outDirectory: project.url("out")), engine: engine)
            .build([project.url("issues/x")]).first, "\(engine.diagnostics)")
        let page = try #require(built.pages.first { $0.opensArticle })
        var cap: (run: GlyphRun, origin: Point)?
        var ruleY = 0.0
        for item in page.items {
            if case .text(let run, let origin) = item, run.size.value > 15, run.text.isEmpty { cap = (run, origin) }
            if case .rule(let from, _, let width, _) = item, from.y.value > ruleY, cap == nil { ruleY = from.y.value + width.value / 2 }
        }
        let (capRun, origin) = try #require(cap, "no drop cap")
        // The initial's ink, measured with the typesetter in its face and size.
        var style = LayoutSpec.defaults.style(.title)
        style.size = capRun.size
        let fonts = FontLibrary(directory: projectRoot.appendingPathComponent("fonts"))
        let ink = try #require(try Typesetter(fonts: fonts, layout: LayoutSpec.defaults).set(initial, style: style, width: 1000).first)
        let inkTop = origin.y.value - ink.inkAscent.value
        #expect(ruleY > 0, "the opener's rule")
        #expect(inkTop > ruleY + 0.5, "\(initial)'s ink top \(inkTop) touches the rule at \(ruleY)")
        // Spanning two lines: its baseline is one leading below the first line's.
        let first = try #require(page.items.compactMap { item -> (GlyphRun, Point)? in
            if case .text(let r, let o) = item, r.text.hasPrefix("\(initial)ng ") { (r, o) } else { nil }
        }.first)
        #expect(abs(origin.y.value - first.1.y.value - 13.2) < 0.01)
        #expect(first.1.x.value > origin.x.value + capRun.width.value, "the first line starts right of the initial")
        let text = try run("pdftotext", ["-enc", "UTF-8", "-raw", built.printPDF.path, "-"]).out
        // The initial reads back as part of its word, with or without -raw.
        #expect(words(text).joined(separator: " ").contains("\(initial)ng Hội nghị"), "\(text.prefix(300))")
        // Only the initial and the first letter need /ActualText: the first letter's glyph, which
        // reads as two letters there, still maps to one in the ToUnicode map everywhere else.
        let expanded = project.url("expanded.pdf")
        _ = try run("qpdf", ["--qdf", "--object-streams=disable", built.printPDF.path, expanded.path])
        let spans = String(decoding: try Data(contentsOf: expanded), as: UTF8.self).components(separatedBy: "/ActualText").count - 1
        #expect(spans == 2, "\(spans) ActualText spans")
        let layoutText = try run("pdftotext", ["-enc", "UTF-8", built.printPDF.path, "-"]).out
        #expect(words(layoutText).joined(separator: " ").contains("\(initial)ng Hội nghị"), "\(layoutText.prefix(300))")
    }

    /// A block quote asking for a style the layout lacks is an error listing what it has; one
    /// the layout defines is set in it, between its rules.
    @Test func customStylesAreAppliedOrReported() throws {
        let (_, bad) = try TableTests.build("Mở đầu.\n\n> [!khung]\n> Một đoạn trong khung.\n")
        let error = try #require(bad.first { $0.id == "unknown-style" }, "\(bad)")
        #expect(error.range?.start.line == 7 && error.range?.start.column == 1)
        #expect(error.hint?.contains("pullquote, quote") == true, "\(error.hint ?? "")")

        let (pages, diagnostics) = try TableTests.build("Mở đầu.\n\n> [!khung]\n> Một đoạn trong khung.\n",
                                                        layout: ("styles:\n", "styles:\n  khung: { based-on: quote, size: 12pt, rules: above }\n"))
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let runs = TableTests.runs(pages)
        let boxed = try #require(runs.first { $0.text.hasPrefix("Một đoạn") })
        #expect(boxed.size == 12)
        let rules = pages.flatMap(\.items).compactMap { item -> Double? in
            if case .rule(let from, _, let w, _) = item, w.value == 0.75 { from.y.value } else { nil }
        }
        #expect(rules.contains { $0 < boxed.y && $0 > boxed.y - 20 }, "a rule above the boxed quote")
    }
}
