import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// Issue 14, items 2 and 3, as a strict PDF/X validator reads the file: Info and XMP agree on
/// every field they share (ISO 15930-7), and on every page Trim ⊆ Bleed ⊆ Media exactly.
@Suite struct MetadataTests {
    var print: URL { sample.out.appendingPathComponent("2025-q1/print.pdf") }

    /// Every object of a PDF, as `qpdf --json` gives them.
    func objects(_ pdf: URL) throws -> [String: Any] {
        let json = try run("qpdf", ["--json=2", "--json-key=qpdf", "--json-stream-data=none", pdf.path]).out
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require((root["qpdf"] as? [Any])?.last as? [String: Any])
    }

    /// A qpdf JSON string ("u:…" text, "/Name") as plain text.
    func text(_ value: Any?) -> String? {
        guard let value = value as? String else { return nil }
        if value.hasPrefix("u:") { return String(value.dropFirst(2)) }
        if value.hasPrefix("/") { return String(value.dropFirst()) }
        return value
    }

    /// The XMP properties that Info has counterparts of, by their qualified names.
    final class XMPReader: NSObject, XMLParserDelegate {
        var values: [String: String] = [:]
        private var path: [String] = [], buffer = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            path.append(qualifiedName ?? name)
            buffer = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let text = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
            // A property's value, or its first rdf:li (dc:title's x-default, dc:creator's first).
            if let property = path.last(where: { !$0.hasPrefix("rdf:") && $0 != "x:xmpmeta" }), !text.isEmpty, values[property] == nil {
                values[property] = text
            }
            buffer = ""
            path.removeLast()
        }
    }

    @Test(arguments: ["print.pdf", "booklet.pdf"])
    func infoAndXMPAgreeOnEverySharedField(_ file: String) throws {
        let print = sample.out.appendingPathComponent("2025-q1").appendingPathComponent(file)
        let objects = try objects(print)
        func value(_ ref: Any?) -> Any? {
            guard let ref = ref as? String, ref.hasSuffix(" R") else { return ref }
            let object = objects["obj:" + ref] as? [String: Any]
            return object?["value"] ?? (object?["stream"] as? [String: Any])?["dict"]
        }
        let trailer = try #require((objects["trailer"] as? [String: Any])?["value"] as? [String: Any])
        let info = try #require(value(trailer["/Info"]) as? [String: Any])
        let packet = try #require(try xmpPacket(of: print, scratch: try temporaryFolder("xmp")))
        let parser = XMLParser(data: packet)
        let reader = XMPReader()
        parser.delegate = reader
        #expect(parser.parse(), "the XMP packet does not parse")
        let xmp = reader.values

        // Info's key, XMP's property, and how Info's value is written in XMP.
        func date(_ info: String?) -> String? {
            // D:20250331000000Z → 2025-03-31T00:00:00Z
            guard let d = info?.dropFirst(2), d.count >= 14 else { return nil }
            let c = Array(d)
            return "\(String(c[0..<4]))-\(String(c[4..<6]))-\(String(c[6..<8]))T\(String(c[8..<10])):\(String(c[10..<12])):\(String(c[12..<14]))Z"
        }
        let pairs: [(String, String, (String?) -> String?)] = [
            ("/Title", "dc:title", { $0 }), ("/Author", "dc:creator", { $0 }), ("/Subject", "dc:description", { $0 }),
            ("/Creator", "xmp:CreatorTool", { $0 }), ("/Producer", "pdf:Producer", { $0 }),
            ("/CreationDate", "xmp:CreateDate", date), ("/ModDate", "xmp:ModifyDate", date),
            ("/Trapped", "pdf:Trapped", { $0 }), ("/GTS_PDFXVersion", "pdfxid:GTS_PDFXVersion", { $0 }),
        ]
        for (key, property, convert) in pairs {
            let fromInfo = convert(text(info[key]))
            #expect(fromInfo != nil, "Info has no \(key)")
            #expect(fromInfo == xmp[property], "Info \(key) \(fromInfo ?? "-") but XMP \(property) \(xmp[property] ?? "-")")
        }
        // Info has nothing XMP lacks.
        let known = Set(pairs.map(\.0))
        #expect(info.keys.allSatisfy { known.contains($0) }, "Info keys without an XMP counterpart: \(info.keys.filter { !known.contains($0) })")
    }

    /// Boxes read from every page object, not as poppler clips them: Trim within Bleed within Media.
    @Test(arguments: ["print.pdf", "booklet.pdf"])
    func boxesNestExactlyOnEveryPage(_ file: String) throws {
        let pdf = sample.out.appendingPathComponent("2025-q1").appendingPathComponent(file)
        let objects = try objects(pdf)
        let pages = objects.values.compactMap { ($0 as? [String: Any])?["value"] as? [String: Any] }.filter { $0["/Type"] as? String == "/Page" }
        #expect(!pages.isEmpty)
        func box(_ page: [String: Any], _ key: String) -> [Double]? {
            (page[key] as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue }
        }
        for page in pages {
            let media = try #require(box(page, "/MediaBox"))
            let bleed = box(page, "/BleedBox") ?? media, trim = box(page, "/TrimBox") ?? bleed
            func within(_ inner: [Double], _ outer: [Double]) -> Bool {
                inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3]
            }
            #expect(within(bleed, media), "\(file): BleedBox \(bleed) outside MediaBox \(media)")
            #expect(within(trim, bleed), "\(file): TrimBox \(trim) outside BleedBox \(bleed)")
        }
    }
}
