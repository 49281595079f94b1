import Foundation
import Model

/// Which PDF to write.
public enum PDFKind: Sendable {
    /// For the printing shop: trim + bleed (+ room for crop marks), boxes, PDF/X-4 when given a profile.
    case print(PrintOptions)
    /// For reading on screen: trim size, bookmarks, live links, page labels as printed.
    case screen(PDFOutline)
}

public struct PrintOptions: Sendable {
    /// The printer's marks outside the bleed; any of them grows the media to hold them.
    public var marks: PrinterMarks
    public var pdfx: PDFXProfile?

    public init(marks: PrinterMarks, pdfx: PDFXProfile?) {
        self.marks = marks
        self.pdfx = pdfx
    }
}

/// The colour profiles of a PDF/X-4 file: the printing condition (CMYK) and the RGB the pages use.
public struct PDFXProfile: Sendable {
    public var output: Data
    public var condition: String
    public var rgb: Data

    public init(output: Data, condition: String, rgb: Data) {
        self.output = output
        self.condition = condition
        self.rgb = rgb
    }
}

/// Bookmarks: sections, each with its articles (a title and the name of the article's anchor).
public struct PDFOutline: Sendable {
    public struct Entry: Sendable {
        public var title: String
        public var anchor: String
        public var children: [Entry]

        public init(title: String, anchor: String, children: [Entry] = []) {
            self.title = title
            self.anchor = anchor
            self.children = children
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }
}
