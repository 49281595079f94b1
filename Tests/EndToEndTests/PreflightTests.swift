import Diagnostics
import Layout
import Pages
import Typesetting
import Bantin
import Foundation
import Model
import Testing
import TestSupport

/// Acceptance 5: what the preflight must flag.
@Suite struct PreflightTests {
    func report(_ project: TestProject) throws -> [String: Any] {
        let data = try Data(contentsOf: project.root.appendingPathComponent("out/x/preflight.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func findings(_ report: [String: Any]) -> [(severity: String, check: String, message: String)] {
        let list = ((report["report"] as? [String: Any])?["findings"] as? [[String: Any]]) ?? []
        return list.map { ($0["severity"] as? String ?? "", $0["check"] as? String ?? "", $0["message"] as? String ?? "") }
    }

    @Test func lowResolutionImageIsAnError() throws {
        let project = try TestProject()
        // 238 px across a 238 pt (3.3 in) column: 72 ppi.
        try project.write("issues/x/images/thap.png", PNGMaker.solid(width: 238, height: 160))
        try project.issue([("a.md", "---\ntitle: Ảnh độ phân giải thấp\n---\n\nMở đầu.\n\n![Ảnh mờ](../images/thap.png)\n")])
        let (pdf, diagnostics) = project.build()
        #expect(pdf != nil)
        let found = findings(try report(project))
        let image = try #require(found.first { $0.check == "image-resolution" })
        #expect(image.severity == "error")
        #expect(image.message.contains("images/thap.png at 72 ppi"), "\(image.message)")
        #expect(diagnostics.contains { $0.id == "preflight-image-resolution" && $0.severity == .error })
        #expect(try report(project)["verdict"] as? String == "fail")
        let html = try String(contentsOf: project.root.appendingPathComponent("out/x/preflight.html"), encoding: .utf8)
        #expect(html.contains("images/thap.png") && html.contains("fail"))
    }

    @Test func textInTheTrimMarginIsFlagged() throws {
        // Margins of 3 mm put the text within 5 mm of the trim.
        let project = try TestProject()
        try project.editLayout(replacing: "margins: { top: 20mm, bottom: 22mm, inside: 20mm, outside: 16mm }",
                               with: "margins: { top: 20mm, bottom: 22mm, inside: 3mm, outside: 3mm }")
        try project.issue([("a.md", "---\ntitle: Lề hẹp\n---\n\nChữ sát mép xén sẽ bị cắt mất khi xén giấy.\n")])
        let (pdf, _) = project.build()
        #expect(pdf != nil)
        let safe = findings(try report(project)).filter { $0.check == "safe-zone" }
        #expect(!safe.isEmpty)
        #expect(safe.contains { $0.message.contains("within 5 mm of the trim") })
    }

    @Test func oddPageCountWithoutPaddingIsAnError() throws {
        let project = try TestProject()
        try project.editLayout(replacing: "padding: advert ", with: "padding: none ")
        try project.editLayout(replacing: "colophon: true ", with: "colophon: false ")
        try project.issue([("a.md", "---\ntitle: Một\n---\n\nMột trang.\n"), ("b.md", "---\ntitle: Hai\n---\n\nHai trang.\n")])
        let (pdf, diagnostics) = project.build()
        let file = try #require(pdf)
        #expect(try run("pdfinfo", [file.path]).out.contains("Pages:           3"))
        let count = try #require(findings(try report(project)).first { $0.check == "page-count" })
        #expect(count.severity == "error" && count.message.contains("3 pages"))
        #expect(diagnostics.contains { $0.id == "preflight-page-count" && $0.severity == .error })
    }
}
