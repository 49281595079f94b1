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
        var starts = [text.startIndex]
        let bytes = text.utf8
        var index = bytes.startIndex
        while let newline = bytes[index...].firstIndex(of: 0x0A) {
            index = bytes.index(after: newline)
            starts.append(index)
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

    /// Converts a 1-based UTF-8 byte column on `line` into a 1-based scalar column.
    public func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard let text = self.line(line) else { return byteColumn }
        var bytes = 0
        var column = 1
        for scalar in text.unicodeScalars {
            if bytes >= byteColumn - 1 { break }
            bytes += String(scalar).utf8.count
            column += 1
        }
        return column
    }

    public func range(line: Int, column: Int) -> SourceRange {
        SourceRange(path: path, line: line, column: column)
    }
}
