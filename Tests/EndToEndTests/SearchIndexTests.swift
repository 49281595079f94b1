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
        let strings = ["Tiêu đề <b>&</b> \"trích\" \\ / ‘x’", "2025-q1/a/", controls + "\u{7F}", "", "Việt Nam 😀 漢字",
                       "\u{2028}\u{2029}\u{FEFF}"]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(strings), as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
        #expect(String(decoding: JSONText.array(of: strings), as: UTF8.self) == expected)
    }

    /// Words are runs of letters, marks and digits, as the page's `/[\p{L}\p{M}\p{N}]+/u` reads them.
    @Test func wordsAreRunsOfLettersAndDigits() {
        #expect(SearchText.words("PGS.TS. Nguyễn Văn Thành, 380.000 người “dám nghĩ”").map(String.init)
                == ["PGS", "TS", "Nguyễn", "Văn", "Thành", "380", "000", "người", "dám", "nghĩ"])
        #expect(SearchText.words("Vie\u{323}\u{302}t").map(String.init) == ["Vie\u{323}\u{302}t"])
    }

    /// Passages end at sentences, not at "TP." or "PGS.TS."; a long sentence is cut, marked "…".
    @Test func passagesAreSentences() {
        let text = "Sáng ngày 16 tháng 01, tại TP. Lâm Giang, PGS.TS. Nguyễn Văn Thành chủ trì hội nghị tổng kết của Liên hiệp Hội. "
            + "Hơn 180 đại biểu đã về dự hội nghị, gồm lãnh đạo các sở, ngành và 32 hội thành viên. Ngắn thôi."
        let passages = SearchText.passages(text)
        #expect(passages.count == 2, "\(passages)")
        #expect(passages.first?.hasSuffix("của Liên hiệp Hội.") == true && passages.last?.hasSuffix("Ngắn thôi.") == true)
        let long = Array(repeating: "chữ", count: 100).joined(separator: " ") + "."
        let pieces = SearchText.passages(long)
        #expect(pieces.count == 3 && pieces[0].hasSuffix(" …") && pieces[1].hasPrefix("… "), "\(pieces)")
        #expect(pieces.map { SearchText.words($0).count }.reduce(0, +) == 100)
    }
}
