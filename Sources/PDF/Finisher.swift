internal import CQPDF
import Foundation
import Output
import Model

/// What PRINT.md asks of a PDF beyond its pages: `D:` dates and `/Trapped`, page labels, PDF/X-4
/// (output intent with its ICC profile, XMP naming PDF/X-4), a deterministic `/ID`.
/// `DocumentWriter` and `BookletWriter` apply these to the document they build in qpdf.
struct Finisher {
    var metadata: PDFMetadata
    var pdfx: PDFX?

    struct PDFX {
        var outputProfile: Data
        var outputCondition: String
        var rgbProfile: Data

        init(_ profile: PDFXProfile) {
            outputProfile = profile.output
            outputCondition = profile.condition
            rgbProfile = profile.rgb
        }
    }

    /// Info, the output intent and XMP when PDF/X, then the write: a deterministic `/ID`, PDF 1.6
    /// for PDF/X-4.
    func finish(_ doc: QPDFDocument, to temporary: URL) throws {
        setInfo(doc.q)
        if let pdfx { addOutputIntent(doc.q, pdfx) }
        try doc.write(to: temporary.path, version: pdfx == nil ? nil : "1.6")
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
