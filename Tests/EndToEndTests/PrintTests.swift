import Diagnostics
import Layout
import Pages
import Typesetting
import Bantin
import Foundation
import Model
import PDF
import Testing
import TestSupport

/// The printing shop's checks (issue 5), read back from the files with qpdf and poppler.
@Suite(.serialized) struct PrintTests {
    var out: URL { sample.out.appendingPathComponent("2025-q1") }

    /// Acceptance 1: `qpdf --check` is clean for all three PDFs.
    @Test(arguments: ["print.pdf", "screen.pdf", "booklet.pdf"])
    func qpdfCheckIsClean(_ file: String) throws {
        let result = try run("qpdf", ["--check", out.appendingPathComponent(file).path])
        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(result.out.contains("No syntax or stream encoding errors found"))
        #expect(!result.out.contains("WARNING") && result.err.isEmpty, "\(result.err)")
    }

    /// Acceptance 2: every print page has a TrimBox inset by the bleed inside its BleedBox;
    /// every screen page is trim size.
    @Test func boxesOnEveryPage() throws {
        let pages = sample.built.pages.count
        let print = try run("pdfinfo", ["-box", "-f", "1", "-l", String(pages), out.appendingPathComponent("print.pdf").path]).out
        func boxes(_ kind: String) -> [[Double]] {
            print.split(separator: "\n").filter { $0.contains("\(kind):") }.map { line in
                line.split(separator: ":").last!.split(separator: " ").compactMap { Double($0) }
            }
        }
        let trims = boxes("TrimBox"), bleeds = boxes("BleedBox"), media = boxes("MediaBox")
        #expect(trims.count == pages && bleeds.count == pages && media.count == pages)
        let bleed: Double = 3.0 * 72.0 / 25.4
        for (n, (t, b)) in zip(trims, bleeds).enumerated() {
            for i in 0..<2 { #expect(abs(t[i] - b[i] - bleed) < 0.01, "page \(n + 1): \(t) in \(b)") }
            for i in 2..<4 { #expect(abs(b[i] - t[i] - bleed) < 0.01, "page \(n + 1): \(t) in \(b)") }
            #expect(abs(t[2] - t[0] - 595.276) < 0.01 && abs(t[3] - t[1] - 841.89) < 0.01, "A4 trim: \(t)")
            #expect(b[0] >= media[n][0] && b[2] <= media[n][2] + 0.01)
        }
        let screen = try run("pdfinfo", ["-f", "1", "-l", String(pages), out.appendingPathComponent("screen.pdf").path]).out
        let sizes = screen.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }
        #expect(sizes.count == pages)
        #expect(sizes.allSatisfy { $0.contains("595.276 x 841.89 pts (A4)") }, "\(sizes.prefix(2))")
    }

    /// Acceptance 3: one /GTS_PDFX output intent with an embedded profile, XMP naming PDF/X-4,
    /// a trailer /ID, PDF version ≤ 1.6 — read from the file with `qpdf --json` and `--show-object`.
    @Test(arguments: ["print.pdf", "booklet.pdf"])
    func printPDFIsPDFX4(_ name: String) throws {
        let file = out.appendingPathComponent(name)
        let json = try run("qpdf", ["--json=2", "--json-key=qpdf", "--json-stream-data=none", file.path]).out
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let objects = try #require((root["qpdf"] as? [Any])?.last as? [String: Any])
        func value(_ ref: Any?) -> Any? {
            guard let ref = ref as? String, ref.hasSuffix(" R") else { return ref }
            let object = objects["obj:" + ref] as? [String: Any]
            return object?["value"] ?? (object?["stream"] as? [String: Any])?["dict"]
        }
        let trailer = try #require((objects["trailer"] as? [String: Any])?["value"] as? [String: Any])
        let ids = try #require(trailer["/ID"] as? [Any])
        #expect(ids.count == 2)
        let catalog = try #require(value(trailer["/Root"]) as? [String: Any])
        let intents = try #require(catalog["/OutputIntents"] as? [Any])
        #expect(intents.count == 1)
        let intent = try #require(value(intents[0]) as? [String: Any])
        #expect(intent["/S"] as? String == "/GTS_PDFX")
        let profile = try #require(value(intent["/DestOutputProfile"]) as? [String: Any])
        #expect(profile["/N"] as? Int == 4)
        #expect(profile["/Length"] != nil)
        let metadata = try #require(value(catalog["/Metadata"]) as? [String: Any])
        #expect(metadata["/Subtype"] as? String == "/XML")
        let xmp = try run("qpdf", ["--show-object=" + ((catalog["/Metadata"] as? String)?.split(separator: " ").first.map(String.init) ?? "0"),
                                   "--filtered-stream-data", file.path]).out
        #expect(xmp.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"), "\(xmp.prefix(300))")
        let header = try FileHandle(forReadingFrom: file).read(upToCount: 8).map { String(decoding: $0, as: UTF8.self) } ?? ""
        #expect(["%PDF-1.6", "%PDF-1.5", "%PDF-1.4"].contains(header), "\(header)")
        let info = try #require(value(trailer["/Info"]) as? [String: Any])
        #expect(info["/Trapped"] as? String == "/False")
        let created = info["/CreationDate"] as? String ?? "-"
        #expect(created.hasPrefix("u:D:20250331"), "\(created)")
    }

    /// The content stream of page `number` of a PDF, as qpdf decodes it.
    func content(_ file: String, page number: Int) throws -> String {
        let pdf = out.appendingPathComponent(file).path
        let pages = try run("qpdf", ["--show-pages", pdf]).out.split(separator: "\n").map(String.init)
        // "page 3: 12 0 R" then "  content:" and "    14 0 R" a line each: the page's content streams.
        let start = try #require(pages.firstIndex { $0.hasPrefix("page \(number):") })
        let streams = pages[(start + 2)...].prefix { $0.hasPrefix("    ") && $0.hasSuffix(" R") }
        return try streams.map { stream in
            let object = String(stream.trimmingCharacters(in: .whitespaces).split(separator: " ")[0])
            return try run("qpdf", ["--show-object=\(object)", "--filtered-stream-data", pdf]).out
        }.joined(separator: "\n")
    }

    /// print.pdf (CMYK by default): black text is `0 0 0 1 k`, on the black plate only, and
    /// overprints through the `/GSop` graphics state (`/OP true /op true /OPM 1`); nothing is RGB.
    /// screen.pdf keeps DeviceGray black.
    @Test func blackTextIsKOnlyAndOverprints() throws {
        let print = try content("print.pdf", page: 3)
        #expect(print.contains(" BT") && print.contains("Tf"), "not a text page's content")
        #expect(print.contains("0 0 0 1 k /GSop gs BT"), "no overprinting black text")
        #expect(!print.contains(" rg") && !print.contains(" RG") && !print.contains(" g ") && !print.contains(" G "))
        let objects = try run("qpdf", ["--qdf", "--object-streams=disable", "--stream-data=preserve",
                                       out.appendingPathComponent("print.pdf").path, "-"]).out
        #expect(objects.contains("/GSop <<") && objects.contains("/OP true") && objects.contains("/OPM 1"), "no overprint state")
        let screen = try content("screen.pdf", page: 3)
        #expect(screen.contains("0 g ") && !screen.contains("0 0 0 1 k") && !screen.contains("/GSop gs"))
    }

    /// Acceptance 4 of issue 5: screen.pdf carries the sample's JPEGs unchanged; print.pdf has
    /// them converted to CMYK (and still JPEGs where the ink limit allows).
    @Test func jpegsArePassedThrough() throws {
        let list = try run("pdfimages", ["-list", out.appendingPathComponent("screen.pdf").path]).out
        let rows = list.split(separator: "\n").dropFirst(2)
        let jpegs = rows.filter { $0.split(separator: " ")[8] == "jpeg" }
        #expect(jpegs.count >= 4, "\(list)")  // the cover and three photos
        let print = try run("pdfimages", ["-list", out.appendingPathComponent("print.pdf").path]).out
        let cmykJPEGs = print.split(separator: "\n").dropFirst(2).filter { $0.split(separator: " ")[8] == "jpeg" && $0.contains("cmyk") }
        #expect(cmykJPEGs.count >= 2, "\(print)")
    }

    /// Acceptance 6: the page order of PRINT.md for 8, 12 and 16 pages.
    @Test func bookletOrder() {
        func order(_ n: Int) -> [[Int]] { BookletOrder.sides(pages: n).map { [$0.left, $0.right] } }
        #expect(order(8) == [[8, 1], [2, 7], [6, 3], [4, 5]])
        #expect(order(12) == [[12, 1], [2, 11], [10, 3], [4, 9], [8, 5], [6, 7]])
        #expect(order(16) == [[16, 1], [2, 15], [14, 3], [4, 13], [12, 5], [6, 11], [10, 7], [8, 9]])
        for n in [8, 12, 16] {
            #expect(Set(order(n).flatMap { $0 }) == Set(1...n))
        }
    }

    /// The booklet's first side carries the last page and the first, read back from the PDF.
    @Test func bookletSheetsHoldTheRightPages() throws {
        let booklet = out.appendingPathComponent("booklet.pdf")
        let pages = sample.built.pages.count
        let info = try run("pdfinfo", [booklet.path]).out
        #expect(info.contains("Pages:           \(pages / 2)"))
        let firstSide = try pdfWords(booklet, first: 1, last: 1).joined(separator: " ")
        #expect(firstSide.contains("Ban Biên tập") && firstSide.contains(sample.built.issue.publication.title))
        let secondSide = try pdfWords(booklet, first: 2, last: 2).joined(separator: " ")
        #expect(secondSide.contains("Mục lục"))
    }
}

@Suite struct ScreenAndMarksTests {
    /// screen.pdf: a bookmark per section and article, contents entries and web links live, page labels.
    @Test func screenPDFHasBookmarksLinksAndLabels() throws {
        let file = sample.out.appendingPathComponent("2025-q1/screen.pdf")
        let json = try run("qpdf", ["--json=2", "--json-key=outlines", "--json-key=pagelabels", "--json-key=pages", file.path]).out
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let outlines = try #require(root["outlines"] as? [[String: Any]])
        let issue = sample.built.issue
        #expect(outlines.map { $0["title"] as? String } == issue.sections.map(\.title))
        #expect(outlines.flatMap { ($0["kids"] as? [[String: Any]]) ?? [] }.count == issue.articles.count)
        let pages = try #require(root["pages"] as? [[String: Any]])
        // Each page labelled with its printed page number, as the screen PDF promises.
        let labels = PageLabels.read(try #require(root["pagelabels"] as? [[String: Any]]), pages: pages.count)
        #expect(labels == sample.built.pages.map { String($0.number) }, "\(labels)")
        // The contents page's annotations: a link on every entry's title and page number.
        let contents = sample.built.pages.first { $0.kind == .contents }!.number
        let object = try #require((pages[contents - 1]["object"] as? String)?.split(separator: " ").first)
        let page = try run("qpdf", ["--show-object=\(object)", file.path]).out
        let annots = page.components(separatedBy: "/Annots [").dropFirst().first?.components(separatedBy: "]").first ?? ""
        #expect(annots.components(separatedBy: " R").count - 1 >= 2 * issue.articles.count, "\(page.prefix(200))")
    }

    /// A one-article issue built with `print: { marks: crop }`: its print.pdf, and page 1's
    /// boxes as poppler reads them (`box("MediaBox")` → [x0, y0, x1, y1]).
    static func withCropMarks() throws -> (project: TestProject, pdf: URL, box: (String) -> [Double]) {
        let project = try TestProject()
        try project.editLayout(replacing: "marks: none ", with: "marks: crop ")
        try project.issue([("a.md", "---\ntitle: Dấu cắt\n---\n\nNội dung.\n")])
        let (pdf, diagnostics) = project.build()
        let file = try #require(pdf, "\(diagnostics)")
        let boxes = try run("pdfinfo", ["-box", "-f", "1", "-l", "1", file.path]).out
        return (project, file, { name in
            boxes.split(separator: "\n").first { $0.contains(name + ":") }!.split(separator: ":").last!
                .split(separator: " ").compactMap { Double($0) }
        })
    }

    /// `print: { marks: crop }`: the media grows, and the marks lie outside the BleedBox.
    @Test func cropMarksEnlargeTheMediaBeyondTheBleed() throws {
        let (_, file, box) = try Self.withCropMarks()
        let media = box("MediaBox"), bleed = box("BleedBox"), trim = box("TrimBox")
        #expect(media[2] - bleed[2] > 20 && bleed[0] - media[0] > 20, "room for marks: \(media) vs \(bleed)")
        #expect(abs(trim[0] - bleed[0] - 8.504) < 0.01)
        #expect(try run("qpdf", ["--check", file.path]).status == 0)
    }
}

/// The label a PDF reader shows for each page, from qpdf's `pagelabels` ranges: the range's
/// prefix (`/P`), then its number in decimal (`/S /D`) counted from `/St`; other styles as "?".
enum PageLabels {
    static func read(_ ranges: [[String: Any]], pages: Int) -> [String] {
        (0..<pages).map { page in
            guard let range = ranges.last(where: { ($0["index"] as? Int ?? 0) <= page }),
                  let label = range["label"] as? [String: Any] else { return "" }
            let start = (label["/P"] as? String).map { $0.hasPrefix("u:") ? String($0.dropFirst(2)) : $0 } ?? ""
            let number = page - (range["index"] as? Int ?? 0) + (label["/St"] as? Int ?? 1)
            switch (label["/S"] as? String) {
            case nil: return start
            case "/D"?: return start + String(number)
            default: return start + "?"
            }
        }
    }
}
