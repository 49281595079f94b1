import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The encodings of old Vietnamese office files (VIETNAMESE.md, "Legacy encodings"): glibc's
/// iconv decodes CP1258, TCVN5712-1 and VISCII; TCVN3 (ABC, the `.VnTime` fonts) and
/// VNI-Windows need the tables below.
public enum LegacyEncoding: String, CaseIterable, Sendable {
    // In order of preference when two decode equally well (TCVN3's lowercase letters are
    // TCVN5712-1's too, and TCVN3 was by far the more common).
    case tcvn3
    case cp1258
    case tcvn5712 = "tcvn5712-1"
    case viscii
    case vni
    /// Only by name (`--from vps`, or a VPS font in a Word file): its letters sit on Latin-1's
    /// and the control codes, so guessing it would take too much plain text for VPS.
    case vps

    /// The encodings detection chooses among.
    static let detectable: [LegacyEncoding] = [.tcvn3, .cp1258, .tcvn5712, .viscii, .vni]

    public var displayName: String {
        switch self {
        case .cp1258: "CP1258 (Windows-1258)"
        case .tcvn5712: "TCVN5712-1"
        case .viscii: "VISCII"
        case .tcvn3: "TCVN3 (ABC, .VnTime fonts)"
        case .vni: "VNI-Windows"
        case .vps: "VPS"
        }
    }

    /// The text in NFC, or nil when the bytes are not valid in this encoding.
    public func decode(_ data: Data) -> String? {
        let text: String?
        switch self {
        case .cp1258: text = Iconv.decode(data, from: "CP1258")
        case .tcvn5712: text = Iconv.decode(data, from: "TCVN5712-1")
        case .viscii: text = Iconv.decode(data, from: "VISCII")
        case .tcvn3: text = LegacyTables.decodeTCVN3(data)
        case .vni: text = LegacyTables.decodeVNI(data)
        case .vps: text = LegacyTables.decodeVPS(data)
        }
        return text.map { Unicode.ingest($0) }
    }

    /// The encoding that makes the most Vietnamese of bytes that are not UTF-8, if any does.
    public static func detect(_ data: Data) -> LegacyEncoding? {
        var best: (LegacyEncoding, Double)?
        for encoding in detectable {
            guard let text = encoding.decode(data) else { continue }
            let score = vietnameseScore(text)
            if score > (best?.1 ?? 0.02) { best = (encoding, score) }
        }
        return best?.0
    }

    /// UTF-8 text that is really legacy bytes read as Latin-1 or Windows-1252 ("TiÕng ViÖt",
    /// "Tieáng Vieät", "Tiêìng Viêòt"): the encoding it came from, when converting it back
    /// makes clearly more Vietnamese.
    public static func mojibake(_ text: Substring) -> LegacyEncoding? {
        let scalars = text.unicodeScalars
        // Cheap first: Latin-1 letters and signs that Vietnamese never uses (Ö ñ ¸ µ ø …). Correct
        // Vietnamese text (à á â ã è é ê …) stops here, which keeps this off the hot path.
        var foreign = 0
        for scalar in scalars where isForeignLatin1(scalar) { foreign += 1 }
        guard foreign >= 2 else { return nil }
        guard let bytes = fontBytes(scalars) else { return nil }
        let original = vietnameseScore(String(text))
        var best: (LegacyEncoding, Double)?
        for encoding in detectable {
            guard let decoded = encoding.decode(bytes) else { continue }
            let score = vietnameseScore(decoded)
            if score > original + 0.03, score > (best?.1 ?? 0) { best = (encoding, score) }
        }
        return best?.0
    }

    /// The bytes behind text set in a legacy font, as a word processor stores it: each byte as
    /// the Latin-1 or Windows-1252 character of that code (0xB8 → `¸`, 0x92 → `’`), or as a
    /// private-use character U+F000 + byte (symbol fonts). Nil when a character is none of those:
    /// the text is not a legacy font's bytes.
    public static func fontBytes(_ scalars: some Sequence<Unicode.Scalar>) -> Data? {
        var bytes = Data()
        for scalar in scalars {
            let value = scalar.value
            if value <= 0xFF {
                bytes.append(UInt8(value))
            } else if let byte = windows1252[value] {
                bytes.append(byte)
            } else if (0xF000...0xF0FF).contains(value) {
                bytes.append(UInt8(value - 0xF000))
            } else {
                return nil
            }
        }
        return bytes
    }

    static let vietnameseLatin1 = Set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ".unicodeScalars)

    /// A Latin-1 letter or sign (U+00A0–U+00FF) that Vietnamese never uses: what mojibake is
    /// made of. Scalars outside the range are answered without a set lookup.
    @inline(__always)
    public static func isForeignLatin1(_ scalar: Unicode.Scalar) -> Bool {
        (0xA0...0xFF).contains(scalar.value) && !vietnameseLatin1.contains(scalar)
    }

    /// Share of the letters that are Vietnamese letters with marks, minus penalties for what
    /// real Vietnamese does not have: control characters and Latin-1 punctuation, a syllable
    /// with two tone marks, a capital inside a word. A wrong decoding makes plenty of marked
    /// letters too, but not in syllables.
    static func vietnameseScore(_ text: String) -> Double {
        var letters = 0, vietnamese = 0, noise = 0
        for word in text.split(whereSeparator: { !$0.isLetter }) {
            var tones = 0, previousLower = false
            for ch in word {
                let nfd = String(ch).decomposedStringWithCanonicalMapping.unicodeScalars
                if nfd.contains(where: { [0x300, 0x301, 0x303, 0x309, 0x323].contains($0.value) }) { tones += 1 }
                if ch.isUppercase, previousLower { noise += 1 }
                previousLower = ch.isLowercase
            }
            if tones > 1 { noise += 2 * (tones - 1) }
        }
        for s in text.unicodeScalars {
            if s.properties.isAlphabetic { letters += 1 }
            if (0x1EA0...0x1EF9).contains(s.value) || "ăâêôơưđĂÂÊÔƠƯĐàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵÀÁÃÈÉÌÍÒÓÕÙÚÝ".unicodeScalars.contains(s) {
                vietnamese += 1
            }
            if (0x80...0x9F).contains(s.value) || (s.value < 0x20 && s != "\n" && s != "\r" && s != "\t")
                || "¤¦¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿×÷ÆæÐðÞþßØøÅåÄäÖöÜüËëÏïÎîÛûŒœÑñ".unicodeScalars.contains(s) {
                noise += 1
            }
        }
        guard letters > 0 else { return 0 }
        return Double(vietnamese - 2 * noise) / Double(letters)
    }

    /// The Windows-1252 bytes 0x80–0x9F, for text that was decoded as Windows-1252.
    static let windows1252: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02C6: 0x88,
        0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93,
        0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B,
        0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}

/// glibc's iconv, for the encodings it has.
enum Iconv {
    static func decode(_ data: Data, from encoding: String) -> String? {
        let cd = iconv_open("UTF-8", encoding)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = [CChar](repeating: 0, count: data.count)
        data.withUnsafeBytes { raw in
            for (i, byte) in raw.enumerated() { input[i] = CChar(bitPattern: byte) }
        }
        var output = [CChar](repeating: 0, count: data.count * 4 + 16)
        let converted: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var inLeft = inBuffer.count, outLeft = outBuffer.count
                guard iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft) != -1 || inLeft == 0 else { return nil }
                // Stateful decoders (TCVN) hold the last letter back, waiting for a combining mark: flush it.
                guard iconv(cd, nil, nil, &outPointer, &outLeft) != -1 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let converted else { return nil }
        return String(decoding: output[..<converted].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// `bantin import`: a legacy-encoded text file as an NFC Markdown article.
public enum LegacyImport {
    public struct Result: Sendable {
        public var encoding: LegacyEncoding?
        public var markdown: String
    }

    /// Decodes `data` (UTF-8, or `encoding`, or the detected legacy encoding) and gives it front
    /// matter when it has none, its first line as the title.
    public static func convert(_ data: Data, from encoding: LegacyEncoding?) -> Result? {
        var used = encoding
        var text: String?
        if let encoding {
            text = encoding.decode(data)
        } else if let utf8 = String(data: data, encoding: .utf8) {
            text = Unicode.ingest(utf8)
        } else if let detected = LegacyEncoding.detect(data) {
            used = detected
            text = detected.decode(data)
        }
        guard var body = text.map(Unicode.cleanInlineText) else { return nil }
        if !body.hasPrefix("---\n") {
            let first = body.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "Bài viết"
            let title = first.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\"", with: "”")
            body = "---\ntitle: \"\(title.prefix(160))\"\n---\n\n" + body
        }
        if !body.hasSuffix("\n") { body += "\n" }
        return Result(encoding: used, markdown: body)
    }
}

extension LegacyImport {
    /// A line `repair` changed, and how the garbled text had been read.
    public struct Repair: Sendable {
        public var line: Int
        public var encoding: LegacyEncoding
    }

    /// UTF-8 text in which TCVN3, VNI or another legacy encoding was garbled — copied out of a
    /// document set in a legacy font, so each byte became a Windows-1252 character ("Héi
    /// nghÞ" for "Hội nghị") — turned back into Vietnamese, line by line; stretches of a line
    /// that are correct Unicode are left alone.
    public static func repair(_ text: String) -> (text: String, repairs: [Repair]) {
        var repairs: [Repair] = []
        var lines: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var used: LegacyEncoding?
            // Stretches of words that could be legacy bytes, split at any word that could not.
            var out = "", stretch: [Substring] = []
            func flush() {
                guard !stretch.isEmpty else { return }
                let joined = stretch.joined(separator: " ")
                if let encoding = LegacyEncoding.mojibake(Substring(joined)), let bytes = LegacyEncoding.fontBytes(joined.unicodeScalars),
                   let decoded = encoding.decode(bytes) {
                    out += decoded
                    used = encoding
                } else {
                    out += joined
                }
                stretch = []
            }
            let words = line.split(separator: " ", omittingEmptySubsequences: false)
            for (k, word) in words.enumerated() {
                if LegacyEncoding.fontBytes(word.unicodeScalars) != nil {
                    stretch.append(word)
                } else {
                    flush()
                    out += word
                }
                if k < words.count - 1 {
                    if stretch.isEmpty { out += " " } else if LegacyEncoding.fontBytes(words[k + 1].unicodeScalars) == nil { flush(); out += " " }
                }
            }
            flush()
            if let used { repairs.append(Repair(line: index + 1, encoding: used)) }
            lines.append(out)
        }
        return (Unicode.ingest(lines.joined(separator: "\n")), repairs)
    }
}
