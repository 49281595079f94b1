/// The text of one input file, kept so diagnostics can quote the offending line.
public struct SourceFile: Sendable {
    public let path: String
    public let text: String
    private let lineStarts: [String.Index]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        // Line ends are found on the UTF-8 bytes: an LF is always a whole character here
        // (ingest turned CR LF into LF), so its neighbours are valid indices of the text.
        // Offsets become indices in O(1): `UTF8View.index(_:offsetBy:)` on a native string.
        var starts = [text.startIndex]
        let utf8 = text.utf8
        let offsets: [Int]? = utf8.withContiguousStorageIfAvailable { bytes in
            var out: [Int] = []
            for (offset, byte) in bytes.enumerated() where byte == 0x0A { out.append(offset + 1) }
            return out
        }
        if let offsets {
            starts.reserveCapacity(offsets.count + 1)
            for offset in offsets { starts.append(utf8.index(utf8.startIndex, offsetBy: offset)) }
        } else {
            var index = utf8.startIndex
            while let newline = utf8[index...].firstIndex(of: 0x0A) {
                index = utf8.index(after: newline)
                starts.append(index)
            }
        }
        self.lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// The text of line `n` (1-based) without its line end.
    public func line(_ n: Int) -> Substring? {
        guard n >= 1, n <= lineStarts.count else { return nil }
        let start = lineStarts[n - 1]
        let end = n < lineStarts.count ? text.index(before: lineStarts[n]) : text.endIndex
        return text[start..<end]
    }

    /// The text of lines `first` through `last` (1-based) with the LFs between them: their
    /// `line`s joined by "\n", for text that went through ingest (no CR left to end a line).
    public func lines(_ first: Int, through last: Int) -> Substring {
        guard first >= 1, first <= last, last <= lineStarts.count else { return "" }
        let end = last < lineStarts.count ? text.index(before: lineStarts[last]) : text.endIndex
        return text[lineStarts[first - 1]..<end]
    }

    /// Converts a 1-based UTF-8 byte column on `line` into a 1-based scalar column: one more
    /// than the scalars that start before the byte (a scalar starts at every byte that is not a
    /// continuation byte, 10xxxxxx), counting at most the whole line.
    public func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard var text = self.line(line) else { return byteColumn }
        return text.withUTF8 { bytes in
            1 + bytes.prefix(max(0, byteColumn - 1)).reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }
    }

    public func range(line: Int, column: Int) -> SourceRange {
        SourceRange(path: path, line: line, column: column)
    }
}
