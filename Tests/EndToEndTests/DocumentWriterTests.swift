import Foundation
import Model
import Pages
@testable import PDF
import Testing
import TestSupport

/// The writer's text layer without the typesetter: hand-made glyph runs whose clusters are
/// not one glyph ↔ one text, read back with poppler.
@Suite struct DocumentWriterTests {
    let face = FontFace(name: "NotoSerif-Regular.ttf", path: projectRoot.appendingPathComponent("fonts/NotoSerif-Regular.ttf").path)

    /// A run of `glyphs` (id, cluster byte offset), each placed at the end of the one before, as
    /// a shaper would (so poppler sees no gap, no space, inside the run).
    func glyphRun(_ text: String, _ glyphs: [(UInt32, Int)]) throws -> GlyphRun {
        let advances = try FontFile(path: face.path).advances()
        var x = 0.0, placed: [PlacedGlyph] = []
        for (id, cluster) in glyphs {
            placed.append(PlacedGlyph(id: id, x: Pt(x), y: 0, cluster: cluster))
            x += advances[Int(id)] * 12 / 1000
        }
        return GlyphRun(face: face, size: 12, color: .black, x: 0, glyphs: placed, text: text, link: nil, width: Pt(x))
    }

    func page(_ runs: [GlyphRun]) -> Page {
        let items = runs.enumerated().map { PageItem.text($1, origin: Point(x: 50, y: Pt(100 + Double($0) * 30))) }
        return Page(number: 1, kind: .article, mediaSize: Size(width: 300, height: 400),
                    trimBox: Rect(x: 10, y: 10, width: 280, height: 380), bleed: 10, items: items)
    }

    /// One glyph drawn for two texts, two glyphs for one letter, a glyph for two letters: every
    /// text comes back as it was, and the font is one embedded subset with a Unicode map.
    @Test func clustersThatAreNotOneToOneExtractExactly() throws {
        let runs = [
            try glyphRun("Ab", [(36, 0), (69, 1)]),
            try glyphRun("Xb", [(36, 0), (69, 1)]),       // glyph 36 already stands for "A"
            try glyphRun("ệt", [(72, 0), (900, 0), (87, 3)]),  // e + two marks' worth of bytes as two glyphs
            try glyphRun("fiz", [(500, 0), (93, 2)]),     // one glyph for "fi"
        ]
        let folder = try temporaryFolder("writer")
        let url = folder.appendingPathComponent("t.pdf")
        let metadata = PDFMetadata(title: "Thử", author: "A", subject: "S", date: ISODate(year: 2025, month: 3, day: 31)!)
        try DocumentWriter(try PreparedPages([page(runs)])).write(metadata: metadata, kind: .screen(PDFOutline(entries: [])), to: url)
        let text = try run("pdftotext", ["-enc", "UTF-8", "-raw", url.path, "-"]).out
        #expect(words(text) == ["Ab", "Xb", "ệt", "fiz"], "\(text)")
        let fonts = try run("pdffonts", [url.path]).out.split(separator: "\n").dropFirst(2)
        #expect(fonts.count == 1)
        #expect(fonts.first?.contains("+NotoSerif-Regular") == true && fonts.first?.contains("yes yes yes") == true, "\(fonts)")
        #expect(try run("qpdf", ["--check", url.path]).status == 0)
    }

    /// The operators of a page, as text: an exact grey as DeviceGray, a colour as RGB, y flipped
    /// from the media's top, an image clipped, a run's glyphs as one hex string where they sit
    /// where the advances put them.
    @Test func contentStreamOperators() throws {
        let image = ImageRef(file: projectRoot.appendingPathComponent("issues/2025-q1/images/cover.jpg").path,
                             issuePath: "images/cover.jpg", format: .jpeg, pixelWidth: 2551, pixelHeight: 3579)
        let text = try glyphRun("Ab", [(36, 0), (69, 1)])
        let page = Page(number: 1, kind: .article, mediaSize: Size(width: 300, height: 400),
                        trimBox: Rect(x: 10, y: 10, width: 280, height: 380), bleed: 10, items: [
                            .fill(Rect(x: 10, y: 20, width: 100, height: 50), Color(red: 0.5, green: 0.5, blue: 0.5)),
                            .rule(from: Point(x: 10, y: 100), to: Point(x: 110, y: 100), width: 0.5, color: Color(red: 1, green: 0, blue: 0)),
                            .image(image, frame: Rect(x: 20, y: 200, width: 100, height: 50), clip: Rect(x: 30, y: 200, width: 80, height: 50)),
                            .text(text, origin: Point(x: 50, y: 300)),
                        ])
        let prepared = try PreparedPages([page])
        let operators = try PageContent.Builder.operators(page, resources: prepared.resources)
        #expect(operators == """
            0.5 g 10 330 100 50 re f
            1 0 0 RG 0.5 w 10 300 m 110 300 l S
            q 30 150 80 50 re W n 100 0 0 50 20 150 cm /Im0 Do Q
            0 g BT /F0 12 Tf
            1 0 0 1 50 100 Tm [(\u{0}$\u{0}E)] TJ
            ET

            """, "\(operators)")
    }

    /// screen.pdf: trim-size pages, an anchor as a named destination where it is on the trimmed
    /// page (media coordinates moved by −bleed), a `#name` link going to it, a URI link as a URI.
    /// A glyph id's bytes that a reader would take for string syntax or an end of line are escaped.
    @Test func glyphCodesEscapeStringSyntax() {
        var out = PDFBytes()
        out.glyphCode(0x285C)
        out.glyphCode(0x0D0A)
        out.glyphCode(0x2941)
        #expect(out.bytes == Array(#"\(\\\r\n\)A"#.utf8))
    }

    @Test func screenDestinationsAndLinksSitOnTheTrimmedPage() throws {
        var toAnchor = try glyphRun("Ab", [(36, 0), (69, 1)]), toWeb = toAnchor
        toAnchor.link = "#mo-dau"
        toWeb.link = "https://example.org/"
        var page = page([toAnchor, toWeb])
        page.anchors = [Anchor(name: "mo-dau", at: Point(x: 60, y: 80))]
        let url = try temporaryFolder("writer").appendingPathComponent("s.pdf")
        let metadata = PDFMetadata(title: "Thử", author: "A", subject: "S", date: ISODate(year: 2025, month: 3, day: 31)!)
        try DocumentWriter(try PreparedPages([page])).write(metadata: metadata, kind: .screen(PDFOutline(entries: [])), to: url)
        #expect(try run("pdfinfo", [url.path]).out.contains("Page size:       280 x 380 pts"))
        let dests = try run("pdfinfo", ["-dests", url.path]).out
        #expect(dests.contains("[ XYZ   50  310 null      ] \"mo-dau\""), "\(dests)")
        let json = try run("qpdf", ["--json=2", "--json-key=qpdf", url.path]).out
        #expect(json.contains("\"/Dest\": \"u:mo-dau\"") && json.contains("\"/URI\": \"u:https://example.org/\""), "\(json.prefix(400))")
    }
}
