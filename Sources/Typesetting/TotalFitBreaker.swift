/// Total-fit line breaking after Knuth & Plass, "Breaking paragraphs into lines" (Software—
/// Practice and Experience 11, 1981): the breaks that minimise the paragraph's total demerits,
/// found by dynamic programming over active breakpoints.
///
/// As in TeX: badness 100·|r|³, demerits (linepenalty + badness)² ± penalty², extra demerits
/// when adjacent lines' fitness classes differ by more than one. Where this differs:
/// - passes are by adjustment ratio, not badness: 1.5, then 3, then an emergency pass that
///   accepts any stretch, a URL's last-resort breaks and, for a word longer than the line, an
///   overfull line;
/// - there is no hyphenation pass at all (Vietnamese is never hyphenated), and no looseness;
/// - the last line gets TeX's \parfillskip behaviour (infinite stretch) without a glue item.
struct TotalFitBreaker {
    var tolerances: [Double] = [1.5, 3, .infinity]
    var linePenalty = 10.0
    var adjacentDemerits = 10_000.0

    private struct Node {
        var point: Int          // index into Breakpoints.points, -1 for the paragraph's start
        var line: Int           // lines set before this break
        var fitness: Int
        var demerits: Double
        var previous: Int?      // index into `nodes`
    }

    func breaks(_ items: ItemList, width: (Int) -> Double) -> [Break] {
        let bp = Breakpoints(items)
        for (pass, tolerance) in tolerances.enumerated() {
            if let found = run(bp, width: width, tolerance: tolerance, emergency: pass == tolerances.count - 1) {
                return found
            }
        }
        return [Break(range: 0..<bp.count, isLast: true)]
    }

    private func run(_ bp: Breakpoints, width: (Int) -> Double, tolerance: Double, emergency: Bool) -> [Break]? {
        var nodes = [Node(point: -1, line: 0, fitness: 1, demerits: 0, previous: nil)]
        var active = [0]
        var stillActive: [Int] = []
        for (k, point) in bp.points.enumerated() {
            // A URL's last-resort break (between two letters) only when nothing else fits.
            if !emergency, point.cost >= ItemMetric.urlLastResort { continue }
            var best: (Node?, Node?, Node?, Node?) = (nil, nil, nil, nil)  // by fitness class
            stillActive.removeAll(keepingCapacity: true)
            for a in active {
                let node = nodes[a]
                let start = bp.lineStart(after: node.point < 0 ? nil : bp.points[node.point].index)
                let last = point.forced
                let r = bp.ratio(start, point.index, measure: width(node.line), last: last)
                var demerits: Double
                var fitness: Int
                if r < -1 || r.isNaN {
                    // Too long even fully shrunk: this node can reach no later break either.
                    guard emergency, k == node.point + 1 else { continue }
                    demerits = node.demerits + 1e10
                    fitness = 0
                } else {
                    if !point.forced { stillActive.append(a) }
                    guard r <= tolerance || (emergency && r.isFinite) else { continue }
                    let badness = min(100 * pow3(abs(r)), 1e6)
                    demerits = pow2(linePenalty + badness)
                    if point.cost > 0 { demerits += pow2(point.cost) } else if point.cost > -.infinity { demerits -= pow2(point.cost) }
                    fitness = r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3
                    if abs(fitness - node.fitness) > 1 { demerits += adjacentDemerits }
                    demerits += node.demerits
                }
                let candidate = Node(point: k, line: node.line + 1, fitness: fitness, demerits: demerits, previous: a)
                switch fitness {
                case 0: if best.0.map({ demerits < $0.demerits }) ?? true { best.0 = candidate }
                case 1: if best.1.map({ demerits < $0.demerits }) ?? true { best.1 = candidate }
                case 2: if best.2.map({ demerits < $0.demerits }) ?? true { best.2 = candidate }
                default: if best.3.map({ demerits < $0.demerits }) ?? true { best.3 = candidate }
                }
            }
            swap(&active, &stillActive)
            if let node = best.0 { nodes.append(node); active.append(nodes.count - 1) }
            if let node = best.1 { nodes.append(node); active.append(nodes.count - 1) }
            if let node = best.2 { nodes.append(node); active.append(nodes.count - 1) }
            if let node = best.3 { nodes.append(node); active.append(nodes.count - 1) }
            if active.isEmpty { return nil }
            if point.forced && k < bp.points.count - 1 {
                // A forced break inside the paragraph: only the nodes just created go on.
                active = active.filter { nodes[$0].point == k }
            }
        }
        // The paragraph's end is the last point: pick the cheapest node there.
        let endPoint = bp.points.count - 1
        guard let end = active.filter({ nodes[$0].point == endPoint }).min(by: { nodes[$0].demerits < nodes[$1].demerits }) else {
            return nil
        }
        var chain: [Node] = []
        var cursor: Int? = end
        while let c = cursor, nodes[c].point >= 0 {
            chain.append(nodes[c])
            cursor = nodes[c].previous
        }
        var out: [Break] = []
        var start = 0
        for node in chain.reversed() {
            let point = bp.points[node.point]
            out.append(Break(range: start..<point.index, isLast: point.forced))
            start = bp.lineStart(after: point.index)
        }
        return out
    }
}

@inline(__always) private func pow2(_ x: Double) -> Double { x * x }
@inline(__always) private func pow3(_ x: Double) -> Double { x * x * x }
