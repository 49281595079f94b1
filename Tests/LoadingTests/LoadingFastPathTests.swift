import Diagnostics
import Foundation
@testable import Loading
import Testing

/// The loader's fast paths give the answers of the plain definitions they replace: columns
/// counted on UTF-8 bytes, line starts found with offsets, tone and combining-class tables,
/// NFC quick check on bytes, the lint's one pass.
@Suite struct LoadingFastPathTests {
    /// The definition: scalars walked one by one, their UTF-8 lengths summed.
    func referenceColumn(_ line: Substring, byteColumn: Int) -> Int {
        var bytes = 0, column = 1
        for scalar in line.unicodeScalars {
            if bytes >= byteColumn - 1 { break }
            bytes += String(scalar).utf8.count
            column += 1
        }
        return column
    }

    @Test func scalarColumnsCountScalarsBeforeTheByte() throws {
        let text = "ascii only\nTiếng Việt có dấu “ngoặc” — ₫ 😀 x\n\nNFD: Vie\u{323}\u{302}t\r\nlast"
        let file = SourceFile(path: "a.md", text: text)
        for n in 1...file.lineCount {
            let line = try #require(file.line(n))
            for byteColumn in -1...(line.utf8.count + 3) {
                #expect(file.scalarColumn(line: n, byteColumn: byteColumn) == referenceColumn(line, byteColumn: byteColumn),
                        "line \(n) byte \(byteColumn)")
            }
        }
        #expect(file.scalarColumn(line: 99, byteColumn: 7) == 7)
    }

    /// Lines start after each LF; a line ends one character before the next start, so a CR LF
    /// (one character) left in text that was not ingested ends a line whole.
    @Test func linesSplitAtLineFeeds() {
        let file = SourceFile(path: "a.md", text: "một\r\nhai\n\nba\n")
        #expect(file.lineCount == 5)
        #expect((1...5).map { file.line($0).map(String.init) } == ["một", "hai", "", "ba", ""])
        #expect(file.line(0) == nil && file.line(6) == nil)
        let empty = SourceFile(path: "b.md", text: "")
        #expect(empty.lineCount == 1 && empty.line(1) == "")
    }

    @Test func tonedLettersAreTheDerivedOnes() {
        let tones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]
        var derived = String.UnicodeScalarView()
        for v in UInt32(0xC0)...0x1EFF {
            guard let s = Unicode.Scalar(v), s.properties.isAlphabetic else { continue }
            if String(s).decomposedStringWithCanonicalMapping.unicodeScalars.contains(where: { tones.contains($0.value) }) {
                derived.append(s)
            }
        }
        let written = VietnameseLint.tonedLetters.unicodeScalars.filter { !$0.properties.isWhitespace }
        #expect(String(String.UnicodeScalarView(written)) == String(derived))
        for v in UInt32(0)...0x2000 {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(VietnameseLint.hasTone(s) == derived.contains(s), "U+\(String(v, radix: 16))")
        }
    }

    @Test func startersAreCombiningClassZero() {
        for v in UInt32(0)...0x10FFF {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(VietnameseLint.isStarter(s) == (s.properties.canonicalCombiningClass == .notReordered), "U+\(String(v, radix: 16))")
        }
    }

    @Test func nfcQuickCheckOnBytesIsTheScalarDefinition() {
        func reference(_ text: String) -> Bool {
            text.unicodeScalars.allSatisfy {
                switch $0.value {
                case 0..<0x300, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0: true
                default: false
                }
            }
        }
        var samples = ["", "abc", "Tiếng Việt — “x” … ₫", "e\u{301}", "😀", "a\u{2126}", "Ω", "\u{20C0}\u{20C1}"]
        for v in stride(from: UInt32(0), through: 0x2FFFF, by: 7) {
            if let s = Unicode.Scalar(v) { samples.append("a" + String(s) + "b") }
        }
        for text in samples { #expect(Unicode.isCertainlyNFC(text) == reference(text), "\(text.unicodeScalars.map { $0.value })") }
    }

    /// Mojibake is reported once, before the other findings of its line, at its first Latin-1 letter.
    @Test func mojibakeComesFirstOnItsLineAndOnce() {
        let file = SourceFile(path: "a.md", text: Unicode.ingest("Tốt.\nTiÕng ViÖt cña chóng ta rÊt hay, \u{D0}.\nTiÕng ViÖt lÇn n÷a"))
        let found = VietnameseLint.check(file).map { "\($0.id)@\($0.range!.start)" }
        #expect(found == ["legacy-text@2:3", "eth-for-d@2:34"], "\(found)")
    }
}

@Suite struct SourceFileLinesTests {
    /// A run of lines is their `line`s joined by LF, for ingested text.
    @Test func runsOfLinesAreTheLinesJoined() {
        for text in ["", "a", "---\ntitle: Thử\n---\n", "---\nx\n---\n\nThân bài.\n\nHết.", "\n\n", "một\nhai"] {
            let file = SourceFile(path: "a.md", text: text)
            for first in 0...(file.lineCount + 1) {
                for last in (first - 1)...(file.lineCount + 1) {
                    let joined = first >= 1 && first <= last && last <= file.lineCount
                        ? (first...last).compactMap { file.line($0) }.joined(separator: "\n") : ""
                    #expect(String(file.lines(first, through: last)) == joined, "\(text.debugDescription) \(first)…\(last)")
                }
            }
        }
    }
}
