import Foundation

/// The XMP metadata packet of a PDF/X-4 file: title, author, subject, dates, creator and producer
/// as the Info dictionary has them, and `pdfxid:GTS_PDFXVersion`.
/// Its document ID is derived from the metadata, so two builds of an issue carry the same one.
struct XMP {
    let metadata: PDFMetadata

    var packet: String {
        let date = metadata.date.iso + "T00:00:00Z"
        let id = uuid(metadata.title + "|" + metadata.date.iso)
        return """
        <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
         <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about=""
            xmlns:dc="http://purl.org/dc/elements/1.1/"
            xmlns:xmp="http://ns.adobe.com/xap/1.0/"
            xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
            xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
            xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
           <dc:format>application/pdf</dc:format>
           <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(escape(metadata.title))</rdf:li></rdf:Alt></dc:title>
           <dc:creator><rdf:Seq><rdf:li>\(escape(metadata.author))</rdf:li></rdf:Seq></dc:creator>
           <dc:description><rdf:Alt><rdf:li xml:lang="x-default">\(escape(metadata.subject))</rdf:li></rdf:Alt></dc:description>
           <xmp:CreateDate>\(date)</xmp:CreateDate>
           <xmp:ModifyDate>\(date)</xmp:ModifyDate>
           <xmp:MetadataDate>\(date)</xmp:MetadataDate>
           <xmp:CreatorTool>\(PDFMetadata.creator)</xmp:CreatorTool>
           <pdf:Producer>\(PDFMetadata.producer)</pdf:Producer>
           <pdf:Trapped>False</pdf:Trapped>
           <xmpMM:DocumentID>uuid:\(id)</xmpMM:DocumentID>
           <xmpMM:InstanceID>uuid:\(id)</xmpMM:InstanceID>
           <xmpMM:VersionID>1</xmpMM:VersionID>
           <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
           <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
          </rdf:Description>
         </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="w"?>
        """
    }

    private func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A name-based UUID (FNV-1a, 128 bits as two 64-bit halves): stable for the same metadata.
    private func uuid(_ text: String) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325, b: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in text.utf8 {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x100_0000_01b3 &+ 0x9e37_79b9_7f4a_7c15
        }
        let hex = String(format: "%016llx%016llx", a, b)
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20..<32])
    }
}
