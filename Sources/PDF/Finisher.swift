internal import CQPDF
import Foundation
import Output
import Model

/// What PRINT.md asks of a PDF beyond its pages: `D:` dates and `/Trapped`, page labels, PDF/X-4
/// (output intent with its ICC profile, XMP naming PDF/X-4), a deterministic `/ID`.
/// `DocumentWriter` applies these to the document it builds in qpdf; the booklet, which cairo
/// draws, is rewritten through libqpdf by `write(to:metadata:_:)` to get its Info and `/ID`
/// (which also repairs cairo's link/xref quirk).
struct Finisher {
    var metadata: PDFMetadata
    var pdfx: PDFX?

    struct PDFX {
        var outputProfile: Data
        var outputCondition: String
        var rgbProfile: Data
    }

    /// The one way a cairo PDF (the booklet) reaches `url`: `draw` writes cairo's file, the
    /// finisher rewrites it into a second temporary file in the same folder, which is renamed
    /// into place only when both succeeded — a failure leaves the old file.
    static func write(to url: URL, metadata: PDFMetadata, _ draw: (String) throws -> Void) throws {
        try OutputFile.write(to: url) { finished in
            let drawn = OutputFile.temporaryURL(for: url, tag: "cairo")
            defer { try? FileManager.default.removeItem(at: drawn) }
            try draw(drawn.path)
            try Finisher(metadata: metadata, pdfx: nil).finish(drawn.path, to: finished.path)
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
        setInfo(q)
        try check(q, qpdf_init_write(q, output), "start writing")
        qpdf_set_deterministic_ID(q, QPDF_TRUE)
        qpdf_set_object_stream_mode(q, qpdf_o_disable)
        try check(q, qpdf_write(q), "write the finished PDF")
    }

    private func check(_ q: qpdf_data, _ code: QPDF_ERROR_CODE, _ what: String) throws {
        guard code & QPDF_ERRORS != 0 || qpdf_has_error(q) != 0 else { return }
        let error = qpdf_get_error(q)
        let detail = error.map { String(cString: qpdf_get_error_full_text(q, $0)) } ?? "unknown error"
        throw PDFError.finishing("\(what): \(detail)")
    }

    /// Info: text as Unicode strings (qpdf writes UTF-16 where PDFDocEncoding will not do),
    /// dates in `D:` form from the issue date, `/Trapped /False`.
    func setInfo(_ q: qpdf_data) {
        let date = "D:" + metadata.date.iso.replacingOccurrences(of: "-", with: "") + "000000Z"
        qpdf_set_info_key(q, "/CreationDate", date)
        qpdf_set_info_key(q, "/ModDate", date)
        qpdf_set_info_key(q, "/Creator", PDFMetadata.creator)
        qpdf_set_info_key(q, "/Producer", PDFMetadata.producer)
        let info = qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Info")
        for (key, value) in [("/Title", metadata.title), ("/Author", metadata.author), ("/Subject", metadata.subject)] {
            qpdf_oh_replace_key(q, info, key, qpdf_oh_new_unicode_string(q, value))
        }
        qpdf_oh_replace_key(q, info, "/Trapped", qpdf_oh_new_name(q, "/False"))
        if pdfx != nil { qpdf_set_info_key(q, "/GTS_PDFXVersion", "PDF/X-4") }
    }

    /// `/PageLabels << /Nums [0 << /S /D >> …] >>`: decimal labels (the screen PDF's printed page
    /// numbers), a new range wherever the numbers do not simply go on from the page before.
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

    /// An ICC profile as a stream, Flate-compressed (the writer asks qpdf to compress nothing).
    static func iccStream(_ q: qpdf_data, _ data: Data, components: Int) -> qpdf_oh {
        let stream = qpdf_oh_new_stream(q)
        let raw = [UInt8](data)
        let compressed = try? Deflate.compress(raw)
        let bytes = compressed ?? raw
        qpdf_oh_replace_stream_data(q, stream, bytes, bytes.count,
                                    compressed == nil ? qpdf_oh_new_null(q) : qpdf_oh_new_name(q, "/FlateDecode"), qpdf_oh_new_null(q))
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
        qpdf_oh_replace_key(q, intent, "/DestOutputProfile", Finisher.iccStream(q, pdfx.outputProfile, components: 4))
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
}
