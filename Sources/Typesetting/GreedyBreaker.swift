/// First-fit line breaking with one look back: a word that fits only by shrinking the spaces is
/// taken when the squeeze is smaller than the stretch leaving it out would need.
/// A stand-in for total-fit (Knuth & Plass 1981) breaking, which the next version brings;
/// kept afterwards as the comparison.
struct GreedyBreaker {
    /// A line's items: `range` of indices into the item list, and whether it ends the paragraph
    /// or a forced break (then it is set ragged, not justified).
    struct Break {
        var range: Range<Int>
        var isLast: Bool
    }

    func breaks(_ items: [Item], width: (Int) -> Double) -> [Break] {
        var out: [Break] = []
        var start = 0
        while start < items.count {
            // A line never starts with glue left over from the previous line.
            while start < items.count, case .glue = items[start] { start += 1 }
            guard start < items.count else { break }
            let measure = width(out.count)
            // Totals up to the end of the last word taken (`line`) and including the glue after it (`pending`).
            var line = (natural: 0.0, stretch: 0.0, shrink: 0.0)
            var pending = line
            var end = start
            var forced = false
            scan: while end < items.count {
                switch items[end] {
                case .forcedBreak:
                    forced = true
                    break scan
                case .glue(let g):
                    pending.natural += g.width
                    pending.stretch += g.stretch
                    pending.shrink += g.shrink
                case .word(_, let w):
                    let natural = pending.natural + w
                    if end > start, natural > measure {
                        let squeeze = (natural - measure) / max(pending.shrink, 0.001)
                        let spread = (measure - line.natural) / max(line.stretch, 0.001)
                        if squeeze > 1 || squeeze > spread { break scan }
                    }
                    pending.natural = natural
                    line = pending
                }
                end += 1
            }
            // `end` stops at a word that did not fit, a forced break, or the end; drop trailing glue.
            var last = end
            while last > start, case .glue = items[last - 1] { last -= 1 }
            out.append(Break(range: start..<last, isLast: forced || end >= items.count))
            start = forced ? end + 1 : end
        }
        return out
    }
}
