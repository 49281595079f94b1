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

    init(_ items: ItemList) {
        let metrics = items.metrics
        var w = [0.0], y = [0.0], z = [0.0]
        var points: [Point] = []
        w.reserveCapacity(metrics.count + 1)
        y.reserveCapacity(metrics.count + 1)
        z.reserveCapacity(metrics.count + 1)
        for (i, m) in metrics.enumerated() {
            switch m.kind {
            case .glue:
                if m.breakable, i > 0, metrics[i - 1].kind == .word { points.append(Point(index: i, cost: 0)) }
            case .penalty:
                if m.cost < .infinity { points.append(Point(index: i, cost: m.cost)) }
            case .word:
                break
            }
            w.append(w[i] + m.width)
            y.append(y[i] + m.stretch)
            z.append(z[i] + m.shrink)
        }
        points.append(Point(index: metrics.count, cost: -.infinity))
        var next = [Int](repeating: metrics.count, count: metrics.count + 1)
        for i in stride(from: metrics.count - 1, through: 0, by: -1) {
            next[i] = metrics[i].kind == .word ? i : next[i + 1]
        }
        self.nextWord = next
        self.points = points
        self.width = w
        self.stretch = y
        self.shrink = z
        self.count = metrics.count
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
