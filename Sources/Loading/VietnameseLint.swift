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
            guard let line = file.line(n), !line.unicodeScalars.allSatisfy(\.isASCII) else { continue }
            if !mojibake, let legacy = LegacyEncoding.mojibake(line) {
                mojibake = true
                let column = (line.unicodeScalars.firstIndex { (0xB5...0xFF).contains($0.value) })
                    .map { line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: $0) + 1 } ?? 1
                out.append(.error("legacy-text", "this looks like \(legacy.displayName) text that was read as Latin-1: “\(line.prefix(30))”",
                                  at: file.range(line: n, column: column),
                                  hint: "convert the original file with `bantin import FILE --from \(legacy.rawValue)` instead of copying the garbled text"))
            }
            let scalars = Array(line.unicodeScalars)
            var baseColumn = 0
            var baseHasTone = false
            for (i, s) in scalars.enumerated() {
                let column = i + 1
                if s.properties.canonicalCombiningClass == .notReordered {
                    baseColumn = column
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
                let letter = String(String.UnicodeScalarView(scalars[(baseColumn - 1)...i]))
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
        }
        return out
    }

    /// Whether a precomposed letter carries one of the five tone marks.
    private static func hasTone(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0xC0 && tonedLetters.contains(s)
    }

    /// Every precomposed Latin letter with a tone mark in it, computed once (U+00C0–U+1EFF).
    private static let tonedLetters: Set<Unicode.Scalar> = {
        var out = Set<Unicode.Scalar>()
        for v in UInt32(0xC0)...0x1EFF {
            guard let s = Unicode.Scalar(v), s.properties.isAlphabetic else { continue }
            if String(s).decomposedStringWithCanonicalMapping.unicodeScalars.contains(where: { tones.contains($0.value) }) {
                out.insert(s)
            }
        }
        return out
    }()
}
