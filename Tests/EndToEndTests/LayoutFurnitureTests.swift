import Diagnostics
import Model
import Foundation
import Testing
import TestSupport

/// The words of the pages around the articles come from the layout: a designer changes them
/// in the layout file and the PDF says the new words.
@Suite struct LayoutFurnitureTests {
    static let base = (try? String(contentsOf: projectRoot.appendingPathComponent("layouts/a4-two-column.yaml"), encoding: .utf8)) ?? ""

    /// The sample's two-column layout with `edits` (line → line) applied, each of which must apply.
    func layout(_ edits: [(String, String)]) throws -> String {
        var text = Self.base
        for (old, new) in edits {
            try #require(text.contains(old), "the layout has no line '\(old)'")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    /// Builds a one-article issue (contents, article, one padding page, colophon) and returns its text, page by page.
    func build(_ layout: String) throws -> [[String]] {
        let project = try TestProject()
        try project.write("layouts/a4-two-column.yaml", layout)
        try project.issue([("a.md", "---\ntitle: Hội nghị tổng kết\nauthors: [Nguyễn Văn An]\n---\n\nNội dung bài viết.\n")])
        let (pdf, diagnostics) = project.build()
        let file = try #require(pdf, "\(diagnostics)")
        return try (1...4).map { try pdfWords(file, first: $0, last: $0) }
    }

    @Test func contentsTitleComesFromTheLayout() throws {
        let pages = try build(try layout([("contents: { title: \"Mục lục\", authors: true }", "contents: { title: \"Trong số này\", authors: true }")]))
        #expect(Array(pages[0].prefix(3)) == ["Trong", "số", "này"], "\(pages[0])")
        #expect(!pages.joined().contains("lục"))
    }

    @Test func paddingAndColophonWordsComeFromTheLayout() throws {
        let pages = try build(try layout([
            ("padding: advert", "padding: blank\npadding-pages: { blank: { text: \"Mời bạn đọc ghi chép\" } }"),
            ("colophon: true", "colophon: { publisher: \"Đơn vị chủ quản\", date: \"Ra mắt {date}.\" }"),
        ]))
        #expect(pages[2] == ["Mời", "bạn", "đọc", "ghi", "chép", "3"], "\(pages[2])")  // and its folio
        let colophon = pages[3].joined(separator: " ")
        #expect(colophon.contains("Đơn vị chủ quản") && !colophon.contains("Cơ quan"), "\(colophon)")
        #expect(colophon.contains("Ra mắt ngày 31 tháng 3 năm 2025."), "\(colophon)")
    }

    @Test func todaysWordsWithoutAChange() throws {
        let pages = try build(try layout([("padding: advert", "padding: blank")]))
        #expect(Array(pages[0].prefix(2)) == ["Mục", "lục"])
        #expect(pages[2] == ["Trang", "này", "cố", "ý", "để", "trống", "3"])
        #expect(pages[3].joined(separator: " ").contains("Cơ quan chủ quản"))
    }
}
