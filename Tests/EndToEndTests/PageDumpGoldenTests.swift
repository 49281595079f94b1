import Bantin
import Diagnostics
import Foundation
import Testing
import TestSupport

/// Goldens of a small, fixed issue at two boundaries: `bantin dump pages` (every page's items
/// and where the flow put each line) and `bantin dump pdf` (what the PDF writer receives: boxes,
/// font changes, positions, text). `BANTIN_UPDATE_GOLDENS=1 swift test` rewrites them.
@Suite struct PageDumpGoldenTests {
    /// The issue's pipeline and folder, in a throwaway project.
    func smallIssue() throws -> (Pipeline, URL, DiagnosticEngine) {
        let project = try TestProject()
        let paragraph = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh tổ chức hội thảo về chuyển đổi số trong nông nghiệp, "
            + "với sự tham gia của các nhà khoa học, cán bộ kỹ thuật và đại diện hợp tác xã."
        let body = (1...6).map { n in "\(paragraph) Đoạn \(n)." }.joined(separator: "\n\n")
        try project.issue([
            ("a.md", "---\ntitle: Hội thảo chuyển đổi số\nauthors: [Trần Thị Hạnh]\ndate: 2025-02-10\n---\n\n\(body)\n\n## Kết luận\n\n- Một\n- Hai\n\n\(paragraph)\n"),
            ("b.md", "---\ntitle: Tin ngắn\n---\n\n\(paragraph)\n"),
        ])
        let engine = DiagnosticEngine()
        let pipeline = Pipeline(options: BuildOptions(root: project.root, outDirectory: project.root.appendingPathComponent("out")),
                                engine: engine)
        return (pipeline, project.root.appendingPathComponent("issues/x"), engine)
    }

    @Test func pagesDumpMatchesTheGolden() throws {
        let (pipeline, folder, engine) = try smallIssue()
        let dump = try #require(pipeline.dump(.pages, folder), "\(engine.diagnostics)")
        #expect(dump.contains("Page 1 contents"))
        try expectGolden(dump + "\n", "pages.txt")
    }

    @Test func pdfTraceMatchesTheGolden() throws {
        let (pipeline, folder, engine) = try smallIssue()
        let trace = try #require(pipeline.dump(.pdf, folder), "\(engine.diagnostics)")
        // The trace names fonts only when they change, and every page's boxes.
        #expect(trace.contains("page 1 contents media 612.28×858.9"))
        #expect(trace.contains("font NotoSans-Bold 22"))
        try expectGolden(trace + "\n", "pdf-trace.txt")
    }
}
