import Bantin
import Diagnostics
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// Issue 12, item 6: control characters pasted into text never reach an XML, JSON or PDF file.
@Suite struct ControlCharacterTests {
    @Test func controlsAreReplacedWithALocatedWarningAndEveryFileParses() throws {
        let project = try TestProject()
        // A YAML escape in the publication's title (it reaches the PDF's Info and XMP).
        try project.write("issues/publication.yaml", "title: \"Bản tin\\fthử\"\npublisher: Liên hiệp Hội thử\n")
        try project.issue([("a.md", """
            ---
            title: Hội thảo\u{0C}chuyển đổi số
            summary: "Tóm tắt\\vcó ký tự lạ"
            tags: [số hoá]
            ---

            Đoạn văn có dấu ngắt trang &#12; giữa câu và ký tự\u{85}NEL.
            """)])
        let (pdf, diagnostics) = project.build()
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let warnings = diagnostics.filter { $0.id == "control-character" }
        let located = Set(warnings.compactMap { $0.range.map {
            "\($0.path.replacingOccurrences(of: project.root.path + "/", with: "")):\($0.start.line):\($0.start.column)"
        } })
        // The form feed typed in the title, the NEL in the body, and the two YAML escapes (at their values).
        #expect(located.isSuperset(of: ["issues/x/articles/a.md:2:16", "issues/x/articles/a.md:7:51",
                                         "issues/x/articles/a.md:3:10", "issues/publication.yaml:1:8"]), "\(located.sorted())")
        let print = try #require(pdf)

        // Every site file: no control character, XML that parses, JSON that parses.
        let web = project.url("out/web")
        for path in try FileManager.default.subpathsOfDirectory(atPath: web.path)
        where [".html", ".xml", ".json"].contains(where: path.hasSuffix) {
            let data = try Data(contentsOf: web.appendingPathComponent(path))
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r") || (0x80...0x9F).contains($0.value) },
                    "\(path)")
            if path.hasSuffix(".xml") { _ = try XMLDocument(data: data) }
            if path.hasSuffix(".json") { _ = try JSONSerialization.jsonObject(with: data) }
        }
        // The XMP packet of print.pdf parses, and the title came through with a space.
        let xmp = try XMLDocument(data: try #require(try xmpPacket(of: print, scratch: project.root)))
        #expect(xmp.rootElement()?.stringValue?.contains("Bản tin thử") == true)
        #expect(try pdfWords(print).joined(separator: " ").contains("Hội thảo chuyển đổi số"))
    }
}
