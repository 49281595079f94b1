import Foundation

extension Unicode {
    /// What every text goes through when it is read: no byte-order mark, LF line ends,
    /// canonical composition (NFC — never NFKC), so "Việt" typed on macOS, on a Windows
    /// keyboard ("tổ hợp") or in NFC is one string everywhere after this.
    public static func ingest(_ text: String) -> String {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.withContiguousStorageIfAvailable({ $0.contains(0x0D) }) ?? text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return isCertainlyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when every scalar is one that NFC leaves alone whatever stands around it (quick-check
    /// "Yes" and combining class 0, UAX #15): Latin up to U+02FF, the precomposed Vietnamese
    /// letters of Latin Extended Additional, punctuation and currency signs. That is nearly every
    /// article, which then skips Foundation's normaliser; anything else is normalised.
    static func isCertainlyNFC(_ text: String) -> Bool {
        // The scalars are decoded from the UTF-8 bytes in place (the text is valid UTF-8).
        let fast: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0
            while i < bytes.count {
                let b = UInt32(bytes[i])
                if b < 0x80 { i += 1; continue }
                let value: UInt32
                if b < 0xE0 {
                    value = (b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if b < 0xF0 {
                    value = (b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    return false  // beyond the Basic Multilingual Plane: never in the list
                }
                guard leftAloneByNFC(value) else { return false }
            }
            return true
        }
        return fast ?? text.unicodeScalars.allSatisfy { leftAloneByNFC($0.value) }
    }

    @inline(__always)
    private static func leftAloneByNFC(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0x300, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0: true
        default: false
        }
    }

    /// Control characters (C0 but tab and line feed, and C1) — a form feed or vertical tab
    /// pasted from a word processor — replaced by spaces, which keeps every column where it was;
    /// with where each one was (line and column, 1-based, columns in scalars). No XML, JSON or
    /// PDF text string may hold them, and nothing typesets them.
    public static func replacingControls(_ text: String) -> (text: String, found: [(line: Int, column: Int, scalar: Unicode.Scalar)]) {
        func isControl(_ v: UInt32) -> Bool { (v < 0x20 && v != 0x09 && v != 0x0A) || (0x80...0x9F).contains(v) }
        // Fast path on the bytes: a C0 control is its own byte, a C1 control is C2 80 … C2 9F.
        let any = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.indices.contains { i in
                let b = bytes[i]
                return (b < 0x20 && b != 0x09 && b != 0x0A) || (b == 0xC2 && i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1]))
            }
        } ?? text.unicodeScalars.contains { isControl($0.value) }
        guard any else { return (text, []) }
        var out = String.UnicodeScalarView(), found: [(Int, Int, Unicode.Scalar)] = []
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if isControl(scalar.value) {
                found.append((line, column, scalar))
                out.append(" ")
            } else {
                out.append(scalar)
            }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (String(out), found)
    }

    /// Inline text as it is typeset: soft hyphens (U+00AD) from word processors removed,
    /// because Vietnamese is never hyphenated, and control characters made spaces.
    public static func cleanInlineText(_ text: String) -> String {
        // U+00AD is the byte pair C2 AD (a lone AD is the end of another letter, as in "í").
        let soft = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.indices.dropFirst().contains { bytes[$0] == 0xAD && bytes[$0 - 1] == 0xC2 }
        } ?? text.unicodeScalars.contains("\u{AD}")
        let text = soft ? String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{AD}" })) : text
        // Controls typed into a file were replaced as it was read; these came through an escape
        // (`&#12;` in Markdown).
        return replacingControls(text).text
    }
}

extension String {
    /// Levenshtein distance, for "did you mean" hints.
    public func editDistance(to other: String) -> Int {
        let a = Array(self), b = Array(other)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// "did you mean 'x'?" when one of `candidates` is close, else the list of them.
    static func suggestion(for wrong: String, among candidates: [String], what: String) -> String {
        if let near = candidates.min(by: { wrong.editDistance(to: $0) < wrong.editDistance(to: $1) }),
           wrong.editDistance(to: near) <= Swift.max(2, wrong.count / 3) {
            return "did you mean '\(near)'? \(what): " + candidates.joined(separator: ", ")
        }
        return "\(what): " + candidates.joined(separator: ", ")
    }
}
