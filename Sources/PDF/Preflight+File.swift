internal import CQPDF
import Foundation

/// What preflight reads from the finished file itself, as a shop's preflight does, rather than
/// from the pages Bantin meant to write (issue 14, item 7): every page's boxes and their
/// nesting, the bleed the file really has, the PDF/X output intent and its profile, and the
/// agreement of Info and XMP.
extension Preflight {
    /// 3 mm less half a hundredth of a millimetre: what a shop asks, read back as written.
    static let requiredBleed = 3.0 * 72 / 25.4 - 0.015

    /// `label` names the file in findings when it is not print.pdf ("booklet.pdf: "), whose
    /// pages are then sheets, not the issue's pages.
    func checkFile(_ q: qpdf_data, pdfx: Bool, print: PrintExpectations, label: String = "", locate: Locator? = nil,
                   into report: inout PreflightReport) {
        var tally = ContentTally()
        let scans = scanPages(q)
        for n in 0..<Int(qpdf_get_num_pages(q)) {
            let page = qpdf_get_page_n(q, n)
            checkBoxes(q, page: page, number: n + 1, label: label, into: &report)
            checkContent(q, page: page, number: n + 1, label: label, print: print, scan: scans[n], tally: &tally,
                         locate: locate.map { locate in { x, y, trim in locate(n, x, y, trim) } }, into: &report)
        }
        self.report(tally, label: label, print: print, into: &report)
        guard pdfx else { return }
        let root = qpdf_get_root(q)
        let intents = qpdf_oh_get_key(q, root, "/OutputIntents")
        let pdfxIntents = (0..<max(0, Int(qpdf_oh_get_array_n_items(q, intents)))).map { qpdf_oh_get_array_item(q, intents, Int32($0)) }
            .filter { name(q, qpdf_oh_get_key(q, $0, "/S")) == "/GTS_PDFX" }
        if let intent = pdfxIntents.first {
            let profile = qpdf_oh_get_key(q, intent, "/DestOutputProfile")
            let components = qpdf_oh_get_numeric_value(q, qpdf_oh_get_key(q, qpdf_oh_get_dict(q, profile), "/N"))
            if qpdf_oh_is_stream(q, profile) == 0 || components != 4 {
                report.findings.append(.init(severity: .error, page: nil, check: "output-intent",
                                             message: "\(label)the PDF/X output intent has no embedded CMYK profile"))
            }
        } else {
            report.findings.append(.init(severity: .error, page: nil, check: "output-intent",
                                         message: "\(label)no PDF/X output intent: the shop cannot tell which printing condition the file is made for",
                                         hint: "keep `print: { pdfx: x4 }` and the shop's profile under `output-profile`"))
        }
        checkMetadata(q, root: root, label: label, into: &report)
    }

    /// Trim within Bleed within Media, and the bleed a full 3 mm on every side.
    private func checkBoxes(_ q: qpdf_data, page: qpdf_oh, number: Int, label: String, into report: inout PreflightReport) {
        let at = label.isEmpty ? number : nil, name = "\(label)page \(number)"
        guard let media = box(q, page, "/MediaBox") else {
            report.findings.append(.init(severity: .error, page: at, check: "boxes", message: "\(name) has no MediaBox"))
            return
        }
        guard let trim = box(q, page, "/TrimBox") else {
            report.findings.append(.init(severity: .error, page: at, check: "boxes", message: "\(name) has no TrimBox: the shop cannot tell where to cut"))
            return
        }
        let bleed = box(q, page, "/BleedBox") ?? media
        func within(_ a: [Double], _ b: [Double]) -> Bool { a[0] >= b[0] && a[1] >= b[1] && a[2] <= b[2] && a[3] <= b[3] }
        if !within(bleed, media) || !within(trim, bleed) {
            report.findings.append(.init(severity: .error, page: at, check: "boxes",
                                         message: "\(name): the boxes do not nest (TrimBox \(rounded(trim)) in BleedBox \(rounded(bleed)) in MediaBox \(rounded(media)))"))
            return
        }
        let sides = [trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3]]
        if let short = sides.min(), short < Self.requiredBleed {
            report.findings.append(.init(severity: short <= 0 ? .error : .warning, page: at, check: "bleed",
                                         message: "\(name): the file's bleed is \(String(format: "%.2f", short * 25.4 / 72)) mm on its shortest side; shops ask 3 mm",
                                         hint: "set `page: { bleed: 3mm }` in the layout"))
        }
    }

    /// Info and XMP on every field they share (ISO 15930-7 asks them to agree).
    private func checkMetadata(_ q: qpdf_data, root: qpdf_oh, label: String, into report: inout PreflightReport) {
        let info = qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Info")
        func infoText(_ key: String) -> String? {
            let value = qpdf_oh_get_key(q, info, key)
            if qpdf_oh_is_name(q, value) != 0 { return String(name(q, value).dropFirst()) }
            guard qpdf_oh_is_string(q, value) != 0, let text = qpdf_oh_get_utf8_value(q, value) else { return nil }
            return String(cString: text)
        }
        let metadata = qpdf_oh_get_key(q, root, "/Metadata")
        var buffer: UnsafeMutablePointer<UInt8>?
        var length = 0
        guard qpdf_oh_is_stream(q, metadata) != 0,
              qpdf_oh_get_stream_data(q, metadata, qpdf_dl_generalized, nil, &buffer, &length) & QPDF_ERRORS == 0, let buffer else {
            report.findings.append(.init(severity: .error, page: nil, check: "metadata", message: "\(label)no XMP metadata, which PDF/X-4 requires"))
            return
        }
        let xmp = String(decoding: UnsafeBufferPointer(start: buffer, count: length), as: UTF8.self)
        free(buffer)
        func xmpText(_ property: String) -> String? {
            guard let start = xmp.range(of: "<\(property)>"), let end = xmp.range(of: "</\(property)>", range: start.upperBound..<xmp.endIndex) else { return nil }
            var value = String(xmp[start.upperBound..<end.lowerBound])
            // An rdf:Alt or rdf:Seq: its first item.
            if let li = value.range(of: "<rdf:li"), let open = value.range(of: ">", range: li.upperBound..<value.endIndex),
               let close = value.range(of: "</rdf:li>", range: open.upperBound..<value.endIndex) {
                value = String(value[open.upperBound..<close.lowerBound])
            }
            return value.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
        for (key, property) in [("/Title", "dc:title"), ("/Author", "dc:creator"), ("/Subject", "dc:description"),
                                ("/Creator", "xmp:CreatorTool"), ("/Producer", "pdf:Producer"), ("/Trapped", "pdf:Trapped")] {
            let a = infoText(key), b = xmpText(property)
            guard a != b else { continue }
            report.findings.append(.init(severity: .error, page: nil, check: "metadata",
                                         message: "\(label)Info \(key) “\(a ?? "—")” and XMP \(property) “\(b ?? "—")” differ; PDF/X asks them to agree"))
        }
    }

    private func rounded(_ box: [Double]) -> String {
        "[" + box.map { String(format: "%.2f", $0) }.joined(separator: " ") + "]"
    }
}
