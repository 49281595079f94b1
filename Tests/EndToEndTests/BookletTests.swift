import Bantin
import Diagnostics
import Foundation
import Testing
import TestSupport

/// booklet.pdf as a printing shop receives it (issue 14, item 5): PDF/X-4 like print.pdf, on a
/// standard sheet, each page in its cell with its bleed, in the order of PRINT.md, with crop and
/// fold marks in registration colour, and creep moving inner sheets' pages towards the fold.
@Suite(.serialized) struct BookletTests {
    var booklet: URL { sample.out.appendingPathComponent("2025-q1/booklet.pdf") }
    /// SRA3 landscape, in points.
    static let sra3 = (width: 450.0 * 72 / 25.4, height: 320.0 * 72 / 25.4)
    static let a4 = (width: 210.0 * 72 / 25.4, height: 297.0 * 72 / 25.4)

    /// `pdfinfo -box` of every sheet: its boxes by name.
    static func boxes(_ pdf: URL) throws -> [[String: [Double]]] {
        let text = try run("pdfinfo", ["-box", "-f", "1", "-l", "999", pdf.path]).out
        var sheets: [Int: [String: [Double]]] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("Page ") && line.contains("Box:") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let number = Int(parts[1]) else { continue }
            let name = String(parts[2].dropLast())
            sheets[number, default: [:]][name] = parts[3...].compactMap { Double($0) }
        }
        return sheets.keys.sorted().map { sheets[$0]! }
    }

    /// Every sheet is SRA3 (the layout's `sheet: auto` for A4 pages), its TrimBox the spread of
    /// two A4 pages centred on it, its BleedBox 3 mm around that.
    @Test func sheetsAreSRA3WithTheSpreadCentred() throws {
        let sheets = try Self.boxes(booklet)
        #expect(sheets.count == sample.built.pages.count / 2)
        let bleed = 3.0 * 72 / 25.4
        for (n, sheet) in sheets.enumerated() {
            let media = try #require(sheet["MediaBox"]), trim = try #require(sheet["TrimBox"]), bleedBox = try #require(sheet["BleedBox"])
            #expect(abs(media[2] - Self.sra3.width) < 0.02 && abs(media[3] - Self.sra3.height) < 0.02, "sheet \(n + 1): \(media)")
            #expect(abs(trim[2] - trim[0] - 2 * Self.a4.width) < 0.02 && abs(trim[3] - trim[1] - Self.a4.height) < 0.02, "\(trim)")
            #expect(abs(trim[0] - (media[2] - trim[2])) < 0.02 && abs(trim[1] - (media[3] - trim[3])) < 0.02, "not centred: \(trim)")
            for i in 0..<2 { #expect(abs(trim[i] - bleedBox[i] - bleed) < 0.02 && abs(bleedBox[i + 2] - trim[i + 2] - bleed) < 0.02) }
        }
        let info = try run("pdfinfo", [booklet.path]).out
        #expect(info.contains("PDF subtype:    PDF/X-4") && info.contains("PDF version:     1.6"), "\(info)")
    }

    /// PRINT.md's order, read back: the words on each half of each sheet are exactly the words of
    /// the print page the formula puts there.
    @Test func eachHalfHoldsThePageOfTheFormula() throws {
        let print = sample.built.printPDF, count = sample.built.pages.count
        let fold = Int((Self.sra3.width / 2).rounded())
        for (index, side) in BookletOrderProbe.sides(count).enumerated() {
            for (slot, number) in [side.left, side.right].enumerated() {
                let half = try run("pdftotext", ["-f", "\(index + 1)", "-l", "\(index + 1)", "-x", slot == 0 ? "0" : "\(fold)", "-y", "0",
                                                 "-W", "\(fold)", "-H", "1000", booklet.path, "-"]).out
                // Read as the half is (not -raw): a drop cap reads as its own word both ways.
                let page = words(try run("pdftotext", ["-f", "\(number)", "-l", "\(number)", print.path, "-"]).out)
                #expect(words(half).sorted() == page.sorted(), "sheet side \(index + 1), \(slot == 0 ? "left" : "right"): not page \(number)")
            }
        }
    }

    /// The cover (right half of the first side) keeps its bleed beyond the sheet's trim on the
    /// outer edge: the strip between the TrimBox and the BleedBox is artwork, not paper, all
    /// the way down; beyond the bleed it is paper again.
    @Test func theOuterBleedIsKept() throws {
        let folder = try temporaryFolder("booklet-bleed")
        let base = folder.appendingPathComponent("sheet")
        _ = try run("pdftoppm", ["-r", "72", "-gray", "-f", "1", "-l", "1", "-singlefile", booklet.path, base.path])
        let image = try PGM(folder.appendingPathComponent("sheet.pgm"))
        let sheet = try #require(try Self.boxes(booklet).first)
        let trim = try #require(sheet["TrimBox"]), bleed = try #require(sheet["BleedBox"])
        let top = image.height - Int(trim[3]) + 12, bottom = image.height - Int(trim[1]) - 12
        for x in (Int(trim[2].rounded(.up)) + 1)..<Int(bleed[2].rounded(.down)) {
            let paper = (top..<bottom).filter { image[x, $0] > 250 }.count
            #expect(paper == 0, "column \(x) of the cover's bleed: \(paper) white points")
        }
        let beyond = Int(bleed[2].rounded(.up)) + 1
        #expect((top..<bottom).allSatisfy { image[beyond, $0] > 250 }, "artwork beyond the bleed at x = \(beyond)")
    }

    /// Crop marks at the spread's corners and fold marks on the centre line print on all four
    /// plates (registration colour), read from Ghostscript's separations of the first sheet.
    @Test func marksAreOnEveryPlate() throws {
        let folder = try temporaryFolder("booklet-plates")
        let base = folder.appendingPathComponent("sep.tif")
        _ = try run("gs", ["-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=tiffsep", "-sCompression=none", "-r72",
                           "-dFirstPage=1", "-dLastPage=1", "-o", base.path, booklet.path])
        let sheet = try #require(try Self.boxes(booklet).first)
        let bleed = try #require(sheet["BleedBox"])
        for ink in ["Cyan", "Magenta", "Yellow", "Black"] {
            let plate = try SeparationTests.Plate(folder.appendingPathComponent("sep(\(ink)).tif"))
            var places = Set<String>()
            let left = Int(bleed[0]) - 1, right = Int(bleed[2]) + 1
            let top = plate.height - Int(bleed[3]) - 1, bottom = plate.height - Int(bleed[1]) + 1
            for y in 0..<plate.height {
                for x in 0..<plate.width where (x < left || x > right || y < top || y > bottom) && plate[x, y] != 255 {
                    let column = x < plate.width / 3 ? "left" : x > plate.width * 2 / 3 ? "right" : "fold"
                    places.insert(column + (y < plate.height / 2 ? " top" : " bottom"))
                }
            }
            #expect(places == ["left top", "left bottom", "right top", "right bottom", "fold top", "fold bottom"],
                    "\(ink): marks at \(places.sorted())")
        }
    }

    /// `booklet: { creep: 0.5mm }`: the pages of the s-th sheet from the outside sit s × 0.5 mm
    /// nearer the fold than the outer sheet's, measured on the first word of each page.
    @Test func creepMovesInnerPagesTowardsTheFold() throws {
        // Creep moves inner pages' outer bleed inwards by design: preflight must not call that an
        // error (`builtSample` expects a build without errors).
        let (project, issue) = try TestProject.builtSample(replacing: "print:", with: "booklet: { creep: 0.5mm }\nprint:", booklet: true)
        #expect(issue.preflight?.errors == 0)
        let booklet = project.url("out/x/booklet.pdf")
        let fold = Self.sra3.width / 2, count = issue.pages.count
        let bleed = 3.0 * 72 / 25.4, spreadTop = (Self.sra3.height - Self.a4.height) / 2
        var measured = 0
        for (index, side) in BookletOrderProbe.sides(count).enumerated() {
            let sheetWords = try Self.placedWords(booklet, page: index + 1)
            for (slot, number) in [side.left, side.right].enumerated() {
                // The page's first word, found on the sheet by its text, its half and its height.
                guard let printed = try Self.placedWords(issue.printPDF, page: number).first,
                      let placed = sheetWords.first(where: {
                          $0.text == printed.text && ($0.x < fold) == (slot == 0) && abs($0.y - (printed.y - bleed + spreadTop)) < 0.05
                      }) else { continue }
                let shift = 0.5 * 72 / 25.4 * Double(index / 2)
                let expected = slot == 0 ? printed.x - bleed + fold - Self.a4.width + shift : printed.x - bleed + fold - shift
                #expect(abs(placed.x - expected) < 0.05, "page \(number) on sheet \(index / 2 + 1): x \(placed.x), expected \(expected)")
                measured += 1
            }
        }
        #expect(measured >= count * 3 / 4, "only \(measured) pages measured")
    }

    /// Preflight reads booklet.pdf too: its fonts (inside the pages' forms) all embedded, its
    /// marks in registration colour, black text overprinting, no error — in preflight.json.
    @Test func preflightReadsTheBooklet() throws {
        let json = try Data(contentsOf: sample.out.appendingPathComponent("2025-q1/preflight.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let findings = try #require((root["report"] as? [String: Any])?["findings"] as? [[String: Any]])
        let booklet = findings.filter { ($0["message"] as? String)?.hasPrefix("booklet.pdf") == true }
        func has(_ check: String, _ text: String) -> Bool {
            booklet.contains { $0["check"] as? String == check && ($0["message"] as? String)?.contains(text) == true }
        }
        let fonts = ((root["report"] as? [String: Any])?["fonts"] as? [Any])?.count ?? 0
        #expect(fonts > 3 && has("fonts", "\(fonts) font(s), \(fonts) embedded"), "the print PDF's \(fonts) fonts: \(booklet)")
        #expect(has("marks", "registration colour") && has("overprint", "overprints"), "\(booklet)")
        #expect(!booklet.contains { $0["severity"] as? String != "information" }, "\(booklet)")
        #expect(root["errors"] as? Int == 0)
    }

    /// A sheet too small for two pages, their bleed and marks is an error at `sheet:`.
    @Test func aSheetTooSmallIsALocatedError() throws {
        let project = try TestProject()
        try project.editLayout(replacing: "print:", with: "booklet:\n  sheet: A3\nprint:")
        try project.issue([("a.md", "---\ntitle: Tờ in\n---\n\nNội dung.\n")])
        let (_, diagnostics) = project.build()
        let error = try #require(diagnostics.first { $0.id == "booklet-sheet" }, "\(diagnostics)")
        #expect(error.message.contains("A3") && error.message.contains("too small"), "\(error.message)")
        #expect(error.hint?.contains("SRA3") == true, "\(error.hint ?? "")")
        let range = try #require(error.range)
        #expect(range.path.hasSuffix("a4-two-column.yaml") && range.start.column == 10, "\(range)")
    }

    /// Each word of a page with the top-left corner of its box, in the order pdftotext reads them.
    static func placedWords(_ pdf: URL, page: Int) throws -> [(text: String, x: Double, y: Double)] {
        let html = try run("pdftotext", ["-bbox", "-f", "\(page)", "-l", "\(page)", pdf.path, "-"]).out
        var out: [(text: String, x: Double, y: Double)] = []
        for line in html.split(separator: "\n") where line.contains("<word ") {
            func attribute(_ name: String) -> Double? {
                guard let r = line.range(of: name + "=\""), let close = line[r.upperBound...].firstIndex(of: "\"") else { return nil }
                return Double(line[r.upperBound..<close])
            }
            guard let x = attribute("xMin"), let y = attribute("yMin"), let start = line.firstIndex(of: ">"),
                  let end = line.range(of: "</word>") else { continue }
            out.append((String(line[line.index(after: start)..<end.lowerBound]), x, y))
        }
        return out
    }
}

/// PRINT.md's formula, written out again so the test does not read it from the code it checks.
enum BookletOrderProbe {
    static func sides(_ n: Int) -> [(left: Int, right: Int)] {
        var sides: [(left: Int, right: Int)] = []
        for s in 0..<n / 4 {
            sides.append((left: n - 2 * s, right: 2 * s + 1))
            sides.append((left: 2 * s + 2, right: n - 2 * s - 1))
        }
        return sides
    }
}

/// A binary greyscale PGM (`P5`) as pdftoppm writes it.
struct PGM {
    var width = 0, height = 0
    var pixels: [UInt8] = []

    init(_ url: URL) throws {
        let data = [UInt8](try Data(contentsOf: url))
        try #require(data.count > 2 && data[0] == 0x50 && data[1] == 0x35, "not a PGM")
        var fields: [Int] = [], at = 2
        while fields.count < 3 {
            while data[at] == 0x20 || data[at] == 0x0A { at += 1 }
            var n = 0
            while data[at] >= 0x30 && data[at] <= 0x39 { n = n * 10 + Int(data[at] - 0x30); at += 1 }
            fields.append(n)
        }
        width = fields[0]
        height = fields[1]
        pixels = Array(data[(at + 1)...])
        try #require(pixels.count >= width * height, "short PGM")
    }

    subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }
}
