import Pages
import Diagnostics
import Foundation
import Loading
import Model
import Testing
import TestSupport
@testable import Typesetting

@Suite struct LineBreakingTests {
    let typesetter = Typesetter(fonts: fonts, layout: LayoutSpec.defaults)
    let text = "Sáng ngày 16 tháng 01 năm 2025, tại Trung tâm Hội nghị tỉnh, Liên hiệp các Hội Khoa học và Kỹ thuật "
        + "tỉnh Bình Lâm tổ chức Hội nghị tổng kết công tác năm 2024 và triển khai nhiệm vụ năm 2025. Đến dự có "
        + "đại diện lãnh đạo Ủy ban nhân dân tỉnh, các sở, ban, ngành và 32 hội thành viên."

    @Test func justifiedLinesFillTheMeasureAndKeepTheText() throws {
        let lines = try typesetter.set([.text(text)], style: LayoutSpec.defaults.style(.body), width: 200)
        #expect(lines.count >= 4)
        #expect(lines.map(\.text).joined(separator: " ") == text)
        for (n, line) in lines.enumerated() {
            #expect(!line.isOverfull, "\(line.dump)")
            let end = line.runs.last.map { $0.x + $0.width } ?? 0
            let measure = n == 0 ? 200 - LayoutSpec.defaults.style(.body).firstLineIndent.value : 200
            if n < lines.count - 1 {
                #expect(abs(end.value - 200) < 0.01, "line \(n) ends at \(end): \(line.dump)")
                #expect(line.ratio > -1 && line.ratio < 3, "\(line.dump)")
            } else {
                #expect(line.ratio == 0 && end.value <= measure + 0.01)
            }
        }
    }

    @Test func noLineStartsOrEndsWithASpaceAndNothingIsHyphenated() throws {
        let lines = try typesetter.set([.text("Nguyễn Thị Minh Khai " + text)], style: LayoutSpec.defaults.style(.body), width: 60)
        for line in lines {
            #expect(!line.text.hasPrefix(" ") && !line.text.hasSuffix(" "))
            #expect(!line.text.contains("-"), "\(line.dump)")
        }
        #expect(lines.first?.text.hasPrefix("Nguyễn") == true)
    }

    @Test func clustersCoverEveryByteOfEachRun() throws {
        let lines = try typesetter.set([.text("Vi"), .strong([.text("ệ")]), .text("t Nam "), .emphasis([.text("ẪM ỖNG")])],
                                       style: LayoutSpec.defaults.style(.body), width: 300)
        let runs = lines.flatMap(\.runs)
        #expect(runs.map(\.text).joined() == "Việt Nam ẪM ỖNG")
        #expect(runs.count == 4)  // regular, bold, regular, italic
        for run in runs {
            #expect(run.glyphs.first?.cluster == 0)
            #expect(zip(run.glyphs, run.glyphs.dropFirst()).allSatisfy { $0.cluster <= $1.cluster })
            #expect((run.glyphs.last?.cluster ?? 0) < run.text.utf8.count)
        }
    }

    @Test func lineDumpFormat() throws {
        let line = try #require(try typesetter.set([.text("Quý I/2025")], style: LayoutSpec.defaults.style(.first), width: 100).first)
        #expect(line.dump.hasPrefix("Line w=100pt n="), "\(line.dump)")
        #expect(line.dump.hasSuffix("r=+0.00 \"Quý I/2025\""), "\(line.dump)")
    }
}

@Suite struct CodeSettingTests {
    let typesetter = Typesetter(fonts: fonts, layout: LayoutSpec.defaults)

    @Test func longCodeLinesWrapInsideTheColumnAndKeepEveryCharacter() throws {
        let code = "tram,thoi_gian,ph,do_duc_ntu,oxy_hoa_tan_mg_l,nhiet_do_c,pin_v\n  LB07,2025-02-12T06:15:00+07:00,7.12,38.4"
        let style = LayoutSpec.defaults.style(.code)
        let lines = try typesetter.setCode(code, style: style, width: 120)
        #expect(lines.count > 2)
        for line in lines {
            let end = line.runs.last.map { $0.x + $0.width } ?? 0
            #expect(end.value <= 120.01, "\(line.dump) ends at \(end)")
        }
        #expect(lines.map(\.text).joined() == code.replacingOccurrences(of: "\n  ", with: ""))
        // The first cut falls after a comma, and continuation lines start further in than their first line.
        #expect(lines[0].text.hasSuffix(","))
        #expect(lines[1].runs[0].x > lines[0].runs[0].x)
    }
}
