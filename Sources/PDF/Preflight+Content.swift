internal import CQPDF
import Diagnostics
import Foundation
import Imaging
import Model

/// What the print PDF is expected to be, for the checks of its content: CMYK in the printing
/// condition (`print: { colour: cmyk }`) with an ink limit, black text overprinting — or sRGB
/// left to the shop's RIP.
public struct PrintExpectations: Sendable {
    public var cmyk: Bool
    /// Total ink allowed, as a fraction per plate summed (3.0 is 300 %).
    public var inkLimit: Double
    public var overprintBlack: Bool

    public init(cmyk: Bool = false, inkLimit: Double = 3.0, overprintBlack: Bool = true) {
        self.cmyk = cmyk
        self.inkLimit = inkLimit
        self.overprintBlack = overprintBlack
    }
}

/// The checks of what each page paints (issue 14, item 7), on the finished file: colour spaces
/// of text, rules, fills and images; text on the black plate, rich black, overprint; the ink of
/// every CMYK image, decoded as the RIP decodes it; the blend space of transparency groups; and
/// whether artwork that crosses the trim reaches the edge of the bleed.
extension Preflight {
    /// What the pages of one file showed, for the findings given once per file.
    struct ContentTally {
        var blackTextPages: [Int] = []
        var overprintingPages: [Int] = []
        var knockoutPages: [Int] = []
        var groups = 0
        /// Pages whose printer's marks (strokes outside the bleed) are in registration colour, or are not.
        var registrationPages: [Int] = []
        var singlePlateMarkPages: [Int] = []
        /// Most ink of each CMYK image measured, by object id (an image drawn twice is decoded once).
        var inks: [Int: Int] = [:]
    }

    /// `locate` names where the content at a point of the page (PDF coordinates, with the
    /// page's TrimBox) came from: images' findings carry their figure's `file:line:col`.
    func checkContent(_ q: qpdf_data, page: qpdf_oh, number: Int, label: String, print: PrintExpectations, scan: ContentScan,
                      tally: inout ContentTally, locate: ((Double, Double, [Double]) -> SourceRange?)?, into report: inout PreflightReport) {
        func add(_ severity: PreflightReport.Severity, _ check: String, _ message: String, hint: String? = nil, at rect: [Double]? = nil) {
            let trim = box(q, page, "/TrimBox")
            let source = rect.flatMap { r in trim.flatMap { locate?((r[0] + r[2]) / 2, (r[1] + r[3]) / 2, $0) } }
            report.findings.append(.init(severity: severity, page: label.isEmpty ? number : nil, check: check,
                                         message: "\(label)page \(number): " + message, hint: hint, source: source))
        }
        var text = (rgb: 0, rich: 0, black: 0, overprinting: 0, knockout: 0), rgbArt = 0
        for (mark, count) in scan.marks {
            if mark.colour.space == .rgb { if mark.kind == .text { text.rgb += count } else { rgbArt += count } }
            guard mark.kind == .text else { continue }
            if mark.colour.isRichBlack { text.rich += count }
            if mark.colour.isPureBlack {
                text.black += count
                if mark.overprint { text.overprinting += count } else { text.knockout += count }
            }
        }
        if print.cmyk {
            if text.rgb > 0 {
                add(.error, "colour", "\(text.rgb) text run(s) in RGB in a CMYK print: the RIP converts them, and black becomes four-colour",
                    hint: "rebuild with Bantin; a PDF edited afterwards must keep its text in the printing condition's CMYK")
            }
            if rgbArt > 0 { add(.warning, "colour", "\(rgbArt) rule(s) or fill(s) in RGB in a CMYK print: the RIP converts them") }
        } else if scan.marks.contains(where: { $0.key.kind == .text && $0.key.colour.space == .rgb && $0.key.colour.components.allSatisfy { $0 < 0.01 } }) {
            add(.warning, "colour", "black text in RGB: the RIP makes it four-colour black")
        }
        if text.rich > 0 {
            add(.warning, "rich-black", "\(text.rich) text run(s) in rich black (every ink, 250 % or more): small type blurs when the plates do not register",
                hint: "set text in black (K 100 %) only")
        }
        if text.black > 0 { tally.blackTextPages.append(number) }
        if text.overprinting > 0 { tally.overprintingPages.append(number) }
        if print.cmyk, print.overprintBlack, text.knockout > 0 { tally.knockoutPages.append(number) }

        if let bleed = box(q, page, "/BleedBox") ?? box(q, page, "/MediaBox") {
            let marks = scan.strokes.filter { s in s.rect[2] < bleed[0] || s.rect[0] > bleed[2] || s.rect[3] < bleed[1] || s.rect[1] > bleed[3] }
            if marks.contains(where: { $0.colour.space != .named("/Separation /All") }) { tally.singlePlateMarkPages.append(number) }
            else if !marks.isEmpty { tally.registrationPages.append(number) }
        }
        checkImages(q, scan.images, number: number, print: print, tally: &tally, add: add)
        checkGroup(q, page, print: print, tally: &tally, add: add)
        // On booklet sheets, creep moves inner pages' outer bleed inwards by design; print.pdf's
        // pages are where artwork and bleed are checked.
        if label.isEmpty { checkArtworkBleed(q, page, scan: scan, add: add) }
    }

    /// Each image's colour space against the print's, and each CMYK image's most ink against the limit.
    private func checkImages(_ q: qpdf_data, _ images: [(id: Int, rect: [Double])], number: Int, print: PrintExpectations,
                             tally: inout ContentTally, add: (PreflightReport.Severity, String, String, String?, [Double]?) -> Void) {
        let limit = Int((print.inkLimit * 255).rounded())
        for image in images where image.id > 0 {
            let object = qpdf_get_object_by_id(q, Int32(image.id), 0)
            let dict = qpdf_oh_get_dict(q, object)
            let space = qpdf_oh_get_key(q, dict, "/ColorSpace")
            let spaceName = qpdf_oh_is_name(q, space) != 0 ? name(q, space) : components(q, space) == 4 ? "/DeviceCMYK" : "/ICCBased"
            guard spaceName == "/DeviceCMYK" else {
                if print.cmyk {
                    add(.warning, "image-colour", "an image in \(spaceName.dropFirst()) in a CMYK print: the RIP converts it, and its ink is not limited",
                        nil, image.rect)
                }
                continue
            }
            guard let most = tally.inks[image.id] ?? measureInk(q, object) else {
                add(.error, "image", "an image in CMYK cannot be decoded: the RIP will fail on it or print it wrong", nil, image.rect)
                continue
            }
            tally.inks[image.id] = most
            if most > limit + 2 {
                add(.error, "ink", "an image carries \(most * 100 / 255) % of ink at its darkest, above the limit of \(limit * 100 / 255) %",
                    "convert it with the shop's profile and ink limit (Bantin does, with `print: { colour: cmyk }`)", image.rect)
            }
        }
    }

    /// The most ink (0–1020) of a CMYK image as its PDF reads it: a JPEG decoded, Flate data
    /// unpacked, `/Decode [1 0 …]` honoured.
    private func measureInk(_ q: qpdf_data, _ object: qpdf_oh) -> Int? {
        let dict = qpdf_oh_get_dict(q, object)
        let decode = qpdf_oh_get_key(q, dict, "/Decode")
        let inverted = qpdf_oh_is_array(q, decode) != 0 && qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, decode, 0)) == 1
        let filter = qpdf_oh_get_key(q, dict, "/Filter")
        // `/DCTDecode`, or `[/DCTDecode]`: a JPEG on its own, decoded here; anything else qpdf unpacks.
        let only = qpdf_oh_is_array(q, filter) != 0 && qpdf_oh_get_array_n_items(q, filter) == 1 ? qpdf_oh_get_array_item(q, filter, 0) : filter
        let jpeg = name(q, only) == "/DCTDecode"
        let width = Int(qpdf_oh_get_numeric_value(q, qpdf_oh_get_key(q, dict, "/Width")))
        let height = Int(qpdf_oh_get_numeric_value(q, qpdf_oh_get_key(q, dict, "/Height")))
        let bits = Int(qpdf_oh_get_numeric_value(q, qpdf_oh_get_key(q, dict, "/BitsPerComponent")))
        // The stream as stored names the measurement; it is unpacked only when not yet measured.
        // Bytes qpdf could not unpack (a filter it does not know) are never measured as samples.
        func data(_ level: qpdf_stream_decode_level_e, _ use: (UnsafeBufferPointer<UInt8>) -> Int?) -> Int? {
            var buffer: UnsafeMutablePointer<UInt8>?
            var length = 0
            var filtered: QPDF_BOOL = QPDF_FALSE
            guard qpdf_oh_get_stream_data(q, object, level, &filtered, &buffer, &length) & QPDF_ERRORS == 0, let buffer else { return nil }
            defer { free(buffer) }
            if level != qpdf_dl_none, filtered == QPDF_FALSE, qpdf_oh_is_null(q, filter) == 0 { return nil }
            return use(UnsafeBufferPointer(start: buffer, count: length))
        }
        func measure(_ stored: UnsafeBufferPointer<UInt8>) -> Int? {
            if jpeg {
                // libjpeg-turbo gives an Adobe CMYK JPEG's samples as stored: `inverted` says how the PDF reads them.
                return try? CMYKConversion.mostInk(jpeg: Data(buffer: stored), inverted: inverted, name: "image")
            }
            guard bits == 8 else { return nil }
            return data(qpdf_dl_generalized) { samples in
                samples.count >= width * height * 4 ? CMYKConversion.mostInk(samples: samples, inverted: inverted) : nil
            }
        }
        return data(qpdf_dl_none) { stored in
            guard let inks else { return measure(stored) }
            // How the bytes are read: the whole image dictionary (filters, their parameters, /Decode, size).
            let reading = qpdf_oh_unparse(q, dict).map { String(cString: $0) } ?? ""
            return inks.most(stored, reading: reading, measure: { measure(stored) })
        }
    }

    /// A transparency group's blend space must be the print's: CMYK when the print is.
    private func checkGroup(_ q: qpdf_data, _ page: qpdf_oh, print: PrintExpectations, tally: inout ContentTally,
                            add: (PreflightReport.Severity, String, String, String?, [Double]?) -> Void) {
        let group = qpdf_oh_get_key(q, page, "/Group")
        guard qpdf_oh_is_dictionary(q, group) != 0 else { return }
        tally.groups += 1
        let cs = qpdf_oh_get_key(q, group, "/CS")
        let space = qpdf_oh_is_name(q, cs) != 0 ? name(q, cs) : components(q, cs) == 4 ? "/DeviceCMYK" : components(q, cs) == 3 ? "/DeviceRGB" : "none"
        if print.cmyk, space != "/DeviceCMYK" {
            add(.error, "blend-space", "the page's transparency group blends in \(space.dropFirst()), not in the printing condition's CMYK",
                "the RIP would blend in RGB and convert afterwards: colours shift where transparency is", nil)
        }
    }

    /// Images and filled rectangles that cross the trim must reach the bleed's edge: a strip of
    /// paper between them shows as a white hairline after trimming.
    private func checkArtworkBleed(_ q: qpdf_data, _ page: qpdf_oh, scan: ContentScan,
                                   add: (PreflightReport.Severity, String, String, String?, [Double]?) -> Void) {
        guard let trim = box(q, page, "/TrimBox") else { return }
        let bleed = box(q, page, "/BleedBox") ?? trim
        var short: [String: Double] = [:]
        for rect in scan.images.map(\.rect) + scan.fills {
            let crossing = (left: rect[0] < trim[0] - 0.5, bottom: rect[1] < trim[1] - 0.5,
                            right: rect[2] > trim[2] + 0.5, top: rect[3] > trim[3] + 0.5)
            let gaps = [("left", crossing.left, rect[0] - bleed[0]), ("bottom", crossing.bottom, rect[1] - bleed[1]),
                        ("right", crossing.right, bleed[2] - rect[2]), ("top", crossing.top, bleed[3] - rect[3])]
            for (side, crosses, gap) in gaps where crosses && gap > 0.05 { short[side] = max(short[side] ?? 0, gap) }
        }
        for (side, gap) in short.sorted(by: { $0.key < $1.key }) {
            add(.error, "bleed-artwork", "artwork crosses the trim on the \(side) but stops \(String(format: "%.2f", gap * 25.4 / 72)) mm short of the bleed's edge",
                "extend it the full bleed, so no white line shows after trimming", nil)
        }
    }

    /// The findings given once per file, from what every page showed.
    func report(_ tally: ContentTally, label: String, print: PrintExpectations, into report: inout PreflightReport) {
        func pages(_ list: [Int]) -> String {
            list.count > 8 ? "\(list.count) pages" : "page" + (list.count == 1 ? " " : "s ") + list.map(String.init).joined(separator: ", ")
        }
        let byPages: [(pages: [Int], severity: PreflightReport.Severity, check: String, message: String, hint: String?)] = [
            (tally.knockoutPages, .warning, "overprint", "black text knocks out on %@: a plate out of register shows a white halo",
             "keep `print: { overprint-black: true }`"),
            (tally.overprintingPages, .information, "overprint", "black text overprints on %@", nil),
            (print.cmyk ? tally.blackTextPages : [], .information, "black-plate", "black text is on the black plate only (K 100 %) on %@", nil),
            (tally.singlePlateMarkPages, .warning, "marks",
             "printer's marks outside the bleed are not in registration colour on %@: they print on some plates only",
             "marks belong in /Separation /All, as Bantin draws them"),
            (tally.registrationPages, .information, "marks", "printer's marks in registration colour (every plate) on %@", nil),
        ]
        for finding in byPages where !finding.pages.isEmpty {
            report.findings.append(.init(severity: finding.severity, page: nil, check: finding.check,
                                         message: label + finding.message.replacingOccurrences(of: "%@", with: pages(finding.pages)),
                                         hint: finding.hint))
        }
        if tally.groups == 0 {
            report.findings.append(.init(severity: .information, page: nil, check: "blend-space",
                                         message: "\(label)no transparency groups: nothing is blended, so no blend space applies"))
        }
        if !tally.inks.isEmpty {
            let most = tally.inks.values.max() ?? 0
            report.findings.append(.init(severity: .information, page: nil, check: "ink",
                                         message: "\(label)\(tally.inks.count) CMYK image(s), the darkest point \(most * 100 / 255) % of ink (limit \(Int((print.inkLimit * 100).rounded())) %)"))
        }
    }

    /// Every page's content, taken from qpdf one page after another as stored, then inflated
    /// (libdeflate) and scanned side by side. A stream with filters other than a plain
    /// `/FlateDecode` is decoded by qpdf instead.
    func scanPages(_ q: qpdf_data) -> [ContentScan] {
        enum Piece: Sendable { case deflated([UInt8]), plain([UInt8]) }
        var known: [Int: ContentScan.Resolver] = [:]
        let inputs = (0..<Int(qpdf_get_num_pages(q))).map { n -> (pieces: [Piece], resolver: ContentScan.Resolver) in
            let page = qpdf_get_page_n(q, n)
            let table = resolver(q, resources: qpdf_oh_get_key(q, page, "/Resources"), known: &known)
            let contents = qpdf_oh_get_key(q, page, "/Contents")
            let streams = qpdf_oh_is_array(q, contents) != 0
                ? (0..<Int(qpdf_oh_get_array_n_items(q, contents))).map { qpdf_oh_get_array_item(q, contents, Int32($0)) } : [contents]
            let pieces = streams.compactMap { stream -> Piece? in
                guard qpdf_oh_is_stream(q, stream) != 0 else { return nil }
                let dict = qpdf_oh_get_dict(q, stream)
                let filter = qpdf_oh_get_key(q, dict, "/Filter")
                let plainFlate = name(q, filter) == "/FlateDecode" && qpdf_oh_has_key(q, dict, "/DecodeParms") == 0
                let stored = plainFlate || qpdf_oh_is_null(q, filter) != 0
                var buffer: UnsafeMutablePointer<UInt8>?
                var length = 0
                guard qpdf_oh_get_stream_data(q, stream, stored ? qpdf_dl_none : qpdf_dl_generalized, nil, &buffer, &length) & QPDF_ERRORS == 0,
                      let buffer else { return nil }
                defer { free(buffer) }
                let bytes = Array(UnsafeBufferPointer(start: buffer, count: length))
                return plainFlate ? .deflated(bytes) : .plain(bytes)
            }
            return (pieces, table)
        }
        let scans = Parallel.map(inputs) { input -> ContentScan? in
            var content: [UInt8] = []
            for piece in input.pieces {
                switch piece {
                case .deflated(let bytes):
                    guard let inflated = Deflate.decompress(bytes) else { return nil }
                    content += inflated
                case .plain(let bytes): content += bytes
                }
                content.append(10)  // streams of a page join as if by white space
            }
            var scan = ContentScan()
            scan.scan(content, resolver: input.resolver)
            return scan
        }
        // A stream libdeflate refused (qpdf may still recover it, as a reader would): qpdf decodes that page.
        return scans.enumerated().map { n, scan in
            if let scan { return scan }
            var buffer: UnsafeMutablePointer<UInt8>?
            var length = 0
            var again = ContentScan()
            guard qpdf_oh_get_page_content_data(q, qpdf_get_page_n(q, n), &buffer, &length) & QPDF_ERRORS == 0, let buffer else { return again }
            defer { free(buffer) }
            again.scan(Array(UnsafeBufferPointer(start: buffer, count: length)), resolver: inputs[n].resolver)
            return again
        }
    }

    /// What the scan needs of `resources`, read out of the file: forms (entered, with their own
    /// resources, at most 8 deep), images by object id, graphics states' overprint, colour spaces.
    /// `known` keeps the tables of indirect resource dictionaries already read (pages share one).
    func resolver(_ q: qpdf_data, resources: qpdf_oh, known: inout [Int: ContentScan.Resolver], depth: Int = 0) -> ContentScan.Resolver {
        let id = Int(qpdf_oh_get_object_id(q, resources))
        if id > 0, let table = known[id] { return table }
        var table = ContentScan.Resolver()
        let states = qpdf_oh_get_key(q, resources, "/ExtGState")
        for key in keys(q, states) {
            let state = qpdf_oh_get_key(q, states, key)
            func flag(_ key: String) -> Bool? {
                let v = qpdf_oh_get_key(q, state, key)
                return qpdf_oh_is_bool(q, v) != 0 ? qpdf_oh_get_bool_value(q, v) != 0 : nil
            }
            let stroke = flag("/OP")
            table.overprints[key] = .init(stroke: stroke, fill: flag("/op") ?? stroke)
        }
        let spaces = qpdf_oh_get_key(q, resources, "/ColorSpace")
        for key in keys(q, spaces) {
            let space = qpdf_oh_get_key(q, spaces, key)
            guard qpdf_oh_is_array(q, space) != 0 else {
                table.colourSpaces[key] = name(q, space)
                continue
            }
            let family = name(q, qpdf_oh_get_array_item(q, space, 0))
            switch family {
            case "/Separation": table.colourSpaces[key] = family + " " + name(q, qpdf_oh_get_array_item(q, space, 1))
            // An ICC-based space counts as the device space of its components: RGB text stays RGB text.
            case "/ICCBased": table.colourSpaces[key] = [1: "/DeviceGray", 3: "/DeviceRGB", 4: "/DeviceCMYK"][components(q, space)] ?? family
            default: table.colourSpaces[key] = family
            }
        }
        let xobjects = qpdf_oh_get_key(q, resources, "/XObject")
        var forms: [(String, qpdf_oh)] = []
        for key in keys(q, xobjects) {
            let object = qpdf_oh_get_key(q, xobjects, key)
            guard qpdf_oh_is_stream(q, object) != 0 else { continue }
            switch name(q, qpdf_oh_get_key(q, qpdf_oh_get_dict(q, object), "/Subtype")) {
            case "/Image": table.images[key] = Int(qpdf_oh_get_object_id(q, object))
            case "/Form": forms.append((key, object))
            default: break
            }
        }
        // Forms last: one without resources of its own uses this table, which must be whole by then.
        for (key, object) in forms where depth < 8 {
            let dict = qpdf_oh_get_dict(q, object)
            var buffer: UnsafeMutablePointer<UInt8>?
            var length = 0
            guard qpdf_oh_get_stream_data(q, object, qpdf_dl_generalized, nil, &buffer, &length) & QPDF_ERRORS == 0,
                  let buffer else { continue }
            let content = Array(UnsafeBufferPointer(start: buffer, count: length))
            free(buffer)
            let own = qpdf_oh_get_key(q, dict, "/Resources")
            let matrixObject = qpdf_oh_get_key(q, dict, "/Matrix")
            let matrix = qpdf_oh_get_array_n_items(q, matrixObject) == 6
                ? (0..<6).map { qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, matrixObject, Int32($0))) } : [1, 0, 0, 1, 0, 0]
            let inner = qpdf_oh_is_dictionary(q, own) != 0 ? resolver(q, resources: own, known: &known, depth: depth + 1) : table
            table.forms[key] = ContentScan.Resolver.Form(content: content, resolver: inner, matrix: matrix)
        }
        if id > 0 { known[id] = table }
        return table
    }

    /// The number of components of an `[/ICCBased stream]` colour space (0 when it is not one).
    private func components(_ q: qpdf_data, _ space: qpdf_oh) -> Int {
        guard qpdf_oh_is_array(q, space) != 0, qpdf_oh_get_array_n_items(q, space) >= 2 else { return 0 }
        let stream = qpdf_oh_get_array_item(q, space, 1)
        return Int(qpdf_oh_get_numeric_value(q, qpdf_oh_get_key(q, qpdf_oh_get_dict(q, stream), "/N")))
    }

    /// A page box as [x0 y0 x1 y1], normalised.
    func box(_ q: qpdf_data, _ page: qpdf_oh, _ key: String) -> [Double]? {
        let array = qpdf_oh_get_key(q, page, key)
        guard qpdf_oh_is_array(q, array) != 0, qpdf_oh_get_array_n_items(q, array) == 4 else { return nil }
        let v = (0..<4).map { qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, array, Int32($0))) }
        return [min(v[0], v[2]), min(v[1], v[3]), max(v[0], v[2]), max(v[1], v[3])]
    }
}
