internal import CQPDF
import Foundation
import Output
import Model
import Pages

/// What the finishing step writes into a PDF that cairo 1.16 cannot (PRINT.md): page boxes,
/// `D:` dates and `/Trapped`, PDF/X-4 (output intent with its ICC profile, XMP, device-independent
/// RGB, exact greys as DeviceGray), a PDF version and a deterministic `/ID`. It rewrites the whole
/// file through libqpdf, which also repairs cairo's link/xref quirk. The booklet (drawn by
/// cairo) goes through it whole; `DocumentWriter` applies its Info, labels and output intent to
/// the document it builds in qpdf itself, with no file read back.
struct Finisher {
    struct Boxes {
        /// In PDF coordinates (origin at the bottom left).
        var trim: Rect
        var bleed: Rect
    }

    var boxes: [Boxes]?
    var metadata: PDFMetadata
    var pdfx: PDFX?
    /// The printed number of each page, as its page label (the screen PDF). cairo 1.16 leaves
    /// out labels that equal the page's position and then writes an empty `/Nums`, which is no
    /// valid number tree: viewers show no labels at all.
    var pageNumbers: [Int]?

    struct PDFX {
        var outputProfile: Data
        var outputCondition: String
        var rgbProfile: Data
    }

    /// The one way a PDF reaches `url`: `draw` writes cairo's file (and may configure the
    /// finisher), the finisher rewrites it into a second temporary file in the same folder,
    /// which is renamed into place only when both succeeded — a failure leaves the old file.
    static func write(to url: URL, metadata: PDFMetadata, _ draw: (String, inout Finisher) throws -> Void) throws {
        try OutputFile.write(to: url) { finished in
            let drawn = OutputFile.temporaryURL(for: url, tag: "cairo")
            defer { try? FileManager.default.removeItem(at: drawn) }
            var finisher = Finisher(boxes: nil, metadata: metadata, pdfx: nil)
            try draw(drawn.path, &finisher)
            try finisher.finish(drawn.path, to: finished.path)
        }
    }

    func finish(_ input: String, to output: String) throws {
        var handle: qpdf_data? = qpdf_init()
        guard let q = handle else { throw PDFError.finishing("cannot start qpdf") }
        defer { qpdf_cleanup(&handle) }
        qpdf_silence_errors(q)
        qpdf_set_suppress_warnings(q, QPDF_TRUE)
        try check(q, qpdf_read(q, input, nil), "read the PDF cairo wrote")
        // A damaged file from cairo would be repaired silently, perhaps losing objects: refuse it.
        if qpdf_more_warnings(q) != 0 {
            let warning = qpdf_next_warning(q)
            throw PDFError.finishing("cairo wrote a damaged PDF: " + (warning.map { String(cString: qpdf_get_error_full_text(q, $0)) } ?? "?"))
        }
        let pages = Int(qpdf_get_num_pages(q))
        var rgb: qpdf_oh = 0
        if let pdfx {
            rgb = iccStream(q, pdfx.rgbProfile, components: 3)
        }
        for n in 0..<pages {
            let page = qpdf_get_page_n(q, n)
            if let boxes, n < boxes.count {
                qpdf_oh_replace_key(q, page, "/TrimBox", array(q, boxes[n].trim))
                qpdf_oh_replace_key(q, page, "/BleedBox", array(q, boxes[n].bleed))
            }
            if pdfx != nil {
                try makeDeviceIndependent(q, page, rgb: rgb)
                try writeExactGreys(q, page)
            }
        }
        setInfo(q)
        if let pageNumbers { setPageLabels(q, pageNumbers) }
        if let pdfx { addOutputIntent(q, pdfx) }
        try check(q, qpdf_init_write(q, output), "start writing")
        qpdf_set_deterministic_ID(q, QPDF_TRUE)
        qpdf_set_object_stream_mode(q, qpdf_o_disable)
        if pdfx != nil { qpdf_force_pdf_version(q, "1.6") }
        try check(q, qpdf_write(q), "write the finished PDF")
    }

    private func check(_ q: qpdf_data, _ code: QPDF_ERROR_CODE, _ what: String) throws {
        guard code & QPDF_ERRORS != 0 || qpdf_has_error(q) != 0 else { return }
        let error = qpdf_get_error(q)
        let detail = error.map { String(cString: qpdf_get_error_full_text(q, $0)) } ?? "unknown error"
        throw PDFError.finishing("\(what): \(detail)")
    }

    private func array(_ q: qpdf_data, _ r: Rect) -> qpdf_oh {
        let a = qpdf_oh_new_array(q)
        for v in [r.x, r.y, r.maxX, r.maxY] {
            qpdf_oh_append_item(q, a, qpdf_oh_new_real_from_double(q, v.value, 3))
        }
        return a
    }

    /// Info: text as Unicode strings (qpdf writes UTF-16 where PDFDocEncoding will not do),
    /// dates in `D:` form from the issue date, `/Trapped /False`.
    func setInfo(_ q: qpdf_data) {
        let date = "D:" + metadata.date.iso.replacingOccurrences(of: "-", with: "") + "000000Z"
        qpdf_set_info_key(q, "/CreationDate", date)
        qpdf_set_info_key(q, "/ModDate", date)
        qpdf_set_info_key(q, "/Creator", "Bantin")
        let info = qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Info")
        for (key, value) in [("/Title", metadata.title), ("/Author", metadata.author), ("/Subject", metadata.subject)] {
            qpdf_oh_replace_key(q, info, key, qpdf_oh_new_unicode_string(q, value))
        }
        qpdf_oh_replace_key(q, info, "/Trapped", qpdf_oh_new_name(q, "/False"))
        if pdfx != nil { qpdf_set_info_key(q, "/GTS_PDFXVersion", "PDF/X-4") }
    }

    /// `/PageLabels << /Nums [0 << /S /D >> …] >>`: decimal labels, a new range wherever the
    /// numbers do not simply go on from the page before.
    func setPageLabels(_ q: qpdf_data, _ numbers: [Int]) {
        let nums = qpdf_oh_new_array(q)
        for (index, number) in numbers.enumerated() where index == 0 || numbers[index - 1] + 1 != number {
            let range = qpdf_oh_new_dictionary(q)
            qpdf_oh_replace_key(q, range, "/S", qpdf_oh_new_name(q, "/D"))
            if number != 1 { qpdf_oh_replace_key(q, range, "/St", qpdf_oh_new_integer(q, Int64(number))) }
            qpdf_oh_append_item(q, nums, qpdf_oh_new_integer(q, Int64(index)))
            qpdf_oh_append_item(q, nums, range)
        }
        let labels = qpdf_oh_new_dictionary(q)
        qpdf_oh_replace_key(q, labels, "/Nums", nums)
        qpdf_oh_replace_key(q, qpdf_get_root(q), "/PageLabels", labels)
    }

    func iccStream(_ q: qpdf_data, _ data: Data, components: Int) -> qpdf_oh {
        let stream = qpdf_oh_new_stream(q)
        data.withUnsafeBytes { raw in
            qpdf_oh_replace_stream_data(q, stream, raw.bindMemory(to: UInt8.self).baseAddress, data.count,
                                        qpdf_oh_new_null(q), qpdf_oh_new_null(q))
        }
        qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, stream), "/N", qpdf_oh_new_integer(q, Int64(components)))
        return stream
    }

    /// `/OutputIntents [<< /S /GTS_PDFX … /DestOutputProfile (CMYK ICC) >>]` and XMP naming PDF/X-4.
    func addOutputIntent(_ q: qpdf_data, _ pdfx: PDFX) {
        let root = qpdf_get_root(q)
        let intent = qpdf_oh_new_dictionary(q)
        qpdf_oh_replace_key(q, intent, "/Type", qpdf_oh_new_name(q, "/OutputIntent"))
        qpdf_oh_replace_key(q, intent, "/S", qpdf_oh_new_name(q, "/GTS_PDFX"))
        qpdf_oh_replace_key(q, intent, "/OutputConditionIdentifier", qpdf_oh_new_unicode_string(q, pdfx.outputCondition))
        qpdf_oh_replace_key(q, intent, "/OutputCondition", qpdf_oh_new_unicode_string(q, pdfx.outputCondition))
        qpdf_oh_replace_key(q, intent, "/RegistryName", qpdf_oh_new_string(q, "http://www.color.org"))
        qpdf_oh_replace_key(q, intent, "/Info", qpdf_oh_new_unicode_string(q, pdfx.outputCondition))
        qpdf_oh_replace_key(q, intent, "/DestOutputProfile", iccStream(q, pdfx.outputProfile, components: 4))
        let intents = qpdf_oh_new_array(q)
        qpdf_oh_append_item(q, intents, qpdf_make_indirect_object(q, intent))
        qpdf_oh_replace_key(q, root, "/OutputIntents", intents)

        let xmp = XMP(metadata: metadata).packet
        let stream = qpdf_oh_new_stream(q)
        let bytes = Array(xmp.utf8)
        qpdf_oh_replace_stream_data(q, stream, bytes, bytes.count, qpdf_oh_new_null(q), qpdf_oh_new_null(q))
        let dict = qpdf_oh_get_dict(q, stream)
        qpdf_oh_replace_key(q, dict, "/Type", qpdf_oh_new_name(q, "/Metadata"))
        qpdf_oh_replace_key(q, dict, "/Subtype", qpdf_oh_new_name(q, "/XML"))
        qpdf_oh_replace_key(q, root, "/Metadata", stream)
    }

    /// cairo's RGB is declared sRGB: `/DefaultRGB` on every page and the page group's `/CS`.
    private func makeDeviceIndependent(_ q: qpdf_data, _ page: qpdf_oh, rgb: qpdf_oh) throws {
        let space = qpdf_oh_new_array(q)
        qpdf_oh_append_item(q, space, qpdf_oh_new_name(q, "/ICCBased"))
        qpdf_oh_append_item(q, space, rgb)
        var resources = qpdf_oh_get_key(q, page, "/Resources")
        if !qpdf_oh_is_dictionary(q, resources).bool {
            resources = qpdf_oh_new_dictionary(q)
            qpdf_oh_replace_key(q, page, "/Resources", resources)
        }
        var spaces = qpdf_oh_get_key(q, resources, "/ColorSpace")
        if !qpdf_oh_is_dictionary(q, spaces).bool {
            spaces = qpdf_oh_new_dictionary(q)
            qpdf_oh_replace_key(q, resources, "/ColorSpace", spaces)
        }
        qpdf_oh_replace_key(q, spaces, "/DefaultRGB", space)
        let group = qpdf_oh_get_key(q, page, "/Group")
        if qpdf_oh_is_dictionary(q, group).bool {
            qpdf_oh_replace_key(q, group, "/CS", space)
        }
    }

    /// Black and greys as DeviceGray (`0 g`), so text prints on the black plate only: cairo
    /// writes them as equal RGB triples (`0 0 0 rg`).
    private func writeExactGreys(_ q: qpdf_data, _ page: qpdf_oh) throws {
        var buffer: UnsafeMutablePointer<UInt8>?
        var length = 0
        try check(q, qpdf_oh_get_page_content_data(q, page, &buffer, &length), "read a page's content")
        guard let buffer else { return }
        defer { free(buffer) }
        let content = ContentStream.greysToDeviceGray(Array(UnsafeBufferPointer(start: buffer, count: length)))
        let stream = qpdf_oh_new_stream(q)
        qpdf_oh_replace_stream_data(q, stream, content, content.count, qpdf_oh_new_null(q), qpdf_oh_new_null(q))
        qpdf_oh_replace_key(q, page, "/Contents", stream)
    }
}

extension QPDF_BOOL {
    fileprivate var bool: Bool { self != 0 }
}

/// Rewrites of page content streams, on bytes (the streams are not text).
enum ContentStream {
    /// `r r r rg` → `r g` and `r r r RG` → `r G` when the three components are equal.
    static func greysToDeviceGray(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var tokens: [(start: Int, end: Int)] = []  // the last few number-or-operator tokens
        var i = 0
        var emitted = 0
        func isDelimiter(_ b: UInt8) -> Bool { b == 32 || b == 10 || b == 13 || b == 9 }
        while i < bytes.count {
            if isDelimiter(bytes[i]) { i += 1; continue }
            var j = i
            while j < bytes.count, !isDelimiter(bytes[j]) { j += 1 }
            tokens.append((i, j))
            if tokens.count > 4 { tokens.removeFirst() }
            let op = bytes[i..<j]
            if tokens.count == 4, op.elementsEqual("rg".utf8) || op.elementsEqual("RG".utf8) {
                let a = bytes[tokens[0].start..<tokens[0].end], b = bytes[tokens[1].start..<tokens[1].end],
                    c = bytes[tokens[2].start..<tokens[2].end]
                if a.elementsEqual(b), b.elementsEqual(c), a.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 }) {
                    out += bytes[emitted..<tokens[0].start]
                    out += a
                    out.append(32)
                    out.append(op.first == UInt8(ascii: "r") ? UInt8(ascii: "g") : UInt8(ascii: "G"))
                    emitted = j
                    tokens.removeAll()
                }
            }
            i = j
        }
        out += bytes[emitted...]
        return out
    }
}
