import Foundation
import PDF
import Testing
import TestSupport

/// Preflight reads the finished file (issue 14, item 7): a print.pdf broken after Bantin wrote
/// it — one page's bleed cut short, another's black text made RGB, the cover's photo clipped
/// 2 pt inside the bleed, the output intent gone, Info's title changed — is reported fault by
/// fault, each at its page, where the pages Bantin meant to write are all in order.
@Suite struct PreflightFileTests {
    static let breaker = #"""
    import base64, json, re, sys, zlib
    source, target, page, rgb = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    doc = json.load(open(source))
    objects = doc["qpdf"][1]
    def ref(r): return objects["obj:" + r]["value"]
    trailer = objects["trailer"]["value"]
    root = ref(trailer["/Root"])
    root.pop("/OutputIntents")
    kids = ref(root["/Pages"])["/Kids"]
    chosen = ref(kids[page - 1])
    t = chosen["/TrimBox"]
    chosen["/BleedBox"] = [t[0] - 2.83, t[1] - 2.83, t[2] + 2.83, t[3] + 2.83]
    ref(trailer["/Info"])["/Title"] = "u:Một tiêu đề khác"
    def edit(number, change):
        stream = objects["obj:" + ref(kids[number - 1])["/Contents"]]["stream"]
        data = zlib.decompress(base64.b64decode(stream["data"]))
        stream["data"] = base64.b64encode(zlib.compress(change(data))).decode()
    # Black text as RGB black on page `rgb`; the cover's photo clipped 2 pt short on the right.
    edit(rgb, lambda d: d.replace(b"0 0 0 1 k", b"0 0 0 rg"))
    edit(1, lambda d: re.sub(rb"^q 0 0 ([0-9.]+) ([0-9.]+) re W n",
                             lambda m: b"q 0 0 %.3f %s re W n" % (float(m.group(1)) - 2, m.group(2)), d, count=1))
    json.dump(doc, open(target, "w"))
    """#

    @Test func aBrokenPrintPDFIsReportedFaultByFaultAtItsPage() throws {
        let folder = try temporaryFolder("broken-pdf")
        let json = folder.appendingPathComponent("print.json"), broken = folder.appendingPathComponent("broken.json")
        let pdf = folder.appendingPathComponent("broken.pdf")
        _ = try run("qpdf", ["--json-output", sample.built.printPDF.path, json.path])
        let edited = try run("/usr/bin/python3", ["-c", Self.breaker, json.path, broken.path, "5", "7"])
        #expect(edited.status == 0, "\(edited.err)")
        _ = try run("qpdf", ["--json-input", broken.path, pdf.path])
        let pages = sample.built.pages.map(\.page)

        let expected = PrintExpectations(cmyk: true, inkLimit: 3.0, overprintBlack: true)
        let good = Preflight().check(pages, pdf: sample.built.printPDF, pdfx: true, print: expected)
        #expect(good.errors == 0 && good.warnings == 0, "\(good.findings.map(\.message))")
        #expect(good.findings.contains { $0.severity == .information && $0.check == "overprint" })

        let report = Preflight().check(pages, pdf: pdf, pdfx: true, print: expected)
        let bleed = try #require(report.findings.first { $0.check == "bleed" }, "\(report.findings.map(\.message))")
        #expect(bleed.page == 5 && bleed.message.contains("1.00 mm"), "\(bleed.message)")
        #expect(report.findings.filter { $0.check == "bleed" }.count == 1, "only page 5 is short")
        #expect(report.findings.contains { $0.check == "output-intent" && $0.severity == .error })
        let title = try #require(report.findings.first { $0.check == "metadata" })
        #expect(title.message.contains("/Title") && title.message.contains("Một tiêu đề khác"))
        let rgb = try #require(report.findings.first { $0.check == "colour" }, "\(report.findings.map(\.message))")
        #expect(rgb.page == 7 && rgb.severity == .error && rgb.message.contains("RGB"), "\(rgb.message)")
        #expect(report.findings.filter { $0.check == "colour" }.count == 1, "only page 7 has RGB text")
        let cover = try #require(report.findings.first { $0.check == "bleed-artwork" }, "\(report.findings.map(\.message))")
        #expect(cover.page == 1 && cover.message.contains("right") && cover.message.contains("0.71 mm"), "\(cover.message)")
        #expect(report.verdict == "fail")
    }

    /// The ink of every CMYK image is measured from the file: the sample's photos and charts,
    /// converted for 300 %, are errors against a 250 % limit, each at its page (the cover, 246 %
    /// at its darkest, is not), and the darkest is reported.
    @Test func imagesAboveTheInkLimitAreFoundInTheFile() throws {
        let pages = sample.built.pages.map(\.page)
        let strict = Preflight().check(pages, pdf: sample.built.printPDF, pdfx: true,
                                       print: PrintExpectations(cmyk: true, inkLimit: 2.5, overprintBlack: true))
        let ink = strict.findings.filter { $0.check == "ink" && $0.severity == .error }
        let imagePages = Set(sample.built.pages.filter { laid in
            laid.page.items.contains { if case .image = $0 { true } else { false } }
        }.map(\.number))
        #expect(ink.count >= 4 && Set(ink.compactMap(\.page)) == imagePages.subtracting([1]), "\(ink.map(\.message)) vs \(imagePages.sorted())")
        #expect(ink.allSatisfy { $0.message.contains("above the limit of 250 %") }, "\(ink.map(\.message))")
        let summary = try #require(strict.findings.first { $0.check == "ink" && $0.severity == .information })
        #expect(summary.message.contains("6 CMYK image(s)"), "\(summary.message)")
    }

    /// What preflight measured of the images, kept between builds, gives the same findings as
    /// measuring anew, and holds one entry per distinct image.
    @Test func rememberedInkGivesTheSameFindings() throws {
        let pages = sample.built.pages.map(\.page)
        let strict = PrintExpectations(cmyk: true, inkLimit: 2.5, overprintBlack: true)
        let fresh = Preflight().check(pages, pdf: sample.built.printPDF, pdfx: true, print: strict)
        let file = try temporaryFolder("ink-memo").appendingPathComponent(".preflight-ink")
        let memo = InkMemo()
        _ = Preflight(inks: memo).check(pages, pdf: sample.built.printPDF, pdfx: true, print: strict)
        memo.save(to: file)
        #expect(try String(contentsOf: file, encoding: .utf8).split(separator: "\n").count == 6)
        let remembered = Preflight(inks: InkMemo(contentsOf: file)).check(pages, pdf: sample.built.printPDF, pdfx: true, print: strict)
        #expect(remembered.findings.map(\.message) == fresh.findings.map(\.message))
        #expect(remembered.findings.contains { $0.check == "ink" && $0.severity == .error })
    }
}
