import Bantin
import Diagnostics
import Foundation
import PDF
import Testing
import TestSupport

/// The plates a printing shop's RIP makes, as Ghostscript's `tiffsep` device makes them
/// (issue 14, item 4): crop marks are in registration colour, on all four plates.
@Suite struct SeparationTests {
    /// One plate of `tiffsep` (uncompressed, 8 bits): its pixels, row by row.
    struct Plate {
        var width = 0, height = 0
        var pixels: [UInt8] = []

        init(_ url: URL) throws {
            let data = [UInt8](try Data(contentsOf: url))
            func u16(_ at: Int) -> Int { Int(data[at]) | Int(data[at + 1]) << 8 }
            func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
            try #require(data.count > 8 && data[0] == 0x49 && data[1] == 0x49, "not a little-endian TIFF")
            let ifd = u32(4)
            var offsets: [Int] = [], counts: [Int] = []
            for i in 0..<u16(ifd) {
                let entry = ifd + 2 + i * 12
                let tag = u16(entry), type = u16(entry + 2), count = u32(entry + 4)
                func values() -> [Int] {
                    let size = type == 3 ? 2 : 4
                    let at = count * size <= 4 ? entry + 8 : u32(entry + 8)
                    return (0..<count).map { size == 2 ? u16(at + $0 * 2) : u32(at + $0 * 4) }
                }
                switch tag {
                case 256: width = values()[0]
                case 257: height = values()[0]
                case 258: try #require(values().allSatisfy { $0 == 8 }, "not 8 bits a sample")
                case 259: try #require(values()[0] == 1, "compressed")
                case 273: offsets = values()
                case 279: counts = values()
                default: break
                }
            }
            for (offset, count) in zip(offsets, counts) { pixels += data[offset..<(offset + count)] }
            try #require(pixels.count >= width * height, "short image data")
        }

        subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }
    }

    /// Acceptance 2 of issue 14: the cover's artwork reaches every edge of the media (3 mm past
    /// the trim) on all four sides, on a 600 dpi render of the MediaBox: no white line at an edge.
    @Test func theCoversArtworkFillsTheBleedOnEverySide() throws {
        let folder = try temporaryFolder("cover-600")
        let base = folder.appendingPathComponent("cover")
        _ = try run("pdftoppm", ["-r", "600", "-gray", "-f", "1", "-l", "1", "-singlefile", sample.built.printPDF.path, base.path])
        let data = [UInt8](try Data(contentsOf: folder.appendingPathComponent("cover.pgm")))
        // "P5\n<width> <height>\n255\n" and the pixels.
        var fields: [Int] = [], at = 2
        while fields.count < 3 {
            while data[at] == 0x20 || data[at] == 0x0A { at += 1 }
            var n = 0
            while data[at] >= 0x30 && data[at] <= 0x39 { n = n * 10 + Int(data[at] - 0x30); at += 1 }
            fields.append(n)
        }
        let width = fields[0], height = fields[1], pixels = Array(data[(at + 1)...])
        #expect(pixels.count == width * height && width > 5000)
        func px(_ x: Int, _ y: Int) -> UInt8 { pixels[y * width + x] }
        // The outermost pixels are only partly on the page (its size is not a whole number of
        // pixels) and blend with the paper: the second line in from each edge is the artwork's.
        let edges: [(String, [(Int, Int)])] = [
            ("top", (1..<(width - 1)).map { ($0, 1) }), ("bottom", (1..<(width - 1)).map { ($0, height - 2) }),
            ("left", (1..<(height - 1)).map { (1, $0) }), ("right", (1..<(height - 1)).map { (width - 2, $0) }),
        ]
        for (side, line) in edges {
            let paper = line.filter { px($0.0, $0.1) >= 250 }.count
            #expect(paper == 0, "\(side): \(paper) of \(line.count) pixels are bare paper")
        }
    }

    /// Issue 14, acceptance 1, on the sample as built (CMYK by default, 300 %): on the plates of
    /// every page no point carries more than the ink limit, and a page without images has no
    /// ink but black: its body text, headings and rules are on the black plate only.
    @Test func theSamplesPrintPDFKeepsTheInkLimitAndTextOnBlack() throws {
        let folder = try temporaryFolder("sample-plates")
        try Self.expectPlates(of: sample.built, limit: 765, in: folder)
    }

    /// The same at 260 %, the limit for uncoated paper: below the 289 % Ghostscript's own
    /// conversion of the RGB print.pdf reaches on page 3, so only Bantin's conversion keeps it.
    @Test func aLowerInkLimitIsKept() throws {
        let (project, built) = try TestProject.builtSample(replacing: "  marks: none ", with: "  ink-limit: 260%\n  marks: none ")
        try Self.expectPlates(of: built, limit: 663, in: project.root)
    }

    /// Separates every page of `built`'s print.pdf with tiffsep at 30 dpi and checks each point's
    /// total ink against `limit` (0–255 a plate) and that pages without images are black only.
    static func expectPlates(of built: BuiltIssue, limit: Int, in folder: URL) throws {
        _ = try run("gs", ["-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=tiffsep", "-sCompression=none", "-r30",
                           "-o", folder.appendingPathComponent("sep%02d.tif").path, built.printPDF.path])
        var checked = 0
        for laid in built.pages {
            let plates = try ["Cyan", "Magenta", "Yellow", "Black"].map {
                try Plate(folder.appendingPathComponent(String(format: "sep%02d(%@).tif", laid.number, $0)))
            }
            // tiffsep writes each plate as the paper it leaves: 255 is no ink.
            let ink = plates.map { plate in plate.pixels.prefix(plate.width * plate.height).map { 255 - Int($0) } }
            var most = 0, colour = 0, black = 0
            for i in ink[0].indices {
                most = max(most, ink[0][i] + ink[1][i] + ink[2][i] + ink[3][i])
                if ink[0][i] + ink[1][i] + ink[2][i] > 0 { colour += 1 }
                if ink[3][i] > 0 { black += 1 }
            }
            #expect(most <= limit + 2, "page \(laid.number): \(most * 100 / 255) % of ink at one point")
            let hasImage = laid.page.items.contains { if case .image = $0 { true } else { false } }
            if !hasImage {
                #expect(colour == 0, "page \(laid.number) has no image but \(colour) points of colour ink")
                checked += black > 0 ? 1 : 0
            }
        }
        #expect(checked >= 10, "pages of text only, with text on the black plate: \(checked)")
    }

    @Test func cropMarksAreOnEveryPlate() throws {
        let (project, file, box) = try ScreenAndMarksTests.withCropMarks()
        let media = box("MediaBox"), bleed = box("BleedBox")
        // 72 dpi: a pixel a point. Page 1 of the issue: the cover.
        let base = project.url("sep.tif")
        _ = try run("gs", ["-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=tiffsep", "-sCompression=none", "-r72",
                           "-dFirstPage=1", "-dLastPage=1", "-o", base.path, file.path])
        for ink in ["Cyan", "Magenta", "Yellow", "Black"] {
            let plate = try Plate(project.url("sep(\(ink)).tif"))
            #expect(abs(Double(plate.width) - media[2]) <= 1, "\(ink): \(plate.width) px for \(media[2]) pt")
            // The most common value is no ink; the marks are all that lies outside the bleed.
            var histogram = [Int](repeating: 0, count: 256)
            for p in plate.pixels { histogram[Int(p)] += 1 }
            let paper = UInt8(histogram.indices.max { histogram[$0] < histogram[$1] }!)
            var inked = 0, corners = Set<String>()
            let left = Int(bleed[0]) - 1, right = Int(bleed[2]) + 1
            let top = plate.height - Int(bleed[3]) - 1, bottom = plate.height - Int(bleed[1]) + 1
            for y in 0..<plate.height {
                for x in 0..<plate.width where (x < left || x > right || y < top || y > bottom) && plate[x, y] != paper {
                    inked += 1
                    corners.insert((x < plate.width / 2 ? "left" : "right") + (y < plate.height / 2 ? " top" : " bottom"))
                }
            }
            #expect(inked > 20, "\(ink): no crop mark on this plate")
            #expect(corners.count == 4, "\(ink): marks at \(corners.sorted())")
        }
    }
}

/// `print: { marks: [crop, registration, colour-bar, slug] }` (issue 14, item 4), read from
/// Ghostscript's plates and poppler's text: targets on every plate, each colour-bar patch on
/// exactly its inks, the slug line in print.pdf only.
@Suite struct PrinterMarksTests {
    static func build() throws -> (project: TestProject, built: BuiltIssue) {
        try TestProject.builtSample(replacing: "  marks: none ", with: "  marks: [crop, registration, colour-bar, slug] ")
    }

    @Test func targetsColourBarAndSlugAreWhereTheShopLooks() throws {
        let (project, built) = try Self.build()
        let boxes = try BookletTests.boxes(built.printPDF)[2]
        let trim = try #require(boxes["TrimBox"]), media = try #require(boxes["MediaBox"])
        // 72 dpi: a pixel a point; page 3.
        _ = try run("gs", ["-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=tiffsep", "-sCompression=none", "-r72",
                           "-dFirstPage=3", "-dLastPage=3", "-o", project.url("sep.tif").path, built.printPDF.path])
        let plates = try ["Cyan", "Magenta", "Yellow", "Black"].map { try SeparationTests.Plate(project.url("sep(\($0)).tif")) }
        let height = Int(media[3].rounded())
        func inked(_ plate: SeparationTests.Plate, x: Double, y: Double) -> Bool {
            // Any ink within a point of (x, y), PDF coordinates.
            let px = Int(x), py = height - Int(y)
            return (px - 1...px + 1).contains { cx in (py - 1...py + 1).contains { cy in plate[cx, cy] < 200 } }
        }
        // The targets' centres: 6.5 mm beyond the trim at the middle of each side (crosses through them).
        let distance = 6.5 * 72 / 25.4, midX = (trim[0] + trim[2]) / 2, midY = (trim[1] + trim[3]) / 2
        for (x, y) in [(midX, trim[3] + distance), (midX, trim[1] - distance), (trim[0] - distance, midY), (trim[2] + distance, midY)] {
            for (plate, ink) in zip(plates, ["cyan", "magenta", "yellow", "black"]) {
                #expect(inked(plate, x: x, y: y), "no target on the \(ink) plate at (\(Int(x)), \(Int(y)))")
            }
        }
        // The colour bar: 3.5 mm patches from 12 mm inside the left trim, 1.5 mm below the bleed.
        let side = 3.5 * 72 / 25.4, top = trim[1] - 3 * 72 / 25.4 - 1.5 * 72 / 25.4
        let expected: [[Bool]] = [[true, false, false, false], [false, true, false, false], [false, false, true, false], [false, false, false, true],
                                  [true, true, false, false], [true, false, true, false], [false, true, true, false], [true, true, true, false]]
        for (i, inks) in expected.enumerated() {
            let x = trim[0] + 12 * 72 / 25.4 + (Double(i) + 0.5) * side, y = top - side / 2
            #expect(zip(plates, inks).allSatisfy { inked($0, x: x, y: y) == $1 }, "patch \(i + 1) is not \(inks)")
        }
        // The slug line: in print.pdf, below the foot; not in screen.pdf.
        let printText = try run("pdftotext", ["-f", "3", "-l", "3", built.printPDF.path, "-"]).out
        #expect(printText.contains("trang 3 — 31/03/2025"), "\(printText.suffix(300))")
        let screen = built.printPDF.deletingLastPathComponent().appendingPathComponent("screen.pdf")
        #expect(!(try run("pdftotext", ["-f", "3", "-l", "3", screen.path, "-"]).out.contains("trang 3 —")))
        // Preflight of the marked file still passes: the marks lie outside the bleed.
        #expect(built.preflight?.errors == 0, "\(String(describing: built.preflight))")
    }

    /// Preflight tells marks in registration colour from marks on the black plate only: the same
    /// file with its marks' colour changed to `0 0 0 1 K` is warned about.
    @Test func preflightFindsMarksOnOnePlate() throws {
        let (project, built) = try Self.build()
        let pages = built.pages.map(\.page), print = PrintExpectations(cmyk: true)
        let good = Preflight().check(pages, pdf: built.printPDF, pdfx: true, print: print)
        #expect(good.findings.contains { $0.check == "marks" && $0.severity == .information && $0.message.contains("registration") })
        #expect(!good.findings.contains { $0.check == "marks" && $0.severity == .warning })
        let json = project.url("print.json"), edited = project.url("edited.json"), pdf = project.url("black-marks.pdf")
        _ = try run("qpdf", ["--json-output", built.printPDF.path, json.path])
        let script = """
        import base64, json, sys, zlib
        doc = json.load(open(sys.argv[1]))
        for key, obj in doc["qpdf"][1].items():
            stream = obj.get("stream") if isinstance(obj, dict) else None
            if not stream or "data" not in stream or stream["dict"].get("/Filter"): continue
            data = base64.b64decode(stream["data"])
            if b"/Reg CS 1 SCN" in data: stream["data"] = base64.b64encode(data.replace(b"/Reg CS 1 SCN", b"0 0 0 1 K")).decode()
        json.dump(doc, open(sys.argv[2], "w"))
        """
        #expect(try run("/usr/bin/python3", ["-c", script, json.path, edited.path]).status == 0)
        _ = try run("qpdf", ["--json-input", edited.path, pdf.path])
        let bad = Preflight().check(pages, pdf: pdf, pdfx: true, print: print)
        let warning = try #require(bad.findings.first { $0.check == "marks" && $0.severity == .warning }, "\(bad.findings.map(\.message))")
        #expect(warning.message.contains("not in registration colour") && warning.message.contains("28 pages"), "\(warning.message)")
    }

    @Test func anUnknownMarkIsALocatedError() throws {
        let project = try TestProject()
        try project.editLayout(replacing: "  marks: none ", with: "  marks: [crop, colour-bars] ")
        try project.issue([("a.md", "---\ntitle: Dấu\n---\n\nNội dung.\n")])
        let (_, diagnostics) = project.build()
        let error = try #require(diagnostics.first { $0.message.contains("unknown mark 'colour-bars'") }, "\(diagnostics)")
        #expect(error.range?.start.column == 17 && error.hint?.contains("colour-bar") == true, "\(error)")
    }
}
