/// The legal breakpoints of a paragraph's items and running sums of widths, stretch and
/// shrink, so the size of any line between two breakpoints costs O(1) (Knuth & Plass 1981, §3).
struct Breakpoints {
    /// Where a line may end: at `index` (the glue or penalty there is not part of either line),
    /// or at the paragraph's end (`index == items.count`).
    struct Point {
        var index: Int
        /// The penalty for breaking here (0 at glue; `-infinity` forced).
        var cost: Double
        var forced: Bool { cost == -.infinity }
    }

    let points: [Point]
    /// For each index, the first word at or after it: where a line after a break there starts.
    private let nextWord: [Int]
    private let width: [Double]
    private let stretch: [Double]
    private let shrink: [Double]
    let count: Int

    init(_ items: [Item]) {
        var w = [0.0], y = [0.0], z = [0.0]
        var points: [Point] = []
        w.reserveCapacity(items.count + 1)
        for (i, item) in items.enumerated() {
            var dw = 0.0, dy = 0.0, dz = 0.0
            switch item {
            case .word(_, let width):
                dw = width
            case .glue(let g):
                dw = g.width
                dy = g.stretch
                dz = g.shrink
                if g.breakable, i > 0, items[i - 1].isWord { points.append(Point(index: i, cost: 0)) }
            case .penalty(let cost):
                if cost < .infinity { points.append(Point(index: i, cost: cost)) }
            }
            w.append(w[i] + dw)
            y.append(y[i] + dy)
            z.append(z[i] + dz)
        }
        points.append(Point(index: items.count, cost: -.infinity))
        var next = [Int](repeating: items.count, count: items.count + 1)
        for i in stride(from: items.count - 1, through: 0, by: -1) {
            next[i] = items[i].isWord ? i : next[i + 1]
        }
        self.nextWord = next
        self.points = points
        self.width = w
        self.stretch = y
        self.shrink = z
        self.count = items.count
    }

    /// The first item of a line that follows a break at `index`: the break's glue or penalty,
    /// and any glue or penalty after it, are discarded (Knuth & Plass's discardable items).
    func lineStart(after index: Int?) -> Int {
        guard let index else { return 0 }
        return nextWord[min(index + 1, count)]
    }

    /// Natural width, stretch and shrink of the items `start..<end`.
    func measure(_ start: Int, _ end: Int) -> (natural: Double, stretch: Double, shrink: Double) {
        (width[end] - width[start], stretch[end] - stretch[start], shrink[end] - shrink[start])
    }

    /// The adjustment ratio that sets `start..<end` to `measure`; the last line of a paragraph
    /// (or before a forced break) has infinite stretch, so its ratio is 0 unless it must shrink.
    func ratio(_ start: Int, _ end: Int, measure: Double, last: Bool) -> Double {
        let m = self.measure(start, end)
        if m.natural > measure {
            return m.shrink > 0 ? (measure - m.natural) / m.shrink : -.infinity
        }
        if last { return 0 }
        return m.stretch > 0 ? (measure - m.natural) / m.stretch : (m.natural == measure ? 0 : .infinity)
    }
}

/// A chosen line: the items `range`, and whether it ends the paragraph or a forced break
/// (then it is set ragged, not justified).
struct Break {
    var range: Range<Int>
    var isLast: Bool
}
