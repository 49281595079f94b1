/// Where Vietnamese text may not break (VIETNAMESE.md, "Line breaking and justification").
/// Vietnamese is never hyphenated: breaks happen at spaces, and inside URLs after "/", ".",
/// "-", "_", "?", "&" or "=" (and, at a high cost, between any two characters).
/// The space between two words is not a break when the pair is one of:
///
/// - `Số 4`, `Quý IV/2024`, `ngày 24`, `tháng 12`, `năm 2024`, `Điều 5`, `Khoản 2` — a label and its number;
/// - `10 km`, `100.000 đồng`, `12,5 %` — a number and its unit;
/// - `TP. Hồ Chí Minh`, `PGS.TS. Nguyễn Văn A` — an abbreviated title and the name after it;
/// - `… năm ./.` — the end mark stays with the last word;
/// - `Độc lập - Tự do` — a spaced dash may end a line but never start one.
///
/// The rules see through punctuation (issue 15): they judge the words without their opening
/// brackets and quotes, and `before` without its closing ones, so `(năm 2024)`, `“Số 4”`,
/// `(TP. Hồ Chí Minh)`, `[Điều 5]` and `12 km).` hold together as the bare pairs do.
public enum VietnameseBreaks {
    static let labels: Set<String> = ["số", "quý", "ngày", "tháng", "năm", "điều", "khoản", "chương", "mục", "phần", "lần", "kỳ", "khóa"]

    static let units: Set<String> = [
        "km", "m", "cm", "mm", "µm", "km²", "m²", "m2", "m³", "m3", "ha", "kg", "g", "mg", "tấn", "tạ", "yến", "lít", "l", "ml",
        "%", "‰", "°c", "°", "độ", "đồng", "₫", "vnđ", "usd", "nghìn", "ngàn", "triệu", "tỷ", "tỉ",
        "giờ", "phút", "giây", "người", "hộ", "mg/l", "ntu", "ppm",
        "w", "kw", "kwh", "mw", "mwh", "v", "kv", "a", "ah", "mah", "hz", "mhz", "ghz", "gb", "mb", "tb", "kb",
    ]

    static let titles: Set<String> = [
        "tp.", "tx.", "tt.", "q.", "p.", "gs.", "pgs.", "ts.", "ths.", "ks.", "bs.", "cn.", "ncs.", "ds.", "ls.",
        "bsck.", "bscki.", "bsckii.", "gs.ts.", "pgs.ts.", "ts.bs.", "ths.bs.", "ts.ks.", "gs.tskh.", "pgs.tskh.", "tskh.",
    ]

    /// Whether the line may break at the space between `before` and `after`.
    public static func allowsBreak(between before: String, and after: String) -> Bool {
        // A bracket or quote at either edge: the rules judge the words inside it.
        if let a0 = after.utf8.first, let b0 = before.utf8.first,
           mayOpen(a0) || mayOpen(b0) || mayClose(before) {
            let inner = (before: stripped(before, opening: true, closing: true), after: stripped(after, opening: true, closing: false))
            if inner.before != before || inner.after != after {
                if after.utf8.count <= 3, isDashOrEndMark(after) { return false }
                guard !inner.before.isEmpty, !inner.after.isEmpty else { return true }
                return allowsBareBreak(between: inner.before, and: inner.after)
            }
        }
        return allowsBareBreak(between: before, and: after)
    }

    /// Opening brackets and quotes, and closing ones, that the rules look through.
    static let opening: Set<Character> = ["(", "[", "{", "“", "‘", "\"", "'", "«"]
    static let closing: Set<Character> = [")", "]", "}", "”", "’", "\"", "'", "»"]

    /// `word` without its opening (and, when asked, closing) brackets and quotes at its edges.
    static func stripped(_ word: String, opening strip: Bool, closing stripEnd: Bool) -> String {
        var w = Substring(word)
        if strip { while let first = w.first, opening.contains(first) { w = w.dropFirst() } }
        if stripEnd { while let last = w.last, closing.contains(last) { w = w.dropLast() } }
        return String(w)
    }

    /// Whether a word starting with this byte may start with an opening bracket or quote
    /// (`( [ { " '`, or the lead byte of `“ ‘ «`): the cheap test before any Character.
    private static func mayOpen(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x28, 0x5B, 0x7B, 0x22, 0x27, 0xE2, 0xC2: true
        default: false
        }
    }

    /// Whether a word ends with a closing bracket or quote (`) ] } " '`, or `” ’ »` by their
    /// bytes — not merely their last byte, which "ộ" and "ờ" share).
    private static func mayClose(_ word: String) -> Bool {
        var tail: (UInt8, UInt8, UInt8) = (0, 0, 0)
        for byte in word.utf8.suffix(3) { tail = (tail.1, tail.2, byte) }
        switch tail {
        case (_, _, 0x29), (_, _, 0x5D), (_, _, 0x7D), (_, _, 0x22), (_, _, 0x27), (0xE2, 0x80, 0x9D), (0xE2, 0x80, 0x99), (_, 0xC2, 0xBB): return true
        default: return false
        }
    }

    /// The rules on words that carry no bracket or quote at their edges.
    private static func allowsBareBreak(between before: String, and after: String) -> Bool {
        // Runs for every space of every paragraph: the bytes decide most pairs before any
        // Character is formed. A rule can bind only when `after` is short (a dash, `./.`) or
        // starts with a digit or a Roman numeral's letter, or `before` starts with a digit or
        // ends with "." — or either starts with a non-ASCII letter, left to the full test.
        guard let a0 = after.utf8.first, let b0 = before.utf8.first, let bLast = before.utf8.last else { return true }
        if after.utf8.count <= 3, isDashOrEndMark(after) { return false }
        // The other rules need `after` to start with a number (Character.isNumber is its first
        // scalar's numeric type) or be a Roman numeral (label + number), `before` to start with
        // a number (number + unit), or `before` to end with "." and lowercase to an ASCII title
        // (title + name: only ASCII letters and the Kelvin sign lowercase to ASCII letters).
        let labelRule = isDigit(a0) || (isRomanLetter(a0) && romanBytes(after)) || (a0 >= 0x80 && startsNumeric(after))
        let unitRule = isDigit(b0) || (b0 >= 0x80 && startsNumeric(before))
        let titleRule = bLast == UInt8(ascii: ".") && (before.utf8.allSatisfy { $0 < 0x80 } || before.unicodeScalars.contains("\u{212A}"))
        if !labelRule, !unitRule, !titleRule { return true }
        guard let first = after.first, let last = before.last else { return true }
        if first.isNumber || ("IVXLC".contains(first) && isRoman(after)), labels.contains(before.lowercased()) { return false }
        if last.isNumber || last == "." || last == ",", isNumber(before), units.contains(trimmed(after.lowercased())) { return false }
        if last == ".", first.isUppercase, titles.contains(before.lowercased()) { return false }
        return true
    }

    /// The characters after which a URL breaks well (issue 15): a ragged line, no hyphen added.
    static let urlSeparators: Set<Character> = ["/", ".", "-", "_", "?", "&", "="]

    /// Character offsets inside a URL-like word after which a line may break: after each of
    /// `urlSeparators` that is not the word's last character (never inside "//"), `good`; and,
    /// as a last resort so that no URL ever leaves its column, between any two other characters.
    public static func urlBreakOffsets(_ word: String) -> [(offset: Int, good: Bool)] {
        // Cheap test first: this runs for every word of every paragraph.
        guard word.utf8.contains(UInt8(ascii: "/")) || word.utf8.starts(with: "www.".utf8),
              word.contains("://") || word.hasPrefix("www.") else { return [] }
        let chars = Array(word)
        var out: [(Int, Bool)] = []
        for i in chars.indices.dropLast() {
            if chars[i] == "/", chars[i + 1] == "/" { continue }
            if chars[i] == ":", chars[i + 1] == "/" { continue }
            out.append((i + 1, urlSeparators.contains(chars[i])))
        }
        return out
    }

    /// `-`, `–`, `—` or `./.`, by their bytes (none has another canonical form).
    private static func isDashOrEndMark(_ word: String) -> Bool {
        var bytes = (0 as UInt32, 0)
        for b in word.utf8 { bytes = (bytes.0 << 8 | UInt32(b), bytes.1 + 1) }
        switch bytes {
        case (0x2D, 1), (0xE2_80_93, 3), (0xE2_80_94, 3), (0x2E_2F_2E, 3): return true
        default: return false
        }
    }

    /// Whether the bytes before the first "/" are all Roman numeral letters: true whenever
    /// `isRoman` is (and in a few more cases, which the full test then decides).
    private static func romanBytes(_ word: String) -> Bool {
        var any = false
        for b in word.utf8 {
            if b == UInt8(ascii: "/") { break }
            guard isRomanLetter(b) else { return false }
            any = true
        }
        return any
    }

    private static func startsNumeric(_ word: String) -> Bool {
        word.unicodeScalars.first?.properties.numericType != nil
    }

    private static func isRomanLetter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "I"), UInt8(ascii: "V"), UInt8(ascii: "X"), UInt8(ascii: "L"), UInt8(ascii: "C"): true
        default: false
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isNumber(_ word: String) -> Bool {
        guard let first = word.first, first.isNumber else { return false }
        return word.allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
    }

    static func isRoman(_ word: String) -> Bool {
        let head = word.prefix { $0 != "/" }
        return !head.isEmpty && head.allSatisfy { "IVXLC".contains($0) }
    }

    /// A unit may carry closing punctuation: `10 km,` `12 %.`
    static func trimmed(_ word: String) -> String {
        var w = Substring(word)
        while let last = w.last, ",;:.!?)”’".contains(last), w.count > 1 { w = w.dropLast() }
        return String(w)
    }
}
