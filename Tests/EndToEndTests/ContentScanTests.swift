@testable import PDF
import Testing

/// The preflight's reading of content streams (`ContentScan`) on the awkward syntax a file from
/// elsewhere may hold: strings with brackets and escapes inside `TJ` arrays, hex strings,
/// comments, inline images, signed and bare-fraction numbers, forms and their matrices.
@Suite struct ContentScanTests {
    func scan(_ text: String, _ resolver: ContentScan.Resolver = .init()) -> ContentScan {
        var scan = ContentScan()
        scan.scan(Array(text.utf8), resolver: resolver)
        return scan
    }

    func count(_ scan: ContentScan, _ kind: ContentScan.Mark.Kind, _ space: ContentScan.Colour.Space) -> Int {
        scan.marks.filter { $0.key.kind == kind && $0.key.colour.space == space }.map(\.value).reduce(0, +)
    }

    @Test func textShowsAreFoundThroughAwkwardStrings() {
        let s = scan("""
        % a comment with ] and ) in it
        0 0 0 rg BT /F1 9 Tf [(a\\) ] [) -20 <5B5D> 10 (b(c)d)] TJ (x) Tj ET
        0 0 0 1 k BT [(\\() 3] TJ ET
        BI /W 2 /H 1 /CS /G /BPC 8 ID \u{01}EIx EI
        .5 g BT (y) ' ET
        """)
        #expect(count(s, .text, .rgb) == 2, "\(s.marks)")
        #expect(count(s, .text, .cmyk) == 1)
        #expect(s.marks.contains { $0.key.kind == .text && $0.key.colour == .init(space: .gray, components: [0.5]) })
    }

    @Test func overprintImagesAndFillsArePlacedThroughStateAndForms() {
        var resolver = ContentScan.Resolver()
        resolver.overprints["/GSop"] = .init(stroke: true, fill: true)
        resolver.images["/Im0"] = 7
        resolver.colourSpaces["/Reg"] = "/Separation /All"
        var inner = ContentScan.Resolver()
        inner.images["/Im0"] = 9
        resolver.forms["/P1"] = .init(content: Array("q 10 0 0 10 0 0 cm /Im0 Do Q".utf8), resolver: inner, matrix: [1, 0, 0, 1, 100, 0])
        let s = scan("""
        q 0 0 50 50 re W n 100 0 0 -100 +10 -.5e0 cm Q
        q 0 0 50 50 re W n 100 0 0 100 10 -5 cm /Im0 Do Q
        /GSop gs 0 0 0 1 k BT (a) Tj ET
        q 2 0 0 2 0 0 cm /P1 Do Q
        1 0 0 0 k 5 5 10 10 re f
        /Reg CS 1 SCN 0 0 m 0 -20 l S
        """, resolver)
        #expect(s.images.count == 2)
        #expect(s.images.first?.id == 7 && s.images.first?.rect == [10, 0, 50, 50], "clipped to the `re W n`: \(s.images)")
        #expect(s.images.last?.id == 9 && s.images.last?.rect == [200, 0, 220, 20], "form matrix then the page's cm: \(s.images)")
        #expect(s.marks.contains { $0.key.kind == .text && $0.key.overprint && $0.key.colour.isPureBlack })
        #expect(s.fills == [[5, 5, 15, 15]])
        #expect(s.strokes.count == 1 && s.strokes[0].colour.space == .named("/Separation /All") && s.strokes[0].rect == [0, -20, 0, 0])
    }

    /// A clip built from lines (as InDesign writes it) clips; text in a named ICC-based RGB space
    /// is RGB text; an image clipped away entirely is not placed.
    @Test func pathClipsAndNamedSpacesAreUnderstood() {
        var resolver = ContentScan.Resolver()
        resolver.colourSpaces["/CS0"] = "/DeviceRGB"
        resolver.images["/Im0"] = 3
        let s = scan("""
        q 0 0 m 50 0 l 50 50 l 0 50 l h W n 100 0 0 100 0 0 cm /Im0 Do Q
        q 0 0 10 10 re W n 100 0 0 100 20 20 cm /Im0 Do Q
        /CS0 cs 0 0 0 sc BT (a) Tj ET
        """, resolver)
        #expect(s.images.count == 1 && s.images[0].rect == [0, 0, 50, 50], "\(s.images)")
        #expect(count(s, .text, .rgb) == 1, "\(s.marks)")
    }
}
