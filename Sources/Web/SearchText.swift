import Foundation

/// How search reads text: words, and passages to show as snippets. `assets/search-core.js`
/// reads queries and passages the same way (`/[\p{L}\p{M}\p{N}]+/u`), so a word found in the
/// index is the word the page highlights.
enum SearchText {
    /// The words of `text`: maximal runs of letters, marks and digits. "PGS.TS. Nguyễn" →
    /// PGS, TS, Nguyễn; "380.000" → 380, 000 (a query typed that way asks for both in a row).
    static func words(_ text: String) -> [Substring] {
        var out: [Substring] = []
        var start: String.Index? = nil
        var i = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        while i < scalars.endIndex {
            let isWord = isWordScalar(scalars[i])
            if isWord, start == nil { start = i }
            if !isWord, let s = start {
                out.append(text[s..<i])
                start = nil
            }
            i = scalars.index(after: i)
        }
        if let s = start { out.append(text[s..<scalars.endIndex]) }
        return out
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// A passage is a sentence, or several short ones together; a sentence longer than
    /// `longest` words is cut into pieces of about `piece` words, marked "…" where cut. The
    /// snippet a result shows is one passage, so it reads as text, not as a window of words.
    static let shortest = 12, longest = 45, piece = 30

    static func passages(_ text: String) -> [String] {
        var out: [String] = []
        var pending = ""
        for sentence in sentences(text) {
            for chunk in pieces(sentence) {
                pending = pending.isEmpty ? chunk : pending + " " + chunk
                if words(pending).count >= shortest {
                    out.append(pending)
                    pending = ""
                }
            }
        }
        if !pending.isEmpty {
            if let last = out.last, words(last).count + words(pending).count <= longest {
                out[out.count - 1] = last + " " + pending
            } else {
                out.append(pending)
            }
        }
        return out
    }

    /// Sentences end at `.`, `!`, `?` or `…` (and a closing quote or bracket after it) followed by
    /// a space and a capital letter, a digit or an opening quote — except after an abbreviation,
    /// a word of at most four letters ending in a capital ("TP. Lâm Giang", "PGS.TS. Nguyễn",
    /// "ThS. Lê"; a sentence ending "…của UBND." runs on into the next, which does little harm).
    static func sentences(_ text: String) -> [String] {
        let chars = Array(text)
        var out: [String] = []
        var start = 0
        var i = 0
        while i < chars.count {
            if ".!?…".contains(chars[i]) {
                var end = i + 1
                while end < chars.count, "”’\")]»".contains(chars[end]) { end += 1 }
                if end + 1 < chars.count, chars[end].isWhitespace,
                   chars[end + 1].isUppercase || chars[end + 1].isNumber || "“‘\"(«".contains(chars[end + 1]),
                   !(chars[i] == "." && endsWithAbbreviation(chars[start..<i])) {
                    out.append(String(chars[start..<end]))
                    start = end + 1
                    i = end
                }
            }
            i += 1
        }
        let rest = String(chars[min(start, chars.count)...]).trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { out.append(rest) }
        return out.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    private static func endsWithAbbreviation(_ chars: ArraySlice<Character>) -> Bool {
        let word = chars.reversed().prefix { $0.isLetter }
        return !word.isEmpty && word.count <= 4 && word.first!.isUppercase
    }

    private static func pieces(_ sentence: String) -> [String] {
        let spaced = sentence.split(separator: " ", omittingEmptySubsequences: true)
        guard spaced.count > longest else { return [sentence] }
        var out: [String] = []
        var from = 0
        while from < spaced.count {
            // The last piece takes what is left when that is short, not a stub of a few words.
            let to = spaced.count - from <= piece + piece / 2 ? spaced.count : from + piece
            let text = spaced[from..<to].joined(separator: " ")
            out.append((from > 0 ? "… " : "") + text + (to < spaced.count ? " …" : ""))
            from = to
        }
        return out
    }
}
