import Foundation
import PDF
import Testing
import TestSupport

/// Preflight reads the finished file (issue 14, item 7): a print.pdf broken after Bantin wrote
/// it — one page's bleed cut short, the output intent gone, Info's title changed — is reported
/// fault by fault, each at its page, where the pages Bantin meant to write are all in order.
@Suite struct PreflightFileTests {
    static let breaker = #"""
    import json, sys
    source, target, page = sys.argv[1], sys.argv[2], int(sys.argv[3])
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
    json.dump(doc, open(target, "w"))
    """#

    @Test func aBrokenPrintPDFIsReportedFaultByFaultAtItsPage() throws {
        let folder = try temporaryFolder("broken-pdf")
        let json = folder.appendingPathComponent("print.json"), broken = folder.appendingPathComponent("broken.json")
        let pdf = folder.appendingPathComponent("broken.pdf")
        _ = try run("qpdf", ["--json-output", sample.built.printPDF.path, json.path])
        let edited = try run("/usr/bin/python3", ["-c", Self.breaker, json.path, broken.path, "5"])
        #expect(edited.status == 0, "\(edited.err)")
        _ = try run("qpdf", ["--json-input", broken.path, pdf.path])
        let pages = sample.built.pages.map(\.page)

        let good = Preflight().check(pages, pdf: sample.built.printPDF, pdfx: true)
        #expect(good.errors == 0 && good.warnings == 0, "\(good.findings.map(\.message))")

        let report = Preflight().check(pages, pdf: pdf, pdfx: true)
        let bleed = try #require(report.findings.first { $0.check == "bleed" }, "\(report.findings.map(\.message))")
        #expect(bleed.page == 5 && bleed.message.contains("1.00 mm"), "\(bleed.message)")
        #expect(report.findings.filter { $0.check == "bleed" }.count == 1, "only page 5 is short")
        #expect(report.findings.contains { $0.check == "output-intent" && $0.severity == .error })
        let title = try #require(report.findings.first { $0.check == "metadata" })
        #expect(title.message.contains("/Title") && title.message.contains("Một tiêu đề khác"))
        #expect(report.verdict == "fail")
    }
}
