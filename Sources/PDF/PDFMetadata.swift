/// PDF: pages to bytes.
///
/// Steps: `PreparedPages` makes what print.pdf and screen.pdf share, once — fonts subset with
/// HarfBuzz (`FontFile`, `GlyphTexts`, `ToUnicode`), images (`ImageXObject`), each page's content
/// stream straight from the page IR (`PageContent`) → `DocumentWriter` wraps them in either PDF
/// and writes it with libqpdf (`QPDFDocument`, the `Finisher`'s Info and PDF/X-4) → the file is
/// renamed into place. `BookletWriter` imposes print.pdf's content 2-up on press sheets, as form
/// XObjects. cairo draws what it is the right tool for: PNG previews (`PreviewWriter`, through
/// `PageRenderer`). `Preflight` reads the finished print.pdf back. Sees only the page IR.
import Model

/// Document information written into the PDF. Dates come from the issue, so builds are reproducible.
public struct PDFMetadata: Sendable {
    public var title: String
    public var author: String
    public var subject: String
    public var date: ISODate

    /// Info's /Creator and XMP's xmp:CreatorTool; Info's /Producer and XMP's pdf:Producer. One
    /// value each, so the two records of the file never disagree (ISO 15930-7).
    static let creator = "Bantin"
    static let producer = "Bantin (qpdf)"

    public init(title: String, author: String, subject: String, date: ISODate) {
        self.title = title
        self.author = author
        self.subject = subject
        self.date = date
    }
}
