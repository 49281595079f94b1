internal import CQPDF
import Foundation
import Model
import Output
import Pages

/// Writes print.pdf or screen.pdf around the shared page content (`PreparedPages`), assembled
/// and written by libqpdf in one pass — no file is drawn and read back.
///
/// - print: media = trim + bleed (+ room for crop marks, the page moved in by a `cm`), TrimBox
///   and BleedBox, and for PDF/X-4 the output intent, XMP and sRGB as `/DefaultRGB`;
/// - screen: trim-size pages (the content moved by −bleed), link annotations, named
///   destinations for the anchors, the outline and page labels.
///
/// Info (`D:` dates, `/Trapped`), the output intent and labels are the finisher's code
/// (`Finisher`), applied to this document's handle.
public struct DocumentWriter: Sendable {
    let prepared: PreparedPages
    /// Whether to write the prepared pages' CMYK variant (print.pdf with `colour: cmyk`).
    let cmyk: Bool

    public init(_ prepared: PreparedPages, cmyk: Bool = false) {
        precondition(!cmyk || prepared.hasCMYK, "the CMYK variant was not prepared")
        self.prepared = prepared
        self.cmyk = cmyk
    }

    /// Writes the PDF to `url` through a temporary file: a failure leaves the old file.
    public func write(metadata: PDFMetadata, kind: PDFKind, to url: URL) throws {
        try OutputFile.write(to: url) { temporary in try write(metadata: metadata, kind: kind, into: temporary) }
    }

    /// Writes the PDF through a temporary file that `vet` judges: accepted, it goes to `url`;
    /// refused, to `rejected`, and the file at `url` stays as it was. Returns whether it was accepted.
    public func write(metadata: PDFMetadata, kind: PDFKind, to url: URL, rejectingTo rejected: URL, vet: (URL) -> Bool) throws -> Bool {
        try OutputFile.write(to: url, rejectingTo: rejected, { temporary in try write(metadata: metadata, kind: kind, into: temporary) },
                             vet: vet)
    }

    private func write(metadata: PDFMetadata, kind: PDFKind, into temporary: URL) throws {
        let doc = try QPDFDocument()
        var finisher = Finisher(metadata: metadata, pdfx: nil)
        if case .print(let options) = kind, let x = options.pdfx { finisher.pdfx = Finisher.PDFX(x) }
        try assemble(doc, kind: kind, finisher: finisher)
        if case .screen = kind { finisher.setPageLabels(doc.q, prepared.pages.map(\.number)) }
        try finisher.finish(doc, to: temporary)
    }

    private func assemble(_ doc: QPDFDocument, kind: PDFKind, finisher: Finisher) throws {
        let resources = try self.resources(doc, rgbProfile: finisher.pdfx?.rgbProfile)
        var shared = SharedStreams()
        var pageObjects: [qpdf_oh] = []
        var destinations: [(name: String, page: Int, x: Double, y: Double)] = []
        var links: [(page: Int, area: PageContent.LinkArea, dx: Double, dy: Double)] = []
        for (index, (page, content)) in zip(prepared.pages, prepared.contents).enumerated() {
            let body = doc.stream(cmyk ? content.cmykStream ?? content.stream : content.stream, filter: "/FlateDecode")
            let pageDict = doc.dictionary(["/Type": doc.name("/Page"), "/Resources": resources])
            switch kind {
            case .print(let options):
                printPage(doc, page, body: body, slug: content.slug, options: options, into: pageDict, shared: &shared)
            case .screen:
                let (dx, dy) = screenPage(doc, page, body: body, into: pageDict, shared: &shared)
                for anchor in content.anchors { destinations.append((anchor.name, index, anchor.x + dx, anchor.y + dy)) }
                for area in content.links { links.append((index, area, dx, dy)) }
            }
            try doc.addPage(pageDict)
            pageObjects.append(qpdf_get_page_n(doc.q, index))
        }
        if case .screen(let outline) = kind {
            let names = Set(destinations.map(\.name))
            addDestinations(doc, destinations, pages: pageObjects)
            addLinks(doc, links, pages: pageObjects, destinations: names)
            addOutline(doc, outline, destinations: names)
        }
    }

    /// print.pdf's page: media = trim + bleed, grown for the printer's marks (the content and
    /// its slug line moved in by a `cm`, the other marks drawn after it), with its TrimBox and BleedBox.
    private func printPage(_ doc: QPDFDocument, _ page: Page, body: qpdf_oh, slug: [UInt8]?, options: PrintOptions, into dict: qpdf_oh,
                           shared: inout SharedStreams) {
        let trim = page.trimBox
        let margin = options.marks.isEmpty ? 0 : CropMarks.room(bleed: page.bleed) - page.bleed
        let media = Size(width: page.mediaSize.width + margin * 2, height: page.mediaSize.height + margin * 2)
        let t = Rect(x: trim.x + margin, y: trim.y + margin, width: trim.width, height: trim.height)
        doc.set(dict, "/MediaBox", doc.reals([0, 0, media.width.value, media.height.value]))
        doc.set(dict, "/TrimBox", doc.box(t, height: media.height))
        doc.set(dict, "/BleedBox", doc.box(t.insetBy(-page.bleed), height: media.height))
        guard !options.marks.isEmpty else {
            doc.set(dict, "/Contents", body)
            return
        }
        let shift = shared.stream("q 1 0 0 1 \(PDFNumber.format(margin.value)) \(PDFNumber.format(margin.value)) cm\n", doc)
        var marks = "Q\n"
        if options.marks.contains(.crop) { marks += CropMarks.operators(trim: t, bleed: page.bleed, height: media.height) }
        if options.marks.contains(.registration) { marks += PressMarks.registrationTargets(trim: t, bleed: page.bleed, height: media.height) }
        if options.marks.contains(.colourBar) { marks += PressMarks.colourBar(trim: t, bleed: page.bleed, height: media.height) }
        let slugStream = slug.map { doc.stream($0, filter: "/FlateDecode") }
        doc.set(dict, "/Contents", doc.array([shift, body] + (slugStream.map { [$0] } ?? []) + [shared.stream(marks, doc)]))
    }

    /// screen.pdf's page: trim size, the content moved by −bleed; returns that move.
    private func screenPage(_ doc: QPDFDocument, _ page: Page, body: qpdf_oh, into dict: qpdf_oh,
                            shared: inout SharedStreams) -> (dx: Double, dy: Double) {
        let trim = page.trimBox
        let dx = -trim.x.value, dy = -(page.mediaSize.height - trim.maxY).value
        doc.set(dict, "/MediaBox", doc.reals([0, 0, trim.width.value, trim.height.value]))
        let shift = shared.stream("1 0 0 1 \(PDFNumber.format(dx)) \(PDFNumber.format(dy)) cm\n", doc)
        doc.set(dict, "/Contents", doc.array([shift, body]))
        return (dx, dy)
    }

    /// One resource dictionary for every page: all fonts, all images, and `/DefaultRGB` (sRGB)
    /// for PDF/X-4; in CMYK, the overprint switches of black text and rules.
    func resources(_ doc: QPDFDocument, rgbProfile: Data?) throws -> qpdf_oh {
        let fonts = qpdf_oh_new_dictionary(doc.q)
        for font in prepared.fonts { doc.set(fonts, "/" + font.name, try fontObject(doc, font)) }
        let images = qpdf_oh_new_dictionary(doc.q)
        for (name, image) in cmyk ? prepared.cmykImages ?? prepared.images : prepared.images {
            var entries: [(String, qpdf_oh)] = [
                ("/Type", doc.name("/XObject")), ("/Subtype", doc.name("/Image")),
                ("/Width", doc.integer(image.width)), ("/Height", doc.integer(image.height)),
                ("/ColorSpace", doc.name(image.colorSpace)), ("/BitsPerComponent", doc.integer(image.bitsPerComponent)),
            ]
            if let decode = image.decode { entries.append(("/Decode", doc.array(decode.map(doc.integer)))) }
            if let png = image.pngPredictor {
                entries.append(("/DecodeParms", doc.dictionary(["/Predictor": doc.integer(15), "/Colors": doc.integer(png.colors),
                                                                 "/BitsPerComponent": doc.integer(8), "/Columns": doc.integer(png.columns)])))
            }
            let stream = doc.stream(image.data, filter: image.filter)
            let dict = qpdf_oh_get_dict(doc.q, stream)
            for (key, value) in entries { doc.set(dict, key, value) }
            doc.set(images, "/" + name, stream)
        }
        let resources = doc.dictionary(["/Font": fonts, "/XObject": images,
                                         "/ProcSet": try doc.parse("[/PDF /Text /ImageB /ImageC]")])
        // Registration colour, for the print PDF's crop marks; sRGB as /DefaultRGB for PDF/X-4.
        let spaces = doc.dictionary(["/Reg": try doc.parse(CropMarks.registration)])
        if let rgbProfile {
            doc.set(spaces, "/DefaultRGB", doc.array([doc.name("/ICCBased"), Finisher.iccStream(doc.q, rgbProfile, components: 3)]))
        }
        doc.set(resources, "/ColorSpace", spaces)
        if cmyk {
            doc.set(resources, "/ExtGState", doc.dictionary([
                ContentResources.overprintOn: try doc.parse("<< /Type /ExtGState /OP true /op true /OPM 1 >>"),
                ContentResources.overprintOff: try doc.parse("<< /Type /ExtGState /OP false /op false /OPM 0 >>"),
            ]))
        }
        return doc.indirect(resources)
    }

    /// `Type0` (`/Identity-H`) → `CIDFontType2` with `/CIDToGIDMap /Identity` and `/W` →
    /// `/FontDescriptor` → `/FontFile2` (or `CIDFontType0` and `/FontFile3 /OpenType` for CFF).
    private func fontObject(_ doc: QPDFDocument, _ font: PreparedFont) throws -> qpdf_oh {
        let d = font.descriptor
        let file = font.isCFF
            ? doc.stream(font.file, filter: "/FlateDecode", ["/Subtype": doc.name("/OpenType")])
            : doc.stream(font.file, filter: "/FlateDecode", ["/Length1": doc.integer(font.fileLength)])
        let descriptor = try doc.parse("""
            << /Type /FontDescriptor /FontName /\(font.baseFont) /Flags \(d.flags) \
            /FontBBox [\(d.bbox.map(PDFNumber.format).joined(separator: " "))] /ItalicAngle \(PDFNumber.format(d.italicAngle)) \
            /Ascent \(PDFNumber.format(d.ascent)) /Descent \(PDFNumber.format(d.descent)) \
            /CapHeight \(PDFNumber.format(d.capHeight)) /StemV 80 >>
            """)
        doc.set(descriptor, font.isCFF ? "/FontFile3" : "/FontFile2", file)
        let cid = try doc.parse("""
            << /Type /Font /Subtype /\(font.isCFF ? "CIDFontType0" : "CIDFontType2") /BaseFont /\(font.baseFont) \
            /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 0 >>
            """)
        if !font.isCFF { doc.set(cid, "/CIDToGIDMap", doc.name("/Identity")) }
        doc.set(cid, "/W", try doc.parse(font.widths))
        doc.set(cid, "/FontDescriptor", doc.indirect(descriptor))
        let type0 = try doc.parse("<< /Type /Font /Subtype /Type0 /BaseFont /\(font.baseFont) /Encoding /Identity-H >>")
        doc.set(type0, "/DescendantFonts", doc.array([doc.indirect(cid)]))
        doc.set(type0, "/ToUnicode", doc.stream(font.toUnicode, filter: "/FlateDecode"))
        return doc.indirect(type0)
    }

    /// `/Names << /Dests … >>`: each anchor (the first of a name) as `[page /XYZ x y null]`,
    /// the names sorted as a name tree wants them.
    private func addDestinations(_ doc: QPDFDocument, _ destinations: [(name: String, page: Int, x: Double, y: Double)],
                                 pages: [qpdf_oh]) {
        var seen = Set<String>(), entries: [(String, qpdf_oh)] = []
        for d in destinations where seen.insert(d.name).inserted {
            entries.append((d.name, doc.array([pages[d.page], doc.name("/XYZ"), doc.real(d.x), doc.real(d.y), doc.null])))
        }
        guard !entries.isEmpty else { return }
        entries.sort { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
        let names = doc.array(entries.flatMap { [doc.bytes($0.0), $0.1] })
        let tree = doc.indirect(doc.dictionary(["/Names": names]))
        doc.set(doc.root, "/Names", doc.dictionary(["/Dests": tree]))
    }

    /// A link annotation for each run with a link: `#name` goes to the named destination (when
    /// the document has it), anything else is a URI.
    private func addLinks(_ doc: QPDFDocument, _ links: [(page: Int, area: PageContent.LinkArea, dx: Double, dy: Double)],
                          pages: [qpdf_oh], destinations: Set<String>) {
        var annotations: [Int: [qpdf_oh]] = [:]
        for link in links {
            let r = link.area.rect
            let annotation = doc.dictionary([
                "/Type": doc.name("/Annot"), "/Subtype": doc.name("/Link"),
                "/Rect": doc.reals([r[0] + link.dx, r[1] + link.dy, r[2] + link.dx, r[3] + link.dy]),
                "/Border": doc.array([doc.integer(0), doc.integer(0), doc.integer(0)]),
            ])
            let target = link.area.target
            if target.hasPrefix("#") {
                let name = String(target.dropFirst())
                guard destinations.contains(name) else { continue }
                doc.set(annotation, "/Dest", doc.bytes(name))
            } else {
                doc.set(annotation, "/A", doc.dictionary(["/S": doc.name("/URI"), "/URI": doc.bytes(target)]))
            }
            annotations[link.page, default: []].append(doc.indirect(annotation))
        }
        for (page, list) in annotations { doc.set(pages[page], "/Annots", doc.array(list)) }
    }

    /// The outline (bookmarks): sections with their articles, closed, each going to its anchor.
    private func addOutline(_ doc: QPDFDocument, _ outline: PDFOutline, destinations: Set<String>) {
        guard !outline.entries.isEmpty else { return }
        let root = doc.indirect(doc.dictionary(["/Type": doc.name("/Outlines")]))
        let count = addItems(doc, outline.entries, parent: root)
        doc.set(root, "/Count", doc.integer(count))
        doc.set(doc.root, "/Outlines", root)
    }

    /// Adds `entries` under `parent`; returns how many there are.
    @discardableResult
    private func addItems(_ doc: QPDFDocument, _ entries: [PDFOutline.Entry], parent: qpdf_oh) -> Int {
        let items = entries.map { entry in
            doc.indirect(doc.dictionary(["/Title": doc.text(entry.title), "/Parent": parent, "/Dest": doc.bytes(entry.anchor)]))
        }
        for (i, (item, entry)) in zip(items, entries).enumerated() {
            if i > 0 { doc.set(item, "/Prev", items[i - 1]) }
            if i + 1 < items.count { doc.set(item, "/Next", items[i + 1]) }
            if !entry.children.isEmpty {
                let n = addItems(doc, entry.children, parent: item)
                doc.set(item, "/Count", doc.integer(-n))
            }
        }
        doc.set(parent, "/First", items[0])
        doc.set(parent, "/Last", items[items.count - 1])
        return items.count
    }
}

/// Small content streams many pages share (a translation, crop marks): one object each.
private struct SharedStreams {
    private var streams: [String: qpdf_oh] = [:]

    mutating func stream(_ operators: String, _ doc: QPDFDocument) -> qpdf_oh {
        if let oh = streams[operators] { return oh }
        let oh = doc.stream(Array(operators.utf8), filter: nil)
        streams[operators] = oh
        return oh
    }
}

/// Numbers in PDF syntax for the few places that build text (dictionaries, small streams).
enum PDFNumber {
    static func format(_ v: Double) -> String {
        var b = PDFBytes()
        b.number(v)
        return String(decoding: b.bytes.dropLast(), as: UTF8.self)
    }
}
