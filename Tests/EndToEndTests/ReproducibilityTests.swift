import Diagnostics
import Layout
import Pages
import Typesetting
import Bantin
import Foundation
import Model
import Testing
import TestSupport

@Suite struct ReproducibilityTests {
    /// Acceptance 6: two builds of the same input give byte-identical PDFs and web pages.
    @Test func twoBuildsAreByteIdentical() throws {
        let files = ["2025-q1/print.pdf", "2025-q1/screen.pdf", "2025-q1/booklet.pdf", "2025-q1/preflight.json", "web/2025-q1/index.html"]
        var outputs: [[Data]] = []
        for _ in 0..<2 {
            let out = try temporaryFolder("repro")
            let pipeline = Pipeline(options: BuildOptions(root: projectRoot, outDirectory: out, booklet: true))
            let built = pipeline.build([projectRoot.appendingPathComponent("issues/2025-q1")])
            #expect(built.count == 1)
            outputs.append(try files.map { try Data(contentsOf: out.appendingPathComponent($0)) })
        }
        for (n, file) in files.enumerated() {
            #expect(outputs[0][n].count > 1_000, "\(file)")
            #expect(outputs[0][n] == outputs[1][n], "\(file) differs between two builds")
        }
    }

    /// Acceptance 4: the same article typed in NFD (macOS) gives the same PDF text as NFC.
    @Test func nfdInputGivesTheSamePDFText() throws {
        let body = """
            Tiếng Việt có 134 chữ cái có dấu: ẫ, ặ, ỗ, ự, ỹ, Đ. Hội nghị tổng kết năm 2024 diễn ra tại TP. Lâm Giang \
            ngày 16 tháng 01 năm 2025, với sự tham gia của PGS.TS. Nguyễn Văn An./.

            ## Những kết quả nổi bật

            - Nghiên cứu *ứng dụng* khoa học vào **sản xuất** nông nghiệp.
            - Quý IV/2024 có Số 4 (năm 2024).
            """
        var texts: [String] = []
        for form in [body, body.decomposedStringWithCanonicalMapping] {
            let project = try TestProject()
            try project.issue([("a.md", "---\ntitle: \"Việt Nam: ỨNG DỤNG\"\n---\n\n" + form)])
            let (pdf, diagnostics) = project.build()
            let file = try #require(pdf, "\(diagnostics)")
            texts.append(try run("pdftotext", ["-enc", "UTF-8", file.path, "-"]).out)
        }
        #expect(texts[0].unicodeScalars.elementsEqual(texts[1].unicodeScalars), "NFC:\n\(texts[0])\nNFD:\n\(texts[1])")
        #expect(texts[0].contains("ẫ, ặ, ỗ, ự, ỹ, Đ"))
        #expect(texts[0].unicodeScalars.elementsEqual(texts[0].precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(!texts[0].contains("\u{FFFD}"))
        #expect(words(texts[0]).joined(separator: " ").contains("PGS.TS. Nguyễn Văn An./."))
    }
}
