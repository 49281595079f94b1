/// First-fit line breaking: take words while they fit at the glue's full shrink, then break.
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
            // A line never starts with glue or a forced break left over from the previous line.
            while start < items.count, case .glue = items[start] { start += 1 }
            guard start < items.count else { break }
            let measure = width(out.count)
            var natural = 0.0, shrink = 0.0
            var end = start
            var lastWordEnd = start
            var forced = false
            while end < items.count {
                switch items[end] {
                case .forcedBreak:
                    forced = true
                case .glue(let g):
                    natural += g.width
                    shrink += g.shrink
                    end += 1
                    continue
                case .word(_, let w):
                    if natural + w - shrink > measure, lastWordEnd > start { break }
                    natural += w
                    end += 1
                    lastWordEnd = end
                    continue
                }
                break
            }
            out.append(Break(range: start..<lastWordEnd, isLast: forced || lastWordEnd >= items.count))
            start = forced ? lastWordEnd + 1 : lastWordEnd
            if forced, start >= items.count { break }
        }
        return out
    }
}
