import Testing
@testable import Typesetting

/// `VietnameseBreaks.allowsBreak` answers most pairs from a few bytes before any Character is
/// formed; these tests hold it to the rules written the plain way, on Character and String,
/// over pairs built to sit on every edge of the byte tests.
@Suite struct BreakPretestTests {
    /// The rules as VIETNAMESE.md states them, with no shortcut.
    static func reference(_ before: String, _ after: String) -> Bool {
        guard !before.isEmpty, !after.isEmpty else { return true }
        if after.utf8.count <= 3, ["-", "–", "—"].contains(after) || after.hasPrefix("./.") { return false }
        // The rules see through brackets and quotes: opening ones on both words, closing ones on the first.
        let openers = "([{“‘\"'«", closers = ")]}”’\"'»"
        var before = Substring(before), after = Substring(after)
        while let c = before.first, openers.contains(c) { before = before.dropFirst() }
        while let c = before.last, closers.contains(c) { before = before.dropLast() }
        while let c = after.first, openers.contains(c) { after = after.dropFirst() }
        return bare(String(before), String(after))
    }

    static func bare(_ before: String, _ after: String) -> Bool {
        guard let first = after.first, let last = before.last else { return true }
        if after.utf8.count <= 3, ["-", "–", "—"].contains(after) || after.hasPrefix("./.") { return false }
        if first.isNumber || ("IVXLC".contains(first) && VietnameseBreaks.isRoman(after)),
           VietnameseBreaks.labels.contains(before.lowercased()) { return false }
        if last.isNumber || last == "." || last == ",", VietnameseBreaks.isNumber(before),
           VietnameseBreaks.units.contains(VietnameseBreaks.trimmed(after.lowercased())) { return false }
        if last == ".", first.isUppercase, VietnameseBreaks.titles.contains(before.lowercased()) { return false }
        return true
    }

    static let words = [
        "số", "Số", "SỐ", "quý", "Quý", "ngày", "tháng", "năm", "Điều", "khoản", "kỳ", "khóa", "kho\u{301}a",
        "4", "12", "2024", "2024.", "IV/2024", "IV", "XII", "CIV/", "Công", "Việt", "Lan", "I\u{301}t", "/IV", "V/á",
        "10", "100.000", "12,5", "3,", "5.", "٣", "٣٠", "½", "Ⅳ", "km", "km,", "KM", "kg.", "%", "%.", "đồng", "₫", "°C",
        "m²", "triệu", "người", "TP.", "tp.", "PGS.TS.", "\u{212A}S.", "GS.TSKH.", "Ths.", "Hồ", "Nguyễn", "An", "ông",
        "-", "–", "—", "--", "./.", "./..", ".", ",", "a.", "Ồ.", "chữ", "về", "x", "http://a.vn/b", "www.a.vn", "",
        "(năm", "2024)", "“Số", "4”", "(TP.", "[Điều", "5]", "km).", "(12", "«Quý", "‘IV’", "(", "”", "\"10", "km\"", "(-", "Minh)",
    ]

    @Test func fastAnswerAgreesWithTheRulesOnEveryPair() {
        var disagreements: [String] = []
        for before in Self.words {
            for after in Self.words where VietnameseBreaks.allowsBreak(between: before, and: after) != Self.reference(before, after) {
                disagreements.append("“\(before)” + “\(after)”")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) pair(s) differ: \(disagreements.prefix(10).joined(separator: ", "))")
    }

    /// The pre-test must not answer "allowed" for a pair the rules bind: the bound pairs of
    /// the hard cases, and the edge spellings (Kelvin sign, Arabic-Indic digits, accents).
    @Test func boundPairsStayBound() {
        let bound = [("Số", "4"), ("Quý", "IV/2024"), ("tháng", "٣"), ("٣٠", "km"), ("\u{212A}S.", "Nguyễn"),
                     ("PGS.TS.", "Nguyễn"), ("10", "km,"), ("bản", "./."), ("Độc", "–"),
                     ("(năm", "2024)"), ("“Số", "4”"), ("(TP.", "Hồ"), ("[Điều", "5]"), ("12", "km).")]
        for (before, after) in bound {
            #expect(!VietnameseBreaks.allowsBreak(between: before, and: after), "“\(before) \(after)” may break")
        }
    }
}
