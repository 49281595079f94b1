import Diagnostics
import Model
import Foundation
import Testing
import TestSupport

/// Hard case 6: with Charis SIL under `vi`, the `.VN` variants are drawn (the shaping test
/// proves which glyphs) and the PDF's text layer still gives back exactly the source.
@Suite struct CharisTextTests {
    @Test func charisTextLayerIsExact() throws {
        let charis = URL(fileURLWithPath: "/usr/share/fonts/truetype/charis")
        let project = try TestProject(extraFonts: ["Regular", "Bold", "Italic", "BoldItalic"].map {
            charis.appendingPathComponent("CharisSIL-\($0).ttf")
        })
        try project.editLayout(
            replacing: "  serif: { regular: NotoSerif-Regular.ttf, bold: NotoSerif-Bold.ttf, italic: NotoSerif-Italic.ttf, bold-italic: NotoSerif-BoldItalic.ttf }",
            with: "  serif: { regular: CharisSIL-Regular.ttf, bold: CharisSIL-Bold.ttf, italic: CharisSIL-Italic.ttf, bold-italic: CharisSIL-BoldItalic.ttf }")
        let sentence = "Ấn tượng đầu tiên: những chữ ẩ, ẫ, ậ, ấ, ầ, Ẩ, Ẫ, Ậ, Ấ, Ầ, ể, ễ, ệ, ổ, ỗ, ộ đều đúng kiểu Việt."
        try project.issue([("a.md", "---\ntitle: Kiểm tra\n---\n\n\(sentence)\n\n*\(sentence)*\n\n**\(sentence)**\n")])
        let (pdf, diagnostics) = project.build()
        let file = try #require(pdf, "\(diagnostics)")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let fonts = try run("pdffonts", [file.path]).out
        #expect(fonts.contains("CharisSIL") && fonts.contains("CharisSIL-Italic") && fonts.contains("CharisSIL-Bold"), "\(fonts)")
        let text = words(try run("pdftotext", ["-enc", "UTF-8", "-raw", file.path, "-"]).out).joined(separator: " ")
        #expect(text.components(separatedBy: sentence).count - 1 == 3, "\(text)")
        #expect(!text.contains("\u{FFFD}"))
    }
}
