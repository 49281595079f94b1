import Bantin
import Diagnostics
import Foundation
import Testing
import TestSupport

/// `bantin build --proof` (issue 13, item 3): the proof has its line numbers and watermark, and
/// the change report of the next round lists exactly the pages whose text changed.
@Suite struct ProofTests {
    func build(_ project: TestProject) throws -> BuiltIssue {
        let engine = DiagnosticEngine()
        let pipeline = Pipeline(options: BuildOptions(root: project.root, outDirectory: project.url("out"), proof: true), engine: engine)
        return try #require(pipeline.build([project.url("issues/x")]).first, "\(engine.diagnostics)")
    }

    /// Each page's text, as poppler reads it.
    func pages(_ pdf: URL, count: Int) throws -> [String] {
        try (1...count).map { try run("pdftotext", ["-f", "\($0)", "-l", "\($0)", "-layout", pdf.path, "-"]).out }
    }

    @Test func aProofHasLineNumbersAndTheWatermarkAndTheNextRoundListsTheChangedPages() throws {
        let project = try TestProject()
        try project.copyFromProject("issues/publication.yaml")
        try project.copySample(as: "x")
        let first = try build(project)
        let round1 = try #require(first.proof)
        #expect(round1.number == 1 && round1.changes == nil)
        #expect(project.exists("out/x/proof.pdf") && project.exists("out/x/proofs/round-01/proof.pdf"))
        let text = try run("pdftotext", ["-layout", round1.pdf.path, "-"]).out
        #expect(text.contains("BẢN THẢO"))
        // Page 4, an article's second page: its first column's lines numbered 5, 10, 15 in the margin.
        let page4 = try run("pdftotext", ["-f", "4", "-l", "4", "-layout", round1.pdf.path, "-"]).out.split(separator: "\n")
        for n in ["5", "10", "15"] {
            #expect(page4.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(n + " ") }, "no line number \(n) on page 4")
        }
        let info = try run("pdfinfo", ["-box", round1.pdf.path]).out
        #expect(info.contains("MediaBox:            0.00     0.00   595.28   841.89"), "the proof is trimmed, without crop marks: \(info)")
        let before = try pages(first.printPDF, count: first.pages.count)

        // One paragraph edited: the report lists exactly the pages whose text changed.
        let article = "issues/x/articles/08-hoi-thao-sat-lo.md"
        try project.write(article, try project.read(article).replacingOccurrences(of: "hội thảo", with: "hội thảo khoa học"))
        let second = try build(project)
        let round2 = try #require(second.proof)
        let after = try pages(second.printPDF, count: second.pages.count)
        let changed = (1...max(before.count, after.count)).filter { n in
            n > before.count || n > after.count || before[n - 1] != after[n - 1]
        }
        #expect(!changed.isEmpty && changed.count < after.count / 2)
        #expect(round2.number == 2 && round2.changedPages == changed)
        let report = try String(contentsOf: try #require(round2.changes), encoding: .utf8)
        #expect(report.contains("Các trang thay đổi: " + changed.map(String.init).joined(separator: ", ") + "."))
        for n in changed {
            #expect(report.contains("id=\"trang-\(n)\"") && report.contains(String(format: "../round-01/pages/page-%03d.png", n)))
        }
        #expect(report.contains("class=\"mark added\"") && report.contains("hội thảo khoa học"))
        #expect(!report.contains("id=\"trang-1\""), "an unchanged page is not in the report")
    }
}
