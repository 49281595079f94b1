internal import CQPDF
import Foundation
import Model

/// A PDF being built from nothing in libqpdf (`qpdf_empty_pdf`), through its C API: object
/// handles for names, numbers, arrays, dictionaries and streams, pages added in order, and the
/// write. Owns the `qpdf_data`; handles (`qpdf_oh`) live as long as it does.
final class QPDFDocument {
    let q: qpdf_data
    private var handle: qpdf_data?

    init() throws {
        handle = qpdf_init()
        guard let q = handle else { throw PDFError.writing("cannot start qpdf") }
        self.q = q
        qpdf_silence_errors(q)
        qpdf_set_suppress_warnings(q, QPDF_TRUE)
        try check(qpdf_empty_pdf(q), "start an empty PDF")
    }

    deinit {
        qpdf_cleanup(&handle)
    }

    /// Throws when a qpdf call failed, with qpdf's own message.
    func check(_ code: QPDF_ERROR_CODE, _ what: String) throws {
        guard code & QPDF_ERRORS != 0 || qpdf_has_error(q) != 0 else { return }
        let error = qpdf_get_error(q)
        let detail = error.map { String(cString: qpdf_get_error_full_text(q, $0)) } ?? "unknown error"
        throw PDFError.writing("qpdf could not \(what): \(detail)")
    }

    var root: qpdf_oh { qpdf_get_root(q) }
    var trailer: qpdf_oh { qpdf_get_trailer(q) }

    func name(_ n: String) -> qpdf_oh { qpdf_oh_new_name(q, n) }
    func integer(_ v: Int) -> qpdf_oh { qpdf_oh_new_integer(q, Int64(v)) }
    func real(_ v: Double) -> qpdf_oh { qpdf_oh_new_real_from_double(q, v, 3) }
    /// A text string: PDFDocEncoding where it will do, else UTF-16.
    func text(_ s: String) -> qpdf_oh { qpdf_oh_new_unicode_string(q, s) }
    /// A byte string (names of destinations, URIs).
    func bytes(_ s: String) -> qpdf_oh {
        let utf8 = Array(s.utf8)
        return utf8.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { qpdf_oh_new_binary_string(q, $0.baseAddress, $0.count) }
        }
    }
    var null: qpdf_oh { qpdf_oh_new_null(q) }

    func array(_ items: [qpdf_oh]) -> qpdf_oh {
        let a = qpdf_oh_new_array(q)
        for item in items { qpdf_oh_append_item(q, a, item) }
        return a
    }

    func reals(_ values: [Double]) -> qpdf_oh { array(values.map(real)) }

    /// A page box, `[x1 y1 x2 y2]`, of a top-left rectangle on a page `height` tall.
    func box(_ r: Rect, height: Pt) -> qpdf_oh {
        reals([r.x.value, (height - r.maxY).value, r.maxX.value, (height - r.y).value])
    }

    func dictionary(_ entries: KeyValuePairs<String, qpdf_oh>) -> qpdf_oh {
        let d = qpdf_oh_new_dictionary(q)
        for (key, value) in entries { qpdf_oh_replace_key(q, d, key, value) }
        return d
    }

    func set(_ dict: qpdf_oh, _ key: String, _ value: qpdf_oh) {
        qpdf_oh_replace_key(q, dict, key, value)
    }

    /// A direct object from PDF syntax without references (`<< /Type /Font … >>`, `[0 [500]]`).
    func parse(_ syntax: String) throws -> qpdf_oh {
        let oh = qpdf_oh_parse(q, syntax)
        try check(0, "read “\(syntax.prefix(60))”")
        return oh
    }

    func indirect(_ oh: qpdf_oh) -> qpdf_oh { qpdf_make_indirect_object(q, oh) }

    /// A stream holding `data` as given: already encoded with `filter` (a name such as
    /// `/FlateDecode`), or raw when `filter` is nil. `entries` go into its dictionary.
    func stream(_ data: [UInt8], filter: String?, _ entries: KeyValuePairs<String, qpdf_oh> = [:]) -> qpdf_oh {
        let s = qpdf_oh_new_stream(q)
        data.withUnsafeBufferPointer { p in
            qpdf_oh_replace_stream_data(q, s, p.baseAddress, p.count, filter.map(name) ?? null, null)
        }
        let dict = qpdf_oh_get_dict(q, s)
        for (key, value) in entries { qpdf_oh_replace_key(q, dict, key, value) }
        return s
    }

    func objectID(_ oh: qpdf_oh) -> Int { Int(qpdf_oh_get_object_id(q, oh)) }

    /// Appends a page dictionary (made indirect) to the page tree.
    func addPage(_ page: qpdf_oh) throws {
        try check(qpdf_add_page(q, q, indirect(page), QPDF_FALSE), "add a page")
    }

    /// Writes the file: streams exactly as built (each was compressed once, by the writer; qpdf
    /// neither decodes nor recompresses them), a deterministic `/ID`, objects packed into object streams (PDF 1.5+, as PDF/X-4 allows), and
    /// the PDF version given (`force`) or at least 1.5.
    func write(to path: String, version: String?) throws {
        try check(qpdf_init_write(q, path), "start writing '\(path)'")
        qpdf_set_compress_streams(q, QPDF_FALSE)
        qpdf_set_decode_level(q, qpdf_dl_none)
        qpdf_set_deterministic_ID(q, QPDF_TRUE)
        qpdf_set_object_stream_mode(q, qpdf_o_generate)
        if let version { qpdf_force_pdf_version(q, version) } else { qpdf_set_minimum_pdf_version(q, "1.5") }
        try check(qpdf_write(q), "write '\(path)'")
    }
}
