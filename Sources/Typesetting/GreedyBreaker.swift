/// First-fit line breaking with one look back: a line that fits only by shrinking its spaces is
/// taken when the squeeze is smaller than the stretch that one word fewer would need. Kept
/// beside `TotalFitBreaker` as the comparison (`text: { breaking: greedy }` in a layout).
struct GreedyBreaker {
    func breaks(_ items: ItemList, width: (Int) -> Double) -> [Break] {
        let bp = Breakpoints(items)
        var out: [Break] = []
        var start = 0
        var k = 0
        while k < bp.points.count {
            let measure = width(out.count)
            // A URL's last-resort breaks (between two letters) count only when no other break fits.
            var chosen: Int? = nil, lastResort: Int? = nil
            var j = k
            while j < bp.points.count {
                let point = bp.points[j]
                let r = bp.ratio(start, point.index, measure: measure, last: point.forced)
                if r < -1 { break }  // too long: keep the previous point (or an overfull first one)
                if point.cost >= ItemMetric.urlLastResort {
                    lastResort = j
                    j += 1
                    continue
                }
                if point.forced {
                    chosen = j  // the paragraph's end, fitting (even shrunk): taken
                    break
                }
                if r < 0, let previous = chosen, bp.ratio(start, bp.points[previous].index, measure: measure, last: false) < -r {
                    break
                }
                chosen = j
                if point.forced || r < 0 { break }
                j += 1
            }
            let pick = chosen ?? lastResort ?? k
            let point = bp.points[pick]
            out.append(Break(range: start..<point.index, isLast: point.forced))
            start = bp.lineStart(after: point.index)
            k = pick + 1
        }
        return out
    }
}
