import Bantin
import Diagnostics
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// Issue 12, item 11: hostile strings through every text field into every output. The web
/// edition is read as a browser reads it — by an HTML5 parser (Tests/WebCheck/safety.py, on
/// html5lib) — for event handlers, inline scripts, script URLs and embedding elements; every XML
/// file must parse, the JSON load, the XMP parse and the PDF outline keep the text as written.
@Suite struct PayloadMatrixTests {
    static let payloads = ["\"><svg onload=alert(1)>", "JaVaScRiPt:alert(2)", "&#106;avascript:alert(3)", "<javascript:alert(4)>",
                           "\u{0C}", "]]>", "</script>"]
    /// All of them in one text, as a YAML double-quoted scalar writes it.
    static var yaml: String {
        "\"" + payloads.joined(separator: " ").replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\u{0C}", with: "\\f") + "\""
    }
    /// In Markdown text: as written, but the form feed (a control, replaced at ingest anyway).
    static var markdown: String { payloads.joined(separator: " ") }

    static var safety: String { projectRoot.appendingPathComponent("Tests/WebCheck/safety.py").path }

    @Test func theCheckerFindsWhatABrowserWouldRun() throws {
        let folder = try temporaryFolder("unsafe")
        try "<p>x</p><svg onload=alert(1)></svg><a href=\" JaVa&#x09;ScRiPt:alert(1)\">a</a><script>x()</script>"
            .write(to: folder.appendingPathComponent("a.html"), atomically: true, encoding: .utf8)
        try "<feed>]]></feed".write(to: folder.appendingPathComponent("feed.xml"), atomically: true, encoding: .utf8)
        let result = try run("/usr/bin/python3", [Self.safety, folder.path])
        #expect(result.status == 1)
        for finding in ["event handler", "script URL", "inline script", "not well-formed XML"] {
            #expect(result.out.contains(finding), "\(finding): \(result.out) \(result.err)")
        }
    }

    @Test func everyFieldIntoEveryOutput() throws {
        let project = try TestProject()
        let p = Self.yaml, m = Self.markdown
        try project.write("issues/publication.yaml", "title: \(p)\npublisher: \(p)\n")
        try project.write("issues/x/images/anh.png", PNGMaker.solid(width: 1600, height: 1000))
        try project.write("issues/x/issue.yaml", """
            number: 1
            year: 2025
            quarter: 1
            date: 2025-03-31
            cover:
              image: images/anh.png
              headline: \(p)
            sections:
              - title: \(p)
                articles: [articles/a.md]

            """)
        try project.write("issues/x/articles/a.md", """
            ---
            title: \(p)
            subtitle: \(p)
            authors: [\(p), Nguyễn Văn A]
            tags: [\(p), số hoá]
            summary: \(p)
            ---

            Đoạn văn: \(m)

            ![\(m)](../images/anh.png '\(m)')

            [\(m)](JaVaScRiPt:alert(5)) [hai](&#106;avascript:alert(6)) <javascript:alert(7)> [ba](https://example.org/"><svg onload=alert(8)>)

            """)
        let (pdf, diagnostics) = project.build()
        let print = try #require(pdf, "\(diagnostics)")

        // The web edition, as a browser parses it; every XML and JSON file.
        let web = project.url("out/web")
        let checked = try run("/usr/bin/python3", [Self.safety, web.path])
        #expect(checked.status == 0, "\(checked.out)\(checked.err)")
        let pages = try FileManager.default.subpathsOfDirectory(atPath: web.path)
        #expect(pages.contains { $0.hasSuffix("feed.xml") } && pages.contains { $0.hasSuffix("sitemap.xml") } && pages.contains { $0.hasSuffix("search/docs.json") })
        // The text is kept, escaped: the title reads back from the article page as written.
        let article = try #require(pages.first { $0.hasPrefix("x/") && $0.hasSuffix("/index.html") && $0 != "x/index.html" })
        let html = try String(contentsOf: web.appendingPathComponent(article), encoding: .utf8)
        #expect(html.contains("&quot;&gt;&lt;svg onload=alert(1)&gt;") || html.contains("\"&gt;&lt;svg onload=alert(1)&gt;"), "\(html.prefix(400))")

        // The PDFs: qpdf reads them whole, the XMP parses, the outline keeps the title as text.
        for file in [print, project.url("out/x/screen.pdf")] {
            let json = try run("qpdf", ["--json=2", "--json-stream-data=none", file.path])
            #expect(json.status == 0)
            _ = try JSONSerialization.jsonObject(with: Data(json.out.utf8))
        }
        let xmp = try XMLDocument(data: try #require(try xmpPacket(of: print, scratch: project.root)))
        #expect(xmp.rootElement()?.stringValue?.contains("\"><svg onload=alert(1)>") == true)
        let outline = try run("qpdf", ["--json=2", "--json-key=outlines", project.url("out/x/screen.pdf").path]).out
        #expect(outline.contains("\\\"><svg onload=alert(1)> JaVaScRiPt:alert(2)"), "\(outline.prefix(600))")
    }
}
