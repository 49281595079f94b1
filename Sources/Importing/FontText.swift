import Foundation
import Loading

/// How the characters of a run are to be read, from the name of its font. Word stores text set
/// in an old Vietnamese font as the Windows-1252 characters of its bytes (`Tr­êng` for
/// "Trường" in .VnTime); only the font's name says which table turns them into letters.
enum FontKind: Equatable {
    case unicode
    /// TCVN3 (.VnTime, .VnArial …; the `H` fonts, .VnTimeH, show every letter as a capital),
    /// VNI (VNI-Times, VNI-Helve …), VPS (VPS Times …) or VISCII (VI Times, VISCII …).
    case legacy(LegacyEncoding, capitals: Bool)
    case symbol(SymbolFont)

    static func of(_ name: String?) -> FontKind {
        guard let name = name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return .unicode }
        let lower = name.lowercased()
        if lower.hasPrefix(".vn") { return .legacy(.tcvn3, capitals: name.hasSuffix("H")) }
        if lower.hasPrefix("vni-") || lower.hasPrefix("vni ") { return .legacy(.vni, capitals: false) }
        if lower.hasPrefix("vps") { return .legacy(.vps, capitals: false) }
        if lower.contains("viscii") || lower.hasPrefix("vi ") { return .legacy(.viscii, capitals: false) }
        if lower == "symbol" { return .symbol(.symbol) }
        if lower.hasPrefix("wingdings") { return .symbol(.wingdings) }
        return .unicode
    }

    /// The font's text as Unicode, or nil when its characters are not bytes its encoding has.
    func read(_ text: String) -> String? {
        switch self {
        case .unicode:
            return text
        case .legacy(let encoding, let capitals):
            // Word's curly quotes, dashes and ellipsis are Windows-1252 characters in 0x80–0x9F:
            // where the encoding has no letter on that byte, the font draws the punctuation itself.
            var out = "", bytes = Data()
            func flush() -> Bool {
                guard !bytes.isEmpty else { return true }
                guard let decoded = encoding.decode(bytes) else { return false }
                out += capitals ? decoded.uppercased() : decoded
                bytes = Data()
                return true
            }
            for scalar in text.unicodeScalars {
                guard let byte = LegacyEncoding.fontBytes(CollectionOfOne(scalar)) else { return nil }
                if scalar.value > 0xFF, !(0xF000...0xF0FF).contains(scalar.value), encoding.decode(byte) == nil {
                    guard flush() else { return nil }
                    out.unicodeScalars.append(scalar)
                } else {
                    bytes.append(byte)
                }
            }
            return flush() ? out : nil
        case .symbol(let font):
            var out = ""
            for scalar in text.unicodeScalars {
                guard let mapped = font.character(scalar) else { return nil }
                out.unicodeScalars.append(mapped)
            }
            return out
        }
    }
}

extension FontKind {
    /// A legacy font's text with Unicode in it — letters no byte of the font stands for (ề, ợ) —
    /// read word by word: a word with such a letter is Unicode; a word with a sign Vietnamese
    /// never uses (ª, Ç, Ó, µ …) is the font's bytes; a word of letters both could mean ("xã"
    /// is Unicode "xã" or TCVN3 "xó") is kept as Unicode and named in `kept`. Nil when the text
    /// has no Unicode letter, or a word that should be bytes is not valid in the encoding.
    func readMixed(_ text: String) -> (text: String, kept: [String])? {
        guard case .legacy = self else { return nil }
        func isUnicodeOnly(_ s: Unicode.Scalar) -> Bool { LegacyEncoding.fontBytes(CollectionOfOne(s)) == nil && s.properties.isAlphabetic }
        guard text.unicodeScalars.contains(where: isUnicodeOnly) else { return nil }
        var out = "", kept: [String] = []
        for (i, word) in text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { out += " " }
            if word.unicodeScalars.contains(where: isUnicodeOnly) || word.unicodeScalars.allSatisfy({ $0.isASCII }) {
                out += word
            } else if word.unicodeScalars.contains(where: { LegacyEncoding.isForeignLatin1($0) || ($0.value > 0xFF && LegacyEncoding.fontBytes(CollectionOfOne($0)) != nil) })
                        || zip(word, word.dropFirst()).contains(where: { $0.isLowercase && $1.isUppercase && !$1.isASCII }) {
                // A sign Vietnamese never uses, or a capital letter inside a word ("chuyÓn"): bytes.
                guard let read = read(String(word)) else { return nil }
                out += read
            } else {
                out += word
                kept.append(String(word))
            }
        }
        return (out, kept)
    }
}

/// The two symbol fonts Word documents lean on; what they draw, as Unicode.
enum SymbolFont: Equatable {
    case symbol, wingdings

    var name: String { self == .symbol ? "Symbol" : "Wingdings" }

    /// The Unicode character for a code of this font (U+F0xx or a byte), when it has a
    /// counterpart Bantin knows.
    func character(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        let code: UInt8
        if (0xF020...0xF0FF).contains(value) { code = UInt8(value - 0xF000) } else if value <= 0xFF { code = UInt8(value) } else { return nil }
        if code == 0x20 { return " " }
        let table = self == .symbol ? SymbolFont.symbolTable : SymbolFont.wingdingsTable
        return table[code].flatMap(Unicode.Scalar.init)
    }

    /// Adobe's Symbol encoding: Greek letters, mathematical signs and arrows.
    static let symbolTable: [UInt8: UInt32] = {
        var table: [UInt8: UInt32] = [:]
        // Digits and most ASCII punctuation are themselves.
        for code in UInt8(0x21)...0x3F where ![0x22, 0x24, 0x27, 0x2A, 0x2D].contains(code) { table[code] = UInt32(code) }
        let greekUpper = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ", greekLower = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ"
        for (i, scalar) in greekUpper.unicodeScalars.enumerated() { table[0x41 + UInt8(i)] = scalar.value }
        for (i, scalar) in greekLower.unicodeScalars.enumerated() { table[0x61 + UInt8(i)] = scalar.value }
        let signs: [UInt8: UInt32] = [
            0x22: 0x2200, 0x24: 0x2203, 0x27: 0x220B, 0x2A: 0x2217, 0x2D: 0x2212, 0x40: 0x2245, 0x5B: 0x5B, 0x5C: 0x2234,
            0x5D: 0x5D, 0x5E: 0x22A5, 0x5F: 0x5F, 0x7B: 0x7B, 0x7C: 0x7C, 0x7D: 0x7D, 0x7E: 0x223C,
            0xA1: 0x03D2, 0xA2: 0x2032, 0xA3: 0x2264, 0xA4: 0x2044, 0xA5: 0x221E, 0xA6: 0x0192, 0xA7: 0x2663, 0xA8: 0x2666,
            0xA9: 0x2665, 0xAA: 0x2660, 0xAB: 0x2194, 0xAC: 0x2190, 0xAD: 0x2191, 0xAE: 0x2192, 0xAF: 0x2193,
            0xB0: 0x00B0, 0xB1: 0x00B1, 0xB2: 0x2033, 0xB3: 0x2265, 0xB4: 0x00D7, 0xB5: 0x221D, 0xB6: 0x2202, 0xB7: 0x2022,
            0xB8: 0x00F7, 0xB9: 0x2260, 0xBA: 0x2261, 0xBB: 0x2248, 0xBC: 0x2026, 0xC0: 0x2135, 0xC4: 0x2297, 0xC5: 0x2295,
            0xC6: 0x2205, 0xC7: 0x2229, 0xC8: 0x222A, 0xC9: 0x2283, 0xCA: 0x2287, 0xCB: 0x2284, 0xCC: 0x2282, 0xCD: 0x2286,
            0xCE: 0x2208, 0xCF: 0x2209, 0xD0: 0x2220, 0xD1: 0x2207, 0xD5: 0x220F, 0xD6: 0x221A, 0xD7: 0x22C5, 0xD8: 0x00AC,
            0xD9: 0x2227, 0xDA: 0x2228, 0xDB: 0x21D4, 0xDC: 0x21D0, 0xDD: 0x21D1, 0xDE: 0x21D2, 0xDF: 0x21D3, 0xE0: 0x25CA,
            0xE1: 0x2329, 0xE5: 0x2211, 0xF1: 0x232A, 0xF2: 0x222B,
        ]
        table.merge(signs) { _, new in new }
        return table
    }()

    /// The Wingdings characters contributors use as bullets, ticks and arrows.
    static let wingdingsTable: [UInt8: UInt32] = [
        0x6C: 0x25CF, 0x6E: 0x25A0, 0x6F: 0x25A1, 0x71: 0x2751, 0x75: 0x25C6, 0x76: 0x2756, 0x77: 0x2B25,
        0x9F: 0x2022, 0xA1: 0x25CB, 0xA7: 0x25AA, 0xA8: 0x25FB, 0xD8: 0x27A2, 0xDF: 0x2190, 0xE0: 0x2192, 0xE8: 0x2794,
        0xF0: 0x21E8, 0xFB: 0x2717, 0xFC: 0x2713, 0xFD: 0x2612, 0xFE: 0x2611, 0x4A: 0x263A, 0x4C: 0x2639, 0x2A: 0x2709,
        0x28: 0x260E, 0x3F: 0x270D, 0x46: 0x261E, 0x43: 0x1F44D,
    ]
}
