import Pages
import Diagnostics
import Model
import Foundation
import Testing
@testable import Typesetting

/// Charis SIL draws Vietnamese-style stacked marks only under language `vi` (its `ccmp`/`locl`
/// grow extra lookups): the proof that Bantin shapes with `vi` set, never guessed.
/// The font comes from Debian's fonts-sil-charis, which `make test` installs.
@Suite struct CharisTests {
    static let directory = URL(fileURLWithPath: "/usr/share/fonts/truetype/charis")

    @Test func vietnameseVariantsAreChosenUnderVi() throws {
        let font = try FontLibrary(directory: Self.directory).font("CharisSIL-Regular.ttf")
        let text = "ấầẩẫậẤẦẨẪẬ"
        let vi = font.shape(text, language: "vi").map { font.glyphName($0.id) }
        let en = font.shape(text, language: "en").map { font.glyphName($0.id) }
        #expect(vi.count == 10 && en.count == 10)
        #expect(vi != en, "vi and en give the same glyphs: \(vi)")
        #expect(vi.contains { $0.hasSuffix(".VN") }, "\(vi)")
        #expect(!en.contains { $0.hasSuffix(".VN") }, "\(en)")
        // The typesetter's own shaping (cached, language vi) picks the same glyphs.
        #expect(font.shape(text).map { font.glyphName($0.id) } == vi)
    }
}
