@testable import Bantin
import Diagnostics
import Foundation
import Model
import Pages
import Testing
import TestSupport

/// Issue 12, item 3: no text leaves its frame — a word no line can hold is cut, located and
/// counted, never run past the column or the trim.
@Suite struct WordCutTests {
    /// A sentence of 30 words as pasted from a word processor: every space non-breaking.
    static let pasted = Array(repeating: "hội thảo chuyển đổi số cấp tỉnh", count: 5).joined(separator: " ")
        .replacingOccurrences(of: " ", with: "\u{00A0}")
    static let url = "https://example.org/bantin/2024/quy-iv/hoi-nghi-tong-ket-hoat-dong-cua-ban-chap-hanh-lien-hiep-hoi-khoa-hoc-ky-thuat"

    private func project(_ body: String) throws -> TestProject {
        let project = try TestProject()
        try project.issue([("a.md", "---\ntitle: Bài thử\n---\n\nĐoạn mở đầu bình thường.\n\n\(body)\n\nĐoạn cuối bình thường.\n")])
        return project
    }

    /// Lays the issue; returns every text run's left and right edge on its page with the column
    /// it must stay in, the composition's overfull count and the diagnostics.
    private func lay(_ project: TestProject) throws -> (escaped: [String], overfull: Int, diagnostics: [Diagnostic]) {
        let engine = DiagnosticEngine()
        let pipeline = Pipeline(options: BuildOptions(root: project.root, outDirectory: project.url("out")), engine: engine)
        let laid = try #require(pipeline.lay(project.url("issues/x")), "\(engine.diagnostics)")
        let layout = laid.loaded.layout
        let frameWidth = layout.trim.width - layout.margins.inside - layout.margins.outside
        let column = (frameWidth - layout.gutter * Double(layout.columns - 1)) / Double(layout.columns)
        var escaped: [String] = []
        for page in laid.result.pages where page.kind == .article {
            let left = layout.bleed + (page.number % 2 == 1 ? layout.margins.inside : layout.margins.outside)
            for case .text(let run, let origin) in page.items {
                let x = origin.x.value, right = x + run.width.value
                // The column the run starts in, or the whole frame for an opener's lines.
                let n = Int(((x - left.value) / (column + layout.gutter).value + 0.001).rounded(.down))
                let columnRight = right - x > column.value + 0.5 ? (left + frameWidth).value
                    : (left + (column + layout.gutter) * Double(n) + column).value
                if x < left.value - 0.5 || right > columnRight + 0.5 || right > (left + frameWidth).value + 0.5 {
                    escaped.append("page \(page.number): “\(run.text.prefix(20))…” \(x)…\(right) > \(columnRight)")
                }
            }
        }
        let overfull = laid.composition.quality.reduce(0) { $0 + $1.overfull }
        return (escaped, overfull, engine.diagnostics)
    }

    @Test func aSentenceOfNonBreakingSpacesIsCutInsideItsColumnWithLocatedWarnings() throws {
        let project = try project(Self.pasted)
        let (escaped, overfull, diagnostics) = try lay(project)
        #expect(escaped.isEmpty, "\(escaped)")
        #expect(overfull >= 1)
        let joined = try #require(diagnostics.first { $0.id == "nbsp-run" })
        #expect(joined.range?.start.line == 7 && joined.range?.start.column == 1 && joined.message.hasPrefix("35 words"))
        let cut = try #require(diagnostics.first { $0.id == "word-cut" })
        #expect(cut.severity == .warning && cut.range?.path.hasSuffix("issues/x/articles/a.md") == true && cut.range?.start.line == 7)
        // The build writes print.pdf, its preflight finds no text near or across the trim, and
        // every word comes back from the PDF.
        let (pdf, built) = project.build()
        let print = try #require(pdf)
        #expect(!built.contains { $0.id.hasPrefix("preflight") }, "\(built.filter { $0.id.hasPrefix("preflight") })")
        let text = try run("pdftotext", ["-enc", "UTF-8", print.path, "-"]).out
        #expect(text.components(separatedBy: "chuyển").count - 1 == 5)
    }

    /// Issue 15, item 8: the address breaks as a URL does — after its "/" and "-", between two
    /// letters only as a last resort — so no line is overfull, nothing has to be cut, and every
    /// character comes back from the PDF.
    @Test func aLongAddressBreaksInsideItsColumn() throws {
        let project = try project("Xem toàn văn tại \(Self.url) trên trang của Hội.")
        let (escaped, overfull, diagnostics) = try lay(project)
        #expect(escaped.isEmpty, "\(escaped)")
        #expect(overfull == 0)
        #expect(!diagnostics.contains { $0.id == "word-cut" }, "\(diagnostics)")
        let (pdf, _) = project.build()
        let text = try run("pdftotext", ["-enc", "UTF-8", try #require(pdf).path, "-"]).out
        // The address runs on over a page: the lines joined, the folio between them left out.
        let joined = text.split(separator: "\n").filter { !$0.allSatisfy(\.isNumber) }.joined()
        #expect(joined.contains(Self.url), "\(text)")
    }

    @Test func aTenThousandLetterWordBuildsInsideItsColumns() throws {
        let (escaped, overfull, diagnostics) = try lay(project(String(repeating: "ươ", count: 5_000)))
        #expect(escaped.isEmpty, "\(escaped.prefix(3))")
        #expect(overfull > 20)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
    }

    @Test func aLayoutCanMakeNonBreakingSpacesOrdinary() throws {
        let project = try project(Self.pasted)
        try project.editLayout(replacing: "  breaking: total-fit", with: "  nbsp: space\n  breaking: total-fit")
        let (escaped, overfull, diagnostics) = try lay(project)
        #expect(escaped.isEmpty && overfull == 0)
        #expect(!diagnostics.contains { $0.id == "word-cut" })
    }
}
