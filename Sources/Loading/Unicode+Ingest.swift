import Foundation

extension Unicode {
    /// What every text goes through when it is read: no byte-order mark, LF line ends,
    /// canonical composition (NFC — never NFKC), so "Việt" typed on macOS, on a Windows
    /// keyboard ("tổ hợp") or in NFC is one string everywhere after this.
    public static func ingest(_ text: String) -> String {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return isCertainlyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when every scalar is one that NFC leaves alone whatever stands around it (quick-check
    /// "Yes" and combining class 0, UAX #15): Latin up to U+02FF, the precomposed Vietnamese
    /// letters of Latin Extended Additional, punctuation and currency signs. That is nearly every
    /// article, which then skips Foundation's normaliser; anything else is normalised.
    static func isCertainlyNFC(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { s in
            switch s.value {
            case 0..<0x300, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0: true
            default: false
            }
        }
    }

    /// Inline text as it is typeset: soft hyphens (U+00AD) from word processors removed,
    /// because Vietnamese is never hyphenated.
    public static func cleanInlineText(_ text: String) -> String {
        text.unicodeScalars.contains("\u{AD}") ? String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{AD}" })) : text
    }
}

extension String {
    /// Levenshtein distance, for "did you mean" hints.
    func editDistance(to other: String) -> Int {
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
