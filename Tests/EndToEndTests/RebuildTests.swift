import Foundation
import Testing
import TestSupport

/// A rebuild rewrites only the web pages whose bytes change: the others keep their dates.
@Suite struct RebuildTests {
    @Test func unchangedWebPagesAreNotRewritten() throws {
        let project = try TestProject()
        // Each page shows the other as related, with the first 300 or so characters of its text:
        // the edit is in B's second paragraph, beyond them.
        let opening = String(repeating: "Nội dung mở đầu của bài B, đủ dài để vượt qua đoạn trích. ", count: 8)
        try project.issue([("a.md", "---\ntitle: Bài A\nsummary: Tóm tắt A.\n---\n\nNội dung bài A.\n"),
                           ("b.md", "---\ntitle: Bài B\nsummary: Tóm tắt B.\n---\n\n\(opening)\n\nĐoạn hai.\n")])
        #expect(project.build().pdf != nil)
        let web = project.url("out/web/x")
        let long = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01: any later date is a rewrite
        let pages = try FileManager.default.contentsOfDirectory(atPath: web.path).filter { $0.hasPrefix("bai-") }.sorted()
        #expect(pages == ["bai-a", "bai-b"])
        for page in pages {
            try FileManager.default.setAttributes([.modificationDate: long], ofItemAtPath: web.appendingPathComponent("\(page)/index.html").path)
        }
        try project.write("issues/x/articles/b.md", "---\ntitle: Bài B\nsummary: Tóm tắt B.\n---\n\n\(opening)\n\nĐoạn hai, đã sửa.\n")
        #expect(project.build().pdf != nil)
        func date(_ page: String) throws -> Date? {
            try FileManager.default.attributesOfItem(atPath: web.appendingPathComponent("\(page)/index.html").path)[.modificationDate] as? Date
        }
        #expect(try date("bai-a") == long, "the unchanged article's page was rewritten")
        #expect(try date("bai-b").map { $0 > long } == true, "the edited article's page was not rewritten")
        #expect(try String(contentsOf: web.appendingPathComponent("bai-b/index.html"), encoding: .utf8).contains("đã sửa"))
    }
}
