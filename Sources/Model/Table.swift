import Diagnostics

/// A GitHub Flavored Markdown table: a header row, body rows, each column's alignment from the
/// delimiter row, and a caption from a paragraph `Bảng 1. …` directly above it.
public struct Table: Sendable {
    public enum Alignment: Sendable, Hashable {
        /// No colon in the delimiter row: text left, numbers right (on their decimal comma).
        case none, left, center, right
    }

    public var caption: [Inline]?
    public var alignments: [Alignment]
    public var header: [[Inline]]
    public var rows: [[[Inline]]]

    public init(caption: [Inline]? = nil, alignments: [Alignment], header: [[Inline]], rows: [[[Inline]]]) {
        self.caption = caption
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }

    public var columnCount: Int { alignments.count }

    /// Whether every non-empty body cell of column `c` is a number as Vietnamese writes it
    /// (12.846.000, 56,2 %, −3,5), and at least one is: such a column is set right-aligned,
    /// its numbers aligned on their decimal comma.
    public func isNumeric(column c: Int) -> Bool {
        var any = false
        for row in rows where c < row.count {
            let text = row[c].plainText.trimmingCharacters(in: .whitespaces)
            if text.isEmpty || text == "–" || text == "-" { continue }
            guard Table.isNumber(text) else { return false }
            any = true
        }
        return any
    }

    /// `12.846.000`, `56,2`, `56,2 %`, `+4`, `−3,5`; a unit (`1.200 ha`) makes it text.
    public static func isNumber(_ text: String) -> Bool {
        var s = Substring(text)
        if let f = s.first, "+-−±".contains(f) { s = s.dropFirst() }
        if s.hasSuffix("%") { s = s.dropLast() }
        s = Substring(s.trimmingCharacters(in: .whitespaces))
        guard let first = s.first, first.isASCII, first.isNumber else { return false }
        var commas = 0
        for ch in s {
            if ch == "," { commas += 1; continue }
            if ch == "." { continue }
            guard ch.isASCII, ch.isNumber else { return false }
        }
        return commas <= 1 && s.last?.isNumber == true
    }

    /// Splits a number at its decimal comma: the whole part (with the comma) and the decimals
    /// after it, so a column's commas stand under each other.
    public static func decimalParts(_ text: String) -> (whole: String, fraction: String) {
        guard let comma = text.lastIndex(of: ",") else {
            // A trailing " %" counts as the fraction part, so 4 % and 56,2 % align their numbers.
            if let p = text.firstIndex(where: { !$0.isNumber && $0 != "." && !"+-−±".contains($0) }) {
                return (String(text[..<p]), String(text[p...]))
            }
            return (text, "")
        }
        return (String(text[..<comma]), String(text[comma...]))
    }
}

/// A footnote: its number in the article (in the order first referenced), its text, where its
/// definition stands.
public struct Footnote: Sendable {
    public var number: Int
    public var blocks: [Block]
    public var range: SourceRange

    public init(number: Int, blocks: [Block], range: SourceRange) {
        self.number = number
        self.blocks = blocks
        self.range = range
    }

    /// The note's paragraphs' inlines, joined with forced breaks: how print sets it.
    public var inlines: [Inline] {
        var out: [Inline] = []
        for block in blocks {
            let inlines: [Inline]
            switch block.kind {
            case .paragraph(let i), .heading(_, let i): inlines = i
            default: inlines = [.text(block.plainText)]
            }
            if !out.isEmpty { out.append(.lineBreak) }
            out += inlines
        }
        return out
    }
}

extension Block {
    /// The block's text as a reader sees it (search, a footnote's plain form).
    public var plainText: String {
        switch kind {
        case .paragraph(let i), .heading(_, let i): i.plainText
        case .list(_, _, let items): items.map { $0.map(\.plainText).joined(separator: " ") }.joined(separator: " ")
        case .quote(let blocks, _): blocks.map(\.plainText).joined(separator: " ")
        case .code(_, let text): text
        case .figure(let f): f.caption.plainText
        case .table(let t): ([t.caption ?? []] + t.header + t.rows.flatMap { $0 }).map(\.plainText).joined(separator: " ")
        case .rule: ""
        }
    }
}
