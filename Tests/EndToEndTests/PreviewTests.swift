import Bantin
import Diagnostics
import Foundation
import Testing
import TestSupport

/// `bantin preview` (issue 13, item 4): only the pages asked for, no page image left from an
/// earlier preview, the contact sheet only when asked.
@Suite struct PreviewTests {
    func files(_ project: TestProject) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: project.url("out/x/preview").path).sorted()
    }

    @Test func writesOnlyThePagesAskedForAndClearsWhatAnEarlierPreviewLeft() throws {
        let project = try TestProject()
        let words = String(repeating: "Hội thảo về chuyển đổi số trong nông nghiệp của tỉnh. ", count: 400)
        try project.issue([("a.md", "---\ntitle: Bài dài\n---\n\n\(words)\n")])
        let engine = DiagnosticEngine()
        let pipeline = Pipeline(options: BuildOptions(root: project.root, outDirectory: project.url("out")), engine: engine)
        let all = try #require(pipeline.preview(project.url("issues/x"), pages: nil, dpi: 20), "\(engine.diagnostics)")
        let count = all.count
        #expect(count >= 4 && count % 4 == 0)
        #expect(try files(project) == (1...count).map { String(format: "page-%03d.png", $0) }, "no contact sheet unless asked")

        // A longer layout's page, and a killed run's temporary (no process has this id).
        try project.write("out/x/preview/page-099.png", Data([1]))
        try project.write("out/x/preview/.page-002.png.4194303.tmp", Data([1]))
        let two = try #require(pipeline.preview(project.url("issues/x"), pages: 2...3, dpi: 20))
        #expect(two.map(\.lastPathComponent) == ["page-002.png", "page-003.png"])
        #expect(try files(project) == ["page-002.png", "page-003.png"])

        let sheet = try #require(pipeline.preview(project.url("issues/x"), pages: 1...1, dpi: 20, contactSheet: true))
        #expect(sheet.map(\.lastPathComponent) == ["page-001.png", "contact-sheet.png"])
        #expect(try files(project) == ["contact-sheet.png", "page-001.png"])

        // A page the issue does not have: an error, and the folder as it was.
        #expect(pipeline.preview(project.url("issues/x"), pages: 99...99, dpi: 20) == nil)
        let error = try #require(engine.diagnostics.first { $0.id == "preview" })
        #expect(error.message.contains("has \(count) pages") && error.hint?.contains("between 1 and \(count)") == true)
        #expect(try files(project) == ["contact-sheet.png", "page-001.png"])
    }

    /// The command line's flag, through the binary.
    @Test func theContactSheetFlag() throws {
        let project = try TestProject()
        try project.issue([("a.md", "---\ntitle: Ngắn\n---\n\nMột đoạn.\n")])
        let bantin = projectRoot.appendingPathComponent(".build/debug/bantin").path
        let out = try run(bantin, ["preview", project.url("issues/x").path, "--root", project.root.path, "--out", project.url("out").path,
                                   "--pages", "1", "--dpi", "20", "--contact-sheet"])
        #expect(out.out.split(separator: "\n").map { ($0 as Substring).split(separator: "/").last.map(String.init) } == ["page-001.png", "contact-sheet.png"])
        #expect(try files(project) == ["contact-sheet.png", "page-001.png"])
    }
}
