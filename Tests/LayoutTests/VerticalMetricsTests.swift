import Diagnostics
import Model
import Foundation
import Loading
import Pages
import Typesetting
import Testing
import TestSupport
@testable import Layout

let typesetter = Typesetter(fonts: FontLibrary(directory: projectRoot.appendingPathComponent("fonts")), layout: LayoutSpec.defaults)

/// The baselines and ink of every text line drawn on a page, top to bottom.
func inkLines(_ page: Page, _ lines: [SetLine]) -> [(baseline: Pt, top: Pt, bottom: Pt)] {
    var baselines: [Pt] = []
    for case .text(_, let origin) in page.items where baselines.last != origin.y { baselines.append(origin.y) }
    return zip(baselines, lines).map { ($0, $0 - $1.inkAscent, $0 + $1.inkDescent) }
}

@Suite struct VerticalMetricsTests {
    /// Hard case 4: stacked capitals as the first lines of a frame at tight leading.
    @Test func stackedCapitalsNeverTouchOrPokeOut() throws {
        var style = LayoutSpec.defaults.style(.title)
        style.leading = style.size  // solid: no leading at all
        let lines = try typesetter.set("NGUYỄN ẪM ỖNG ẴNG NGUYỄN ẪM ỖNG ẴNG", style: style, width: 200)
        #expect(lines.count >= 2)
        // The ink of Ẫ is taller than the font's ascender would promise at solid leading.
        #expect(lines[0].inkAscent > lines[0].leading * 0.8)
        var page = PageGeometry(layout: LayoutSpec.defaults).blankPage(3, kind: .article)
        let top: Pt = 100
        _ = ColumnFlow.draw(lines, x: 50, y: top, into: &page)
        let ink = inkLines(page, lines)
        #expect(ink[0].top >= top, "first line's ink starts at \(ink[0].top), above the frame at \(top)")
        for (a, b) in zip(ink, ink.dropFirst()) {
            #expect(b.top - a.bottom >= InkGuard.clearance - 0.001, "lines touch: \(a) / \(b)")
        }
    }

    /// Hard case 5: ỵ Ỵ ự ặ ỹ on the last line of a column stay above its foot.
    @Test func descendersStayAboveTheColumnFoot() throws {
        let geometry = PageGeometry(layout: LayoutSpec.defaults)
        let frame = geometry.frame(page: 3)
        let style = LayoutSpec.defaults.style(.body)
        let filler = try typesetter.set(String(repeating: "Nội dung thử nghiệm của cột báo. ", count: 80), style: style,
                                        width: geometry.columnWidth)
        let last = try typesetter.set("ỵ Ỵ ự ặ ỹ ỵ Ỵ ự ặ ỹ", style: style, width: geometry.columnWidth)
        // Fill the column so that the deep line falls at its foot, whatever the leading.
        let fit = Int(((frame.height - style.leading) / style.leading).rounded(.down))
        let flow = Array(filler.prefix(fit)) + last
        var column = ColumnFlow(opening: LaidPage(geometry.blankPage(3, kind: .article)), startingAt: frame.y, geometry: geometry)
        column.place(flow.map { .line(LineBox(line: $0)) })
        let page = column.pages[0].page
        let ink = inkLines(page, flow)
        let deepest = try #require(ink.last)
        #expect(last[0].inkDescent > style.size * 0.2)
        #expect(deepest.bottom <= frame.maxY, "ink at \(deepest.bottom) below the foot \(frame.maxY)")
    }

    @Test func baselineGridPutsBaselinesOnMultiples() throws {
        var layout = LayoutSpec.defaults
        layout.baselineGrid = 13.2
        let geometry = PageGeometry(layout: layout)
        let frame = geometry.frame(page: 3)
        let lines = try typesetter.set(String(repeating: "Lưới dòng cơ sở giữ nhịp đều. ", count: 20),
                                       style: layout.style(.body), width: geometry.columnWidth)
        var column = ColumnFlow(opening: LaidPage(geometry.blankPage(3, kind: .article)), startingAt: frame.y + 7, geometry: geometry)
        column.place([.space(3)] + lines.map { .line(LineBox(line: $0)) })
        for case .text(_, let origin) in column.pages[0].items {
            let steps = (origin.y - frame.y) / Pt(13.2)
            #expect(abs(steps - steps.rounded()) < 0.001, "baseline \(origin.y) is off the grid")
        }
    }
}
