import Model
import Pages
import Typesetting

/// A proof for the editorial board: the print pages with every line of every column numbered
/// (the number printed beside every fifth), a "BẢN THẢO" watermark with the build's time behind
/// the text, and no crop marks (the proof is written at trim size). The numbered lines, with
/// their text, are what the next round's change report compares.
public struct Proof {
    public let layout: LayoutSpec
    public let typesetter: Typesetter
    /// The build's time as the watermark says it: `BẢN THẢO · 02/12/2026 06:40`.
    public let stamp: String

    public init(layout: LayoutSpec, typesetter: Typesetter, stamp: String) {
        self.layout = layout
        self.typesetter = typesetter
        self.stamp = stamp
    }

    /// One line of a column as the proof numbers it.
    public struct Line: Sendable, Hashable, Codable {
        public var column: Int
        /// From 1, top to bottom, in its column.
        public var number: Int
        public var top: Double
        public var bottom: Double
        public var left: Double
        public var width: Double
        public var text: String
    }

    /// The page's body lines and headings, column by column, numbered; then the rest of its
    /// text (an opener's title and standfirst, captions, running heads), a line per baseline,
    /// with column -1 and number 0: not numbered, but compared from round to round.
    public func lines(_ laid: LaidPage) -> [Line] {
        let geometry = PageGeometry(layout: layout)
        var out: [Line] = []
        var claimed = Set<Int>()
        let texts = laid.page.items.enumerated().compactMap { i, item -> (index: Int, run: GlyphRun, origin: Point)? in
            guard case .text(let run, let origin) = item else { return nil }
            return (i, run, origin)
        }
        let records = laid.flow.filter { $0.kind != .figure }
        for column in Set(records.map(\.column)).sorted() {
            let left = geometry.columnX(column, page: laid.number), width = geometry.columnWidth
            let band = records.filter { $0.column == column }.sorted { $0.top < $1.top }
            for (n, record) in band.enumerated() {
                // The runs whose baseline lies in the line's band, inside its column, left to right.
                let runs = texts.filter {
                    $0.origin.y >= record.top && $0.origin.y <= record.bottom + 0.5 && $0.origin.x >= left - 1 && $0.origin.x <= left + width + 1
                }.sorted { $0.origin.x + $0.run.x < $1.origin.x + $1.run.x }
                claimed.formUnion(runs.map(\.index))
                out.append(Line(column: column, number: n + 1, top: record.top.value, bottom: record.bottom.value,
                                left: left.value, width: width.value, text: runs.map(\.run.text).joined()))
            }
        }
        let rest = Dictionary(grouping: texts.filter { !claimed.contains($0.index) }) { ($0.origin.y.value * 10).rounded() }
        for (_, runs) in rest.sorted(by: { $0.key < $1.key }) {
            let sorted = runs.sorted { $0.origin.x + $0.run.x < $1.origin.x + $1.run.x }
            let size = sorted.map(\.run.size.value).max() ?? 0, baseline = sorted[0].origin.y.value
            let left = sorted.map { ($0.origin.x + $0.run.x).value }.min() ?? 0
            let right = sorted.map { ($0.origin.x + $0.run.x + $0.run.width).value }.max() ?? left
            out.append(Line(column: -1, number: 0, top: baseline - size, bottom: baseline + size * 0.3, left: left,
                            width: right - left, text: sorted.map(\.run.text).joined()))
        }
        return out
    }

    /// The pages as the proof shows them: the watermark is set once for all of them.
    public func pages(_ laid: [LaidPage]) throws -> [Page] {
        guard let first = laid.first else { return [] }
        let trim = first.page.trimBox
        let watermark = Self.style(layout, size: 54, leading: 60, bold: true, align: .center, grey: 0.8)
        let title = try typesetter.set("BẢN THẢO", style: watermark, width: trim.width)
        let time = try typesetter.set(stamp, style: Self.style(layout, size: 11, leading: 14, bold: true, align: .center, grey: 0.8),
                                      width: trim.width)
        let number = Self.style(layout, size: 6, leading: 7, bold: false, align: .right, grey: 0.45)
        return try laid.map { laid in
            var page = laid.page
            var marks = Page(number: page.number, kind: page.kind, mediaSize: page.mediaSize, trimBox: page.trimBox, bleed: page.bleed)
            // The watermark first, so the text lies over it.
            let t = page.trimBox
            let below = ColumnFlow.draw(title, x: t.x, y: t.y + t.height / 2 - 40, into: &marks)
            _ = ColumnFlow.draw(time, x: t.x, y: below, into: &marks)
            for line in lines(laid) where line.column >= 0 && line.number % 5 == 0 {
                let set = try typesetter.set(String(line.number), style: number, width: 14)
                // A line's band holds its descent and some of the leading below the baseline: the
                // number's box ends a fifth of the band above the band's end, on the line's baseline.
                let bottom = line.bottom - (line.bottom - line.top) * 0.2
                _ = ColumnFlow.draw(set, x: Pt(line.left - 16), y: Pt(bottom) - number.leading, into: &page)
            }
            page.items = marks.items + page.items
            return page
        }
    }

    /// The folio's face in a size, weight, alignment and grey.
    private static func style(_ layout: LayoutSpec, size: Pt, leading: Pt, bold: Bool, align: Alignment, grey: Double) -> TextStyle {
        var style = layout.style(.folio)
        style.size = size
        style.leading = leading
        style.bold = bold
        style.align = align
        style.color = Color(red: grey, green: grey, blue: grey)
        return style
    }
}
