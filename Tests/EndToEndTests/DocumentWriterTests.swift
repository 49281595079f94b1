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
}
