import Diagnostics
import Layout
import Pages
import Typesetting
import Bantin
import Model
import Foundation
import Testing
import TestSupport

/// A golden of `bantin dump pages` for a small, fixed issue: every page's frames — text runs,
/// images, rules and where the flow put each line. `BANTIN_UPDATE_GOLDENS=1 swift test` rewrites it.
@Suite struct PageDumpGoldenTests {
    @Test func pagesDumpMatchesTheGolden() throws {
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
        let dump = try #require(pipeline.dump(.pages, project.root.appendingPathComponent("issues/x")), "\(engine.diagnostics)")
        #expect(dump.contains("Page 1 contents"))
        try expectGolden(dump + "\n", "pages.txt")
    }
}
