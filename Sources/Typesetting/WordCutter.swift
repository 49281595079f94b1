/// The last resort for a word no line can hold — a sentence pasted with non-breaking spaces
/// between its words, a URL with a long segment, a 10,000-letter string: the word is cut into
/// boxes that each fit the narrowest line, after a non-breaking space where there is one, else
/// between two grapheme clusters (a cluster's glyphs — a letter and its marks, a ligature —
/// stay together). Pieces keep the glyphs the word was shaped with; between them goes a break
/// as costly as a line may carry, made ragged (the ragged construction of URL breaks), and the
/// line that ends there is marked `endsInsideWord`, so `check` counts it and the build warns.
enum WordCutter {
    /// The penalty of a cut: finite, so a paragraph always has a way through, and high enough
    /// that any other break is taken first.
    static let cost = 5000.0

    /// A word of this many characters or fewer is never cut: a Vietnamese syllable has at most
    /// seven letters, two joined (a soft hyphen removed) fourteen, and a column narrower than
    /// that is no layout's. Such a word stays whole, as a name must (VIETNAMESE.md, hard case 8).
    static let wholeUpTo = 14

    /// The list with every word wider than `limit` (and longer than `wholeUpTo`) cut; the same
    /// list when there is none.
    static func cut(_ list: ItemList, toFit limit: Double) -> ItemList {
        func tooWide(_ item: Item, _ metric: ItemMetric) -> Bool {
            guard metric.kind == .word, metric.width > limit + 0.01, let fragments = item.fragments else { return false }
            return fragments.reduce(0) { $0 + $1.text.count } > wholeUpTo
        }
        guard limit > 0, list.metrics.contains(where: { $0.kind == .word && $0.width > limit + 0.01 }),
              zip(list.items, list.metrics).contains(where: tooWide) else { return list }
        var out = ItemList()
        out.reserve(list.count + 16)
        for (item, metric) in zip(list.items, list.metrics) {
            switch item {
            case .word where tooWide(item, metric), .pieces where tooWide(item, metric):
                let pieces = split(item.fragments!, limit: limit)
                for (n, piece) in pieces.enumerated() {
                    out.word(piece)
                    if n + 1 < pieces.count, let last = piece.last { ragged(after: last, into: &out) }
                }
            case .word(let fragment): out.word(fragment)
            case .pieces(let fragments): out.word(fragments)
            case .glue(let glue): out.glue(glue)
            case .penalty: out.penalty(metric.cost)
            }
        }
        return out
    }

    /// True when the line `range` of `list` ends at a cut.
    static func endsAtCut(_ list: ItemList, _ range: Range<Int>) -> Bool {
        range.upperBound < list.count && list.metrics[range.upperBound].kind == .penalty && list.metrics[range.upperBound].cost == cost
    }

    /// A cluster of a fragment: its glyphs, its bytes of the fragment's text, and its width.
    private struct Cluster {
        var fragment: Int
        var glyphs: Range<Int>
        var bytes: Range<Int>
        var width: Double
        var isNoBreakSpace: Bool
    }

    /// The word's fragments cut into pieces no wider than `limit` (a cluster wider than that
    /// alone is a piece of its own).
    private static func split(_ fragments: [Fragment], limit: Double) -> [[Fragment]] {
        let clusters = fragments.enumerated().flatMap { clustersOf($1, index: $0) }
        var pieces: [[Fragment]] = []
        var start = 0
        while start < clusters.count {
            var width = 0.0, end = start, afterSpace: Int?
            while end < clusters.count, end == start || width + clusters[end].width <= limit {
                width += clusters[end].width
                if clusters[end].isNoBreakSpace, end > start { afterSpace = end + 1 }
                end += 1
            }
            // Prefer the last non-breaking space, when it leaves the line at least half full.
            if end < clusters.count, let space = afterSpace,
               clusters[start..<space].reduce(0, { $0 + $1.width }) >= limit / 2 {
                end = space
            }
            pieces.append(fragmentsOf(clusters[start..<end], in: fragments))
            start = end
        }
        return pieces
    }

    /// A fragment's clusters in order. HarfBuzz gives a left-to-right run's glyphs with rising
    /// clusters, and a glyph's cluster is the first byte of the text it draws.
    private static func clustersOf(_ f: Fragment, index: Int) -> [Cluster] {
        let scale = f.size / f.font.unitsPerEm
        let bytes = Array(f.text.utf8)
        var out: [Cluster] = []
        var g = 0
        while g < f.glyphs.count {
            let first = g, byte = f.glyphs[g].cluster
            var width = 0.0
            while g < f.glyphs.count, f.glyphs[g].cluster == byte {
                width += f.glyphs[g].advance * scale
                g += 1
            }
            let next = g < f.glyphs.count ? f.glyphs[g].cluster : bytes.count
            guard byte < next, next <= bytes.count else {
                // Clusters out of order: keep the rest of the fragment whole.
                out.append(Cluster(fragment: index, glyphs: first..<f.glyphs.count, bytes: min(byte, bytes.count)..<bytes.count,
                                   width: f.glyphs[first...].reduce(0) { $0 + $1.advance * scale }, isNoBreakSpace: false))
                return out
            }
            out.append(Cluster(fragment: index, glyphs: first..<g, bytes: byte..<next, width: width,
                               isNoBreakSpace: next - byte == 2 && bytes[byte] == 0xC2 && bytes[byte + 1] == 0xA0))
        }
        return out
    }

    /// The fragments a run of clusters makes: one per fragment it touches, with the glyphs,
    /// text and width of its clusters (glyph clusters counted from the piece's first byte).
    private static func fragmentsOf(_ clusters: ArraySlice<Cluster>, in fragments: [Fragment]) -> [Fragment] {
        var out: [Fragment] = []
        var i = clusters.startIndex
        while i < clusters.endIndex {
            let index = clusters[i].fragment
            var j = i
            while j < clusters.endIndex, clusters[j].fragment == index { j += 1 }
            let f = fragments[index]
            let glyphs = clusters[i].glyphs.lowerBound..<clusters[j - 1].glyphs.upperBound
            let bytes = clusters[i].bytes.lowerBound..<clusters[j - 1].bytes.upperBound
            var piece = f
            piece.text = String(decoding: Array(f.text.utf8)[bytes], as: UTF8.self)
            piece.glyphs = .own(f.glyphs[glyphs].map { glyph in
                var glyph = glyph
                glyph.cluster -= bytes.lowerBound
                return glyph
            })
            piece.width = clusters[i..<j].reduce(0) { $0 + $1.width }
            out.append(piece)
            i = j
        }
        return out
    }

    /// Glue that stretches only when the line ends here, the cut's penalty, and glue that
    /// cancels the stretch when it does not (as `ParagraphItems` does for URL breaks).
    private static func ragged(after f: Fragment, into list: inout ItemList) {
        let stretch = f.size * 3
        list.glue(Glue(width: 0, stretch: stretch, shrink: 0, breakable: false, font: f.font, size: f.size, color: f.color, link: f.link, glyph: nil))
        list.penalty(cost)
        list.glue(Glue(width: 0, stretch: -stretch, shrink: 0, breakable: false, font: f.font, size: f.size, color: f.color, link: f.link, glyph: nil))
    }
}
