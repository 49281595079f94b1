import Diagnostics
internal import CQPDF
import Foundation
import Model
import Pages

/// What the printing shop would complain about, page by page (PRINT.md, "Checking a PDF"):
/// boxes and bleed, fonts and their embedding, each image's effective resolution at its placed
/// size, colour spaces, transparency, text outside the safe zone, the page count against
/// saddle stitching — and a verdict. Built from the pages, and from the finished PDF when there is one.
public struct Preflight {
    public static let safeZone: Pt = .mm(5)
    public static let warningPPI = 250.0
    public static let errorPPI = 150.0

    /// Measurements of CMYK images kept between builds (none: every image is decoded).
    let inks: InkMemo?

    public init(inks: InkMemo? = nil) {
        self.inks = inks
    }

    /// `locate` names, for a point on the page at an index of `pages`, the paragraph or figure
    /// of the sources that put something there; findings about text and images carry it.
    public func check(_ pages: [Page], pdf: URL?, pdfx: Bool, print: PrintExpectations = PrintExpectations(),
                      locate: ((_ page: Int, _ at: Point) -> SourceRange?)? = nil) -> PreflightReport {
        var report = PreflightReport(pages: [], findings: [], fonts: [], pageCount: pages.count, pdfx: pdfx ? "PDF/X-4" : "none")
        for (index, page) in pages.enumerated() {
            var entry = PreflightReport.PageEntry(number: page.number, trimBox: box(page.trimBox),
                                                  bleed: page.bleed.millimetres, images: [], textOutsideSafeZone: 0)
            let safe = page.trimBox.insetBy(Self.safeZone)
            for item in page.items {
                switch item {
                case .image(let image, let frame, let clip):
                    // Effective resolution: pixels over the placed size in inches.
                    let ppi = min(Double(image.pixelWidth) / (frame.width.value / 72), Double(image.pixelHeight) / (frame.height.value / 72))
                    entry.images.append(.init(file: image.issuePath, format: image.format.rawValue, pixels: "\(image.pixelWidth)×\(image.pixelHeight)",
                                              effectivePPI: (ppi * 10).rounded() / 10))
                    let place = "page \(page.number): \(image.issuePath) at \(Int(ppi.rounded())) ppi"
                    let source = locate?(index, Point(x: frame.x + frame.width / 2, y: frame.y + frame.height / 2))
                    if ppi < Self.errorPPI {
                        report.findings.append(.init(severity: .error, page: page.number, check: "image-resolution",
                                                     message: "\(place), below \(Int(Self.errorPPI)) ppi: it will print blurred", source: source))
                    } else if ppi < Self.warningPPI {
                        report.findings.append(.init(severity: .warning, page: page.number, check: "image-resolution",
                                                     message: "\(place), below \(Int(Self.warningPPI)) ppi", source: source))
                    }
                    _ = clip
                case .text(let run, let origin):
                    let left = origin.x, right = origin.x + run.width
                    let top = origin.y - run.size, bottom = origin.y + run.size * 0.3
                    guard left < safe.x || right > safe.maxX || top < safe.y || bottom > safe.maxY else { continue }
                    entry.textOutsideSafeZone += 1
                    let crossesTrim = left < page.trimBox.x || right > page.trimBox.maxX || top < page.trimBox.y || bottom > page.trimBox.maxY
                    report.findings.append(.init(severity: crossesTrim ? .error : .warning, page: page.number, check: "safe-zone",
                                                 message: "page \(page.number): text “\(run.text.prefix(40))” "
                                                     + (crossesTrim ? "crosses the trim edge and will be cut" : "is within 5 mm of the trim"),
                                                 source: locate?(index, origin)))
                default:
                    break
                }
            }
            if page.bleed < .mm(2) {
                report.findings.append(.init(severity: .warning, page: page.number, check: "bleed",
                                             message: "page \(page.number): bleed is \(String(format: "%.1f", page.bleed.millimetres)) mm; shops ask 3 mm"))
            }
            report.pages.append(entry)
        }
        if pages.count % 4 != 0 {
            report.findings.append(.init(severity: .error, page: nil, check: "page-count",
                                         message: "\(pages.count) pages: saddle stitching needs a multiple of 4",
                                         hint: "let the layout pad the issue (`padding: blank`, `notes` or `advert`)"))
        }
        if let pdf {
            // A point of the file's page (PDF coordinates) as a point of the laid page, through the trims.
            let inFile: Locator? = locate.map { locate in
                { index, x, y, trim in
                    guard index < pages.count else { return nil }
                    let page = pages[index]
                    return locate(index, Point(x: page.trimBox.x + Pt(x - trim[0]), y: page.trimBox.y + Pt(trim[3] - y)))
                }
            }
            readPDF(pdf, pdfx: pdfx, print: print, locate: inFile, into: &report)
        }
        return report
    }

    private func box(_ r: Rect) -> [Double] {
        [r.x, r.y, r.maxX, r.maxY].map { ($0.value * 100).rounded() / 100 }
    }

    /// Fonts (and whether each is embedded), colour spaces, transparency, read back from the PDF.
    /// Where the content at (x, y) of the file's page at an index came from, given that page's TrimBox.
    typealias Locator = (_ index: Int, _ x: Double, _ y: Double, _ trim: [Double]) -> SourceRange?

    private func readPDF(_ url: URL, pdfx: Bool, print: PrintExpectations, label: String = "", locate: Locator? = nil,
                         into report: inout PreflightReport) {
        var handle: qpdf_data? = qpdf_init()
        guard let q = handle else { return }
        defer { qpdf_cleanup(&handle) }
        qpdf_silence_errors(q)
        qpdf_set_suppress_warnings(q, QPDF_TRUE)
        guard qpdf_read(q, url.path, nil) & QPDF_ERRORS == 0 else {
            report.findings.append(.init(severity: .error, page: nil, check: "pdf", message: "\(label)the PDF cannot be read back"))
            return
        }
        // Resources and boxes a page inherits from the page tree, as every reader sees them.
        qpdf_push_inherited_attributes_to_page(q)
        var fonts: [String: Bool] = [:]
        var spaces = Set<String>()
        var transparency = false
        var seen = Set<Int>()
        // A page's resources and those of the forms it draws (booklet.pdf's pages are forms), each dictionary once.
        func read(_ resources: qpdf_oh, depth: Int) {
            let id = Int(qpdf_oh_get_object_id(q, resources))
            guard depth < 8, id == 0 || seen.insert(id).inserted else { return }
            let fontDict = qpdf_oh_get_key(q, resources, "/Font")
            for key in keys(q, fontDict) {
                let font = qpdf_oh_get_key(q, fontDict, key)
                var base = name(q, qpdf_oh_get_key(q, font, "/BaseFont"))
                var descriptor = qpdf_oh_get_key(q, font, "/FontDescriptor")
                let descendants = qpdf_oh_get_key(q, font, "/DescendantFonts")
                if qpdf_oh_get_array_n_items(q, descendants) > 0 {
                    let cid = qpdf_oh_get_array_item(q, descendants, 0)
                    descriptor = qpdf_oh_get_key(q, cid, "/FontDescriptor")
                    if base.isEmpty { base = name(q, qpdf_oh_get_key(q, cid, "/BaseFont")) }
                }
                let embedded = ["/FontFile", "/FontFile2", "/FontFile3"].contains { (key: String) in qpdf_oh_has_key(q, descriptor, key) != 0 }
                let clean = base.split(separator: "+").last.map(String.init) ?? base
                fonts[clean] = (fonts[clean] ?? true) && embedded
            }
            let xobjects = qpdf_oh_get_key(q, resources, "/XObject")
            for key in keys(q, xobjects) {
                let x = qpdf_oh_get_dict(q, qpdf_oh_get_key(q, xobjects, key))
                switch name(q, qpdf_oh_get_key(q, x, "/Subtype")) {
                case "/Image":
                    let cs = qpdf_oh_get_key(q, x, "/ColorSpace")
                    spaces.insert(qpdf_oh_is_name(q, cs) != 0 ? name(q, cs) : "/ICCBased")
                    if qpdf_oh_has_key(q, x, "/SMask") != 0 { transparency = true }
                case "/Form":
                    read(qpdf_oh_get_key(q, x, "/Resources"), depth: depth + 1)
                default:
                    break
                }
            }
            let colourSpaces = qpdf_oh_get_key(q, resources, "/ColorSpace")
            if qpdf_oh_has_key(q, colourSpaces, "/DefaultRGB") != 0 { spaces.insert("/DefaultRGB (sRGB)") }
            if qpdf_oh_has_key(q, colourSpaces, "/Reg") != 0 { spaces.insert("/Separation /All (registration)") }
        }
        for n in 0..<Int(qpdf_get_num_pages(q)) { read(qpdf_oh_get_key(q, qpdf_get_page_n(q, n), "/Resources"), depth: 0) }
        checkFile(q, pdfx: pdfx, print: print, label: label, locate: locate, into: &report)
        for font in fonts.keys.sorted() where fonts[font] == false {
            report.findings.append(.init(severity: .error, page: nil, check: "fonts", message: "\(label)the font \(font) is not embedded"))
        }
        if !label.isEmpty {
            report.findings.append(.init(severity: .information, page: nil, check: "fonts",
                                         message: "\(label)\(fonts.count) font(s), \(fonts.values.filter { $0 }.count) embedded"))
            return
        }
        report.fonts = fonts.keys.sorted().map { .init(name: $0, embedded: fonts[$0]!) }
        report.colourSpaces = spaces.sorted()
        report.softMasks = transparency
        if transparency {
            report.findings.append(.init(severity: .warning, page: nil, check: "transparency",
                                         message: "images with transparency (soft masks): fine for PDF/X-4, not for PDF/X-1a"))
        }
    }

    /// booklet.pdf, read as print.pdf is — boxes, output intent, metadata, what each sheet
    /// paints — its findings added to `report`, each naming the file and the sheet.
    public func checkBooklet(_ url: URL, pdfx: Bool, print: PrintExpectations, into report: inout PreflightReport) {
        readPDF(url, pdfx: pdfx, print: print, label: "booklet.pdf ", into: &report)
    }

    func keys(_ q: qpdf_data, _ dict: qpdf_oh) -> [String] {
        guard qpdf_oh_is_dictionary(q, dict) != 0 else { return [] }
        var out: [String] = []
        qpdf_oh_begin_dict_key_iter(q, dict)
        while qpdf_oh_dict_more_keys(q) != 0 {
            if let key = qpdf_oh_dict_next_key(q) { out.append(String(cString: key)) }
        }
        return out
    }

    func name(_ q: qpdf_data, _ oh: qpdf_oh) -> String {
        guard qpdf_oh_is_name(q, oh) != 0, let n = qpdf_oh_get_name(q, oh) else { return "" }
        return String(cString: n)
    }
}

/// The preflight's findings, written as `preflight.json` and `preflight.html`.
public struct PreflightReport: Codable, Sendable {
    /// As a shop groups its findings: errors stop the job, warnings want a look, information
    /// says what was checked and found in order.
    public enum Severity: String, Codable, Sendable { case error, warning, information }

    public struct Finding: Codable, Sendable {
        public var severity: Severity
        public var page: Int?
        public var check: String
        public var message: String
        public var hint: String?
        /// Where the text or image came from, when an article put it there: `path:line:column`.
        public var source: String?
        /// The same, for diagnostics.
        public var range: SourceRange? {
            guard let source else { return nil }
            let parts = source.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else { return nil }
            return SourceRange(path: parts.dropLast(2).joined(separator: ":"), line: line, column: column)
        }

        init(severity: Severity, page: Int?, check: String, message: String, hint: String? = nil, source: SourceRange? = nil) {
            self.severity = severity
            self.page = page
            self.check = check
            self.message = message
            self.hint = hint
            self.source = source.map { "\($0.path):\($0.start.line):\($0.start.column)" }
        }
    }

    public struct PageEntry: Codable, Sendable {
        public var number: Int
        /// Trim box in points from the top-left corner of the media.
        public var trimBox: [Double]
        public var bleed: Double
        public var images: [Image]
        public var textOutsideSafeZone: Int

        public struct Image: Codable, Sendable {
            public var file: String
            public var format: String
            public var pixels: String
            public var effectivePPI: Double
        }
    }

    public struct Font: Codable, Sendable {
        public var name: String
        public var embedded: Bool
    }

    public var pages: [PageEntry]
    public var findings: [Finding]
    public var fonts: [Font]
    public var pageCount: Int
    public var pdfx: String
    public var colourSpaces: [String] = []
    public var softMasks = false

    public var errors: Int { findings.filter { $0.severity == .error }.count }
    public var warnings: Int { findings.filter { $0.severity == .warning }.count }

    /// "pass", "pass with warnings" or "fail".
    public var verdict: String { errors > 0 ? "fail" : warnings > 0 ? "pass with warnings" : "pass" }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var report = self
        report.findings.sort { ($0.page ?? 0, $0.check) < ($1.page ?? 0, $1.check) }
        var data = try encoder.encode(Envelope(verdict: verdict, errors: errors, warnings: warnings, report: report))
        data.append(10)
        return data
    }

    private struct Envelope: Codable {
        var verdict: String
        var errors: Int
        var warnings: Int
        var report: PreflightReport
    }
}
