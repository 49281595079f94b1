import Foundation
import Testing
@testable import Web

/// The search index is written by fast paths (folding letter by letter, JSON on bytes); each
/// must give exactly what its definition gives — the index's bytes are part of the output.
@Suite struct SearchIndexTests {
    /// Text with every precomposed Latin letter, Vietnamese in NFC, punctuation, and pieces that
    /// take the slow path (NFD marks, Greek final sigma, Cyrillic, CJK, emoji).
    static let samples: [String] = {
        var all = (0x80...0x2FF).compactMap(Unicode.Scalar.init).map(String.init).joined(separator: " ")
        all += (0x1E00...0x1EFF).compactMap(Unicode.Scalar.init).map(String.init).joined()
        return [all, "Việt Nam ĐẶNG Đỗ Uông Ưng — “Số 4” … 10 ₫ İstanbul ẞ", "Vie\u{323}\u{302}t NFD", "ΟΔΟΣ Σ σς",
                "Москва", "漢字 😀", "a\u{301}\u{302} hai dấu", "", "A\tB\nC"]
    }()

    @Test func foldingLetterByLetterIsTheDefinition() {
        for text in Self.samples {
            #expect(text.searchFolded == text.searchFoldedByDecomposition, "\(text.prefix(40))")
        }
        var generator = SystemRandomNumberGenerator()
        let letters = Array("aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ AĂÂĐÊÔƠƯÁẤẮÉẾÍÓỐỚÚỨÝ.,;:“”-–—")
        for _ in 0..<200 {
            let text = String((0..<40).map { _ in letters.randomElement(using: &generator)! })
            #expect(text.searchFolded == text.searchFoldedByDecomposition, "\(text)")
        }
    }

    @Test func jsonOnBytesIsWhatJSONEncoderWrites() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let objects: [[String: String]] = [
            ["t": "Tiêu đề <b>&</b> \"trích\" \\ / ‘x’", "u": "2025-q1/a/index.html", "k": controls + "\u{7F}"],
            ["z": "", "a": "Việt Nam 😀 漢字", "m": "\u{2028}\u{2029}\u{FEFF}"],
            [:],
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(objects), as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
        #expect(String(decoding: JSONText.array(of: objects), as: UTF8.self) == expected)
    }
}
