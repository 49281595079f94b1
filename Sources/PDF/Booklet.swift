internal import CQPDF
import Foundation
import Model
import Output
import Pages

/// Saddle-stitch imposition (PRINT.md, "Booklet imposition"): for N pages (N a multiple of 4),
/// sheet s = 0 … N/4−1 carries on its front (N−2s, 2s+1) and on its back (2s+2, N−2s−1).
public enum BookletOrder {
    public struct Side: Equatable, Sendable {
        public var left: Int
        public var right: Int
        /// The sheet, counted from the outside (0 holds the covers).
        public var sheet: Int
    }

    public static func sides(pages n: Int) -> [Side] {
        precondition(n % 4 == 0 && n > 0, "a booklet needs a multiple of four pages")
        return (0..<n / 4).flatMap { s in
            [Side(left: n - 2 * s, right: 2 * s + 1, sheet: s), Side(left: 2 * s + 2, right: n - 2 * s - 1, sheet: s)]
        }
    }
}

/// Writes booklet.pdf: print.pdf's pages 2-up on a standard press sheet, PDF/X-4 as print.pdf
/// is (the same content streams, fonts, images and colour, so the same output intent holds).
///
/// Each page is a form XObject of its print content, placed so the two trims meet at the
/// sheet's centre line (the fold) and clipped to its cell: the page's own half of the sheet,
/// up to the fold and out to its bleed, so the outer bleed is kept and nothing crosses the
/// fold. Pages of inner sheets move towards the fold by the creep of the sheets outside them.
/// The sheet's TrimBox is the folded booklet's face (the spread), its BleedBox the spread with
/// the bleed; crop marks at the spread's corners and fold marks at the centre line are drawn in
/// registration colour, on every plate.
public struct BookletWriter: Sendable {
    let prepared: PreparedPages
    /// Whether the pages are print.pdf's CMYK variant.
    let cmyk: Bool
    let geometry: BookletGeometry
    let creep: Pt

    public init(_ prepared: PreparedPages, cmyk: Bool, geometry: BookletGeometry, creep: Pt) {
        self.prepared = prepared
        self.cmyk = cmyk
        self.geometry = geometry
        self.creep = creep
    }

    /// Writes the booklet to `url` through a temporary file: a failure leaves the old file.
    public func write(metadata: PDFMetadata, pdfx: PDFXProfile?, to url: URL) throws {
        let pages = prepared.pages
        guard pages.count % 4 == 0, pages.count > 0 else {
            throw PDFError.writing("a booklet needs a multiple of four pages, not \(pages.count)")
        }
        try OutputFile.write(to: url) { temporary in
            let doc = try QPDFDocument()
            let finisher = Finisher(metadata: metadata, pdfx: pdfx.map(Finisher.PDFX.init))
            let resources = try DocumentWriter(prepared, cmyk: cmyk).resources(doc, rgbProfile: finisher.pdfx?.rgbProfile)
            let forms = zip(pages, prepared.contents).map { page, content in
                doc.indirect(doc.stream(cmyk ? content.cmykStream ?? content.stream : content.stream, filter: "/FlateDecode", [
                    "/Type": doc.name("/XObject"), "/Subtype": doc.name("/Form"),
                    "/BBox": doc.reals([0, 0, page.mediaSize.width.value, page.mediaSize.height.value]),
                    "/Resources": resources,
                ]))
            }
            let marks = doc.stream(Array(sheetMarks(bleed: pages[0].bleed).utf8), filter: nil)
            for side in BookletOrder.sides(pages: pages.count) {
                try addSide(doc, side, forms: forms, marks: marks)
            }
            try finisher.finish(doc, to: temporary)
        }
    }

    private func addSide(_ doc: QPDFDocument, _ side: BookletOrder.Side, forms: [qpdf_oh], marks: qpdf_oh) throws {
        let sheet = geometry.sheet, spread = geometry.spread, pages = prepared.pages
        let fold = (spread.x + spread.width / 2).value
        let shift = (creep * Double(side.sheet)).value
        var content = PDFBytes(capacity: 512)
        var xobjects: [(String, qpdf_oh)] = []
        for (slot, number) in [side.left, side.right].enumerated() {
            let page = pages[number - 1], trim = page.trimBox, bleed = page.bleed.value
            // The cell: this page's half of the sheet, from the fold out to its bleed.
            let cellX = slot == 0 ? spread.x.value - bleed : fold
            let cellY = (sheet.height - spread.maxY).value - bleed
            // The page's trim against the fold (moved towards it by the creep), level with the spread's.
            let tx = slot == 0 ? fold + shift - trim.maxX.value : fold - shift - trim.x.value
            let ty = (sheet.height - spread.maxY).value - (page.mediaSize.height - trim.maxY).value
            let name = "P\(number)"
            content.append("q ")
            for v in [cellX, cellY, spread.width.value / 2 + bleed, spread.height.value + 2 * bleed] { content.number(v) }
            content.append("re W n 1 0 0 1 ")
            content.number(tx)
            content.number(ty)
            content.append("cm /\(name) Do Q\n")
            xobjects.append(("/" + name, forms[number - 1]))
        }
        let resources = doc.dictionary(["/XObject": doc.dictionary([:]),
                                         "/ColorSpace": doc.dictionary(["/Reg": try doc.parse(CropMarks.registration)])])
        let xobjectDict = qpdf_oh_get_key(doc.q, resources, "/XObject")
        for (name, form) in xobjects { doc.set(xobjectDict, name, form) }
        let bleed = pages[0].bleed
        let page = doc.dictionary([
            "/Type": doc.name("/Page"),
            "/MediaBox": doc.reals([0, 0, sheet.width.value, sheet.height.value]),
            "/TrimBox": doc.box(spread, height: sheet.height),
            "/BleedBox": doc.box(spread.insetBy(-bleed), height: sheet.height),
            "/Resources": resources,
            "/Contents": doc.array([doc.stream(content.bytes, filter: nil), marks]),
        ])
        try doc.addPage(page)
    }

    /// Crop marks at the spread's corners, fold marks above and below the centre line: 0.25 pt
    /// in registration colour, as long as the sheet has room for (`BookletGeometry.markLength`).
    private func sheetMarks(bleed: Pt) -> String {
        let spread = geometry.spread, height = geometry.sheet.height
        var out = CropMarks.operators(trim: spread, bleed: bleed, height: height, length: geometry.markLength)
        let x = (spread.x + spread.width / 2).value, offset = CropMarks.offset(bleed: bleed).value
        let length = geometry.markLength.value, top = (height - spread.y).value, bottom = (height - spread.maxY).value
        var fold = PDFBytes(capacity: 128)
        fold.append("q /Reg CS 1 SCN 0.25 w [2 2] 0 d ")
        fold.number(x); fold.number(top + offset); fold.append("m ")
        fold.number(x); fold.number(top + offset + length); fold.append("l ")
        fold.number(x); fold.number(bottom - offset); fold.append("m ")
        fold.number(x); fold.number(bottom - offset - length); fold.append("l S Q\n")
        out += String(decoding: fold.bytes, as: UTF8.self)
        return out
    }
}
