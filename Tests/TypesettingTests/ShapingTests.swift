import Pages
import Diagnostics
import Foundation
import Loading
import Model
import Testing
import TestSupport
@testable import Typesetting

let fonts = FontLibrary(directory: projectRoot.appendingPathComponent("fonts"))

@Suite struct ShapingTests {
    @Test func vietnameseLettersAreAll134() {
        #expect(VietnameseLetters.lowercase.count == 67)
        #expect(VietnameseLetters.all.count == 134)
        #expect(Set(VietnameseLetters.all).count == 134)
        #expect(VietnameseLetters.all.contains("Đ") && !VietnameseLetters.all.contains("Ð"))
    }

    @Test(arguments: ["NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf", "NotoSerif-BoldItalic.ttf",
                      "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf",
                      "NotoSansMono-Regular.ttf", "NotoSansMono-Bold.ttf"])
    func bundledFontsCoverEveryLetter(_ name: String) throws {
        let font = try fonts.font(name)
        let missing = VietnameseLetters.all.filter { !font.covers($0) }
        #expect(missing.isEmpty, "\(name) lacks \(missing)")
    }

    /// One line per case: `font;text;glyph=cluster+advance|…`, the HarfBuzz test format.
    func golden(_ name: String, _ text: String) throws -> String {
        let font = try fonts.font(name)
        let glyphs = font.shape(text).map { "\($0.id)=\($0.cluster)+\(Int($0.advance))" }.joined(separator: "|")
        return "\(name);\(text);[\(glyphs)]"
    }

    @Test func stackedLettersShapeToOneGlyphPerCluster() throws {
        let font = try fonts.font("NotoSerif-Regular.ttf")
        let glyphs = font.shape("Nguyễn")
        #expect(glyphs.count == 6)
        #expect(glyphs.map(\.cluster) == [0, 1, 2, 3, 4, 7])  // ễ is 3 UTF-8 bytes
        #expect(!glyphs.contains { $0.id == 0 })
    }

    @Test func nfdInputShapesLikeNFCAfterIngest() throws {
        let font = try fonts.font("NotoSerif-Regular.ttf")
        let nfc = "Việt Nam ẪM ỖNG ẴNG ỵ Ỵ ự ặ ỹ"
        let nfd = Unicode.ingest(nfc.decomposedStringWithCanonicalMapping)
        for (a, b) in zip(nfc.split(separator: " "), nfd.split(separator: " ")) {
            #expect(font.shape(String(a)) == font.shape(String(b)))
        }
    }

    @Test func shapingGoldens() throws {
        let lines = try [
            golden("NotoSerif-Regular.ttf", "Việt"),
            golden("NotoSans-Bold.ttf", "ĐẪ"),
        ]
        #expect(lines[0].hasPrefix("NotoSerif-Regular.ttf;Việt;[") && lines[0].split(separator: "|").count == 4, "\(lines[0])")
        // Both letters map to real glyphs, clusters 0 and 2 (Đ is 2 bytes).
        #expect(lines[1].contains("=0+") && lines[1].contains("=2+") && !lines[1].contains("[0="), "\(lines[1])")
    }
}
