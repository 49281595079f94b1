import Bantin
import Diagnostics
import Foundation
import Layout
import Model
import Pages
import Testing
import TestSupport

/// Issue 15, acceptance 2: tables set from their content, their header repeated, a wide one
/// spanning the page, a too-wide one a located error.
@Suite struct TableTests {
    /// The text runs of the laid pages: page number, text, left x, right x, baseline, size.
    struct Run {
        var page: Int
        var text: String
        var left: Double
        var right: Double
        var y: Double
        var size: Double
    }

    static func runs(_ pages: [LaidPage]) -> [Run] {
        pages.flatMap { page in
            page.items.compactMap { item -> Run? in
                guard case .text(let run, let origin) = item else { return nil }
                return Run(page: page.number, text: run.text, left: origin.x.value, right: (origin.x + run.width).value,
                           y: origin.y.value, size: run.size.value)
            }
        }
    }

    static func build(_ body: String, layout edit: (String, String)? = nil) throws -> (pages: [LaidPage], diagnostics: [Diagnostic]) {
        let project = try TestProject()
        if let edit { try project.editLayout(replacing: edit.0, with: edit.1) }
        try project.issue([("a.md", "---\ntitle: Bảng số liệu\n---\n\n" + body + "\n")])
        let engine = DiagnosticEngine()
        let built = Pipeline(options: BuildOptions(root: project.root, outDirectory: project.url("out")), engine: engine)
            .build([project.url("issues/x")]).first
        return (built?.pages ?? [], engine.diagnostics)
    }

    static var columnWidth: Double {
        let layout = LayoutSpec.defaults
        let frame = layout.trim.width - layout.margins.inside - layout.margins.outside
        return ((frame - layout.gutter * Double(layout.columns - 1)) / Double(layout.columns)).value
    }

    /// A narrow numeric column stays as narrow as its numbers: the text column takes the room,
    /// and wraps; the numbers stand right-aligned on their decimal comma and never wrap.
    @Test func aNumericColumnStaysNarrowAndAlignsOnItsComma() throws {
        let (pages, diagnostics) = try Self.build("""
            | Hạng mục | Số tiền |
            |---|---|
            | Tổ chức hội thảo khoa học về nông nghiệp tuần hoàn ở vùng trung du | 12.846.000 |
            | In ấn tài liệu | 1.200.000 |
            | Tỉ lệ hoàn thành | 56,2 |
            """)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let runs = Self.runs(pages)
        let big = try #require(runs.first { $0.text == "12.846.000" })
        let small = try #require(runs.first { $0.text == "1.200.000" })
        let decimal = try #require(runs.first { $0.text == "56,2" })
        let header = try #require(runs.first { $0.text.hasPrefix("Hạng mục") })
        // The numeric column is at most a quarter of the column; the text column wraps beside it.
        #expect(big.right - big.left < Self.columnWidth / 4)
        #expect(big.left - header.left > Self.columnWidth * 0.7, "the numbers sit at the column's right")
        #expect(runs.filter { $0.page == big.page && $0.left == header.left && $0.y > header.y && $0.y < small.y }.count >= 2,
                "the long item wraps in its column")
        // Right-aligned on the comma: 12.846.000 and 1.200.000 end together; "56" ends there too, ",2" hangs right.
        #expect(abs(big.right - small.right) < 0.01)
        #expect(decimal.right > big.right + 1)
        #expect(abs(header.left - (runs.first { $0.text.hasPrefix("Tổ chức") }?.left ?? 0)) < 0.01)
    }

    /// A table that goes on into the next column takes its header with it, under a rule.
    @Test func theHeaderIsRepeatedAfterABreak() throws {
        let rows = (1...90).map { "| Mục \($0) | \($0 * 1000 / 7),\($0 % 10) |" }.joined(separator: "\n")
        let (pages, diagnostics) = try Self.build("Bảng 1. Số liệu theo mục\n\n| Mục | Giá trị |\n|---|---|\n" + rows)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let runs = Self.runs(pages).filter { $0.text.hasPrefix("Mục") && $0.text != "Mục lục" }
        // Group by column: a page's left or right half.
        let columns = Dictionary(grouping: runs) { run -> String in
            let mid = (pages.first { $0.number == run.page }?.page.mediaSize.width.value ?? 600) / 2
            return "\(run.page)-\(run.left < mid ? 0 : 1)"
        }
        #expect(columns.count >= 3, "90 rows fill more than two columns")
        for (key, column) in columns {
            let top = try #require(column.min { $0.y < $1.y })
            #expect(top.text == "Mục", "column \(key) starts with \(top.text), not the header")
        }
        // Every row once, in order.
        let body = runs.filter { $0.text != "Mục" }.map(\.text)
        #expect(body == (1...90).map { "Mục \($0)" })
    }

    /// A table whose words do not fit a column spans the page, as a wide figure does.
    @Test func aTableWiderThanAColumnSpansThePage() throws {
        let (pages, diagnostics) = try Self.build("""
            | Trạm quan trắc | Vị trí đặt trạm | Độ pH | Độ đục (NTU) | Oxy hòa tan (mg/l) | Nhiệt độ (°C) | Vượt ngưỡng |
            |---|---|--:|--:|--:|--:|--:|
            | LB-01 | Đầu nguồn | 7,42 | 8,6 | 7,85 | 18,4 | 0 |
            | LB-05 | Cửa xả khu công nghiệp | 6,91 | 24,3 | 4,12 | 21,7 | 17 |
            """)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let runs = Self.runs(pages)
        let first = try #require(runs.first { $0.text == "LB-01" })
        let last = try #require(runs.first { $0.text == "0" && $0.page == first.page && abs($0.y - first.y) < 0.5 })
        #expect(last.right - first.left > Self.columnWidth * 1.5, "spans both columns")
    }

    /// A table too wide even for the page: a located error with a hint, and no PDF.
    @Test func aTableTooWideForThePageIsALocatedError() throws {
        let header = (1...14).map { "| Chỉtiêuquantrắcsố\($0) " }.joined() + "|"
        let delimiter = String(repeating: "|---", count: 14) + "|"
        let row = (1...14).map { "| \($0) " }.joined() + "|"
        let (_, diagnostics) = try Self.build("Đoạn mở đầu.\n\n" + header + "\n" + delimiter + "\n" + row)
        let error = try #require(diagnostics.first { $0.id == "table-too-wide" }, "\(diagnostics)")
        #expect(error.range?.start.line == 7 && error.range?.start.column == 1)
        #expect(error.message.contains("mm") && error.hint?.contains("split") == true)
    }
}
