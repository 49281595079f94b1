import Diagnostics
import Foundation

/// Mistakes in Vietnamese text that NFC cannot repair (VIETNAMESE.md, "Letters and marks"):
/// - a tone typed before the circumflex, breve or horn (`a` + U+0301 + U+0302): both marks have
///   combining class 230, so NFC keeps their order, composes `á` and leaves the circumflex loose;
/// - two tones on one vowel (`ể` + U+0323);
/// - Ð (U+00D0, Icelandic eth) or ð where Đ or đ was meant (a warning).
/// Runs on text after NFC; columns count Unicode scalars, as everywhere.
enum VietnameseLint {
    static let tones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]
    static let shapes: [UInt32: String] = [0x302: "circumflex", 0x306: "breve", 0x31B: "horn"]

    static func check(_ file: SourceFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var mojibake = false
        for n in 1...max(1, file.lineCount) {
            guard let line = file.line(n), line.utf8.contains(where: { $0 >= 0x80 }) else { continue }
            let (marks, foreign) = check(line, n, in: file)
            // `mojibake` needs two foreign Latin-1 scalars: lines with fewer are not looked at.
            if !mojibake, foreign >= 2, let legacy = LegacyEncoding.mojibake(line) {
                mojibake = true
                let column = (line.unicodeScalars.firstIndex { (0xB5...0xFF).contains($0.value) })
                    .map { line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: $0) + 1 } ?? 1
                out.append(.error("legacy-text", "this looks like \(legacy.displayName) text that was read as Latin-1: “\(line.prefix(30))”",
                                  at: file.range(line: n, column: column),
                                  hint: "convert the original file with `bantin import FILE --from \(legacy.rawValue)` instead of copying the garbled text"))
            }
            out += marks
            if let joined = noBreakRun(line) {
                out.append(.warning("nbsp-run", "\(joined.words) words are joined by non-breaking spaces: no line can break between them",
                                    at: file.range(line: n, column: joined.column),
                                    hint: "text pasted from a word processor or a web page often has them; type ordinary spaces, "
                                        + "or set `text: { nbsp: space }` in the layout to treat every non-breaking space as one"))
            }
        }
        return out
    }

    /// Words joined by non-breaking spaces (U+00A0) on a line: the most joined in one run, when
    /// four or more, and the column where that run starts. `Số 4`, `10 km` join two.
    static func noBreakRun(_ line: Substring) -> (words: Int, column: Int)? {
        // U+00A0 is the byte pair C2 A0 (a lone A0 ends many letters: à is C3 A0).
        var line = line
        let any = line.withUTF8 { bytes in bytes.indices.dropFirst().contains { bytes[$0] == 0xA0 && bytes[$0 - 1] == 0xC2 } }
        guard any else { return nil }
        var best: (words: Int, column: Int)?, column = 0, start = 1, joined = 1
        for scalar in line.unicodeScalars {
            column += 1
            if scalar == " " || scalar == "\t" {
                start = column + 1
                joined = 1
            } else if scalar == "\u{A0}" {
                joined += 1
                if joined >= 4, joined > best?.words ?? 0 { best = (joined, start) }
            }
        }
        return best
    }

    /// The mark and eth diagnostics of line `n`, and how many foreign Latin-1 scalars it has
    /// (counted in the same pass, for the mojibake test). The scalars are decoded from the
    /// line's UTF-8 bytes in place (the text is valid UTF-8).
    private static func check(_ line: Substring, _ n: Int, in file: SourceFile) -> (marks: [Diagnostic], foreign: Int) {
        var line = line
        return line.withUTF8 { bytes in
            var out: [Diagnostic] = []
            var foreign = 0
            var column = 0
            var baseColumn = 0, baseOffset = 0
            var baseHasTone = false
            var offset = 0
            while offset < bytes.count {
                let (s, length) = decode(bytes, at: offset)
                column += 1
                defer { offset += length }
                if LegacyEncoding.isForeignLatin1(s) { foreign += 1 }
                if isStarter(s) {
                    baseColumn = column
                    baseOffset = offset
                    baseHasTone = hasTone(s)
                    if s == "\u{D0}" || s == "\u{F0}" {
                        let right = s == "\u{D0}" ? "Đ (U+0110)" : "đ (U+0111)"
                        out.append(.warning("eth-for-d", "'\(s)' is the Icelandic eth, not the Vietnamese \(right)",
                                            at: file.range(line: n, column: column), hint: "replace it with \(right)"))
                    }
                    continue
                }
                guard baseColumn > 0 else { continue }
                let range = file.range(line: n, column: baseColumn)
                var letter: String { String(decoding: bytes[baseOffset..<(offset + length)], as: UTF8.self) }
                if let shape = shapes[s.value], baseHasTone {
                    out.append(.error("mark-order", "the tone was typed before the \(shape) in '\(letter)'", at: range,
                                      hint: "retype the letter with the \(shape) first, then the tone (NFC cannot reorder them)"))
                } else if tones.contains(s.value) {
                    if baseHasTone {
                        out.append(.error("double-tone", "two tone marks on one vowel in '\(letter)'", at: range,
                                          hint: "keep one tone mark: retype the letter"))
                    }
                    baseHasTone = true
                }
            }
            return (out, foreign)
        }
    }

    /// The scalar starting at `offset` of valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
        let b = UInt32(bytes[offset])
        let value: UInt32, length: Int
        switch b {
        case 0..<0x80: (value, length) = (b, 1)
        case 0..<0xE0: (value, length) = ((b & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F), 2)
        case 0..<0xF0:
            (value, length) = ((b & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F), 3)
        default:
            (value, length) = ((b & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12 | UInt32(bytes[offset + 2] & 0x3F) << 6
                | UInt32(bytes[offset + 3] & 0x3F), 4)
        }
        return (Unicode.Scalar(value).unsafelyUnwrapped, length)
    }

    /// Canonical combining class 0. Every scalar below U+0300 and all of Latin Extended
    /// Additional (the precomposed Vietnamese letters) are starters, answered without a
    /// property lookup; `VietnameseLintTests` checks the claim.
    @inline(__always)
    static func isStarter(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x300 || (0x1E00...0x1EFF).contains(s.value) || s.properties.canonicalCombiningClass == .notReordered
    }

    /// Whether a precomposed letter carries one of the five tone marks.
    @inline(__always)
    static func hasTone(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0xC0 && s.value < 0x1F00 && tonedTable[Int(s.value - 0xC0)]
    }

    /// Every precomposed letter of U+00C0–U+1EFF with a tone mark in its canonical
    /// decomposition (written out: deriving it decomposes 7,700 scalars at every start;
    /// `VietnameseLintTests` derives it and compares).
    static let tonedLetters = """
        ÀÁÃÈÉÌÍÑÒÓÕÙÚÝàáãèéìíñòóõùúýĆćĨĩĹĺŃńŔŕŚś
        ŨũŹźǗǘǛǜǴǵǸǹǺǻǼǽǾǿȬȭΆΈΉΊΌΎΏΐάέήίΰόύώϓЀЃЌ
        ЍѐѓќѝḄḅḈḉḌḍḔḕḖḗḤḥḮḯḰḱḲḳḶḷḸḹḾḿṂṃṆṇṌṍṎṏṐṑṒ
        ṓṔṕṚṛṜṝṢṣṤṥṨṩṬṭṸṹṼṽṾṿẀẁẂẃẈẉẒẓẠạẢảẤấẦầẨẩẪ
        ẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒ
        ồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ
        """

    /// `tonedLetters` as a flag per scalar from U+00C0.
    private static let tonedTable: [Bool] = {
        var table = [Bool](repeating: false, count: 0x1F00 - 0xC0)
        for s in tonedLetters.unicodeScalars where s.value >= 0xC0 { table[Int(s.value - 0xC0)] = true }
        return table
    }()
}
