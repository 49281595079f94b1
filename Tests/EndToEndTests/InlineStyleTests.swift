import Diagnostics
import Model
import Foundation
import Testing
import TestSupport

/// Hard case 11 and acceptance 5: a style change inside a syllable renders and extracts exactly.
@Suite struct InlineStyleTests {
    @Test func stylesInsideSyllablesRoundTrip() throws {
        let project = try TestProject()
        let body = """
            Chữ Vi**ệ**t, chữ *Vi*ệt, chữ Việ***t***, mã `Việt` và [liên kết](https://example.org/viet) đều là Việt.

            Ng**uyễ**n *Th*ị Minh Kh`ai` đọc tài liệu tại https://example.org/tai-lieu/2025/bao-cao-tong-ket-nam-2024.pdf ngay hôm nay./.
            """
        try project.issue([("a.md", "---\ntitle: Kiểm tra kiểu chữ\n---\n\n" + body + "\n")])
        let (pdf, diagnostics) = project.build()
        let file = try #require(pdf, "\(diagnostics)")
        let text = words(try run("pdftotext", ["-enc", "UTF-8", "-raw", file.path, "-"]).out).joined(separator: " ")
        #expect(text.contains("Chữ Việt, chữ Việt, chữ Việt, mã Việt và liên kết đều là Việt."), "\(text)")
        // The URL may be cut after "/", "." or "-" at a line end: compare without the cut's space.
        let joined = text.replacingOccurrences(of: "/ ", with: "/").replacingOccurrences(of: ". ", with: ".")
            .replacingOccurrences(of: "- ", with: "-")
        #expect(text.contains("Nguyễn Thị Minh Khai đọc tài liệu tại"), "\(text)")
        #expect(joined.contains("https://example.org/tai-lieu/2025/bao-cao-tong-ket-nam-2024.pdf"), "\(text)")
        #expect(text.contains("ngay hôm nay./."), "\(text)")
        let fonts = try run("pdffonts", [file.path]).out
        for face in ["NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic", "NotoSerif-BoldItalic", "NotoSansMono-Regular"] {
            #expect(fonts.contains(face), "\(face) missing:\n\(fonts)")
        }
    }
}

@Suite struct FontFallbackTests {
    /// A character the body face lacks comes from the fallback list; one no face has is a
    /// located warning, never a silent empty box.
    @Test func fallbackDrawsWhatTheFaceLacksAndWarnsAboutTheRest() throws {
        let project = try TestProject()
        // "→" is not in Noto Serif but is in Noto Sans Mono (third in the fallback list);
        // "✓" (U+2713) is in none of the bundled faces.
        try project.issue([("a.md", "---\ntitle: Ký hiệu\n---\n\nGiá 100.000 ₫ và dấu ✓ ở đây, A → B.\n")])
        let (pdf, diagnostics) = project.build()
        let file = try #require(pdf, "\(diagnostics)")
        let warnings = diagnostics.map { "\($0.id) \($0.range.map { "\($0.path.split(separator: "/").last!):\($0.start)" } ?? "-")" }
        #expect(warnings == ["missing-glyph a.md:5:22"], "\(diagnostics)")
        #expect(diagnostics.first?.message.contains("U+2713") == true)
        let text = try run("pdftotext", ["-enc", "UTF-8", file.path, "-"]).out
        #expect(text.contains("100.000 ₫"))
        #expect(text.contains("A → B."), "\(text)")
        #expect(try run("pdffonts", [file.path]).out.contains("NotoSansMono-Regular"))
    }
}
