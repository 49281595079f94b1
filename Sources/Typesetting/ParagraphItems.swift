import Model

/// A piece of a word in one face (a word has several when a style changes inside it: `Vi**ệ**t`).
struct Fragment {
    var text: String
    /// Not counted: a face lives as long as its `FontLibrary`, which the typesetter holds for the
    /// whole build, while a fragment lives for one paragraph. Counting it cost every copy of a
    /// word or a space an atomic increment on the one face both typesetting threads share (with
    /// the glue's, 6 % of a 400-article build's CPU, the cache line passed between the cores).
    unowned(unsafe) var font: Font
    var size: Double
    var color: Color
    var link: String?
    var glyphs: Glyphs
    /// Width in points, tracking included.
    var width: Double
    /// How far the glyphs' ink reaches above and below the baseline, in font units.
    var inkTop: Double
    var inkBottom: Double
}

/// Inter-word glue (Knuth & Plass 1981): a natural width that may stretch or shrink.
/// `breakable` is false where a Vietnamese keep-together rule binds the words on either side.
struct Glue {
    var width: Double
    var stretch: Double
    var shrink: Double
    var breakable: Bool
    /// Not counted, as `Fragment.font`.
    unowned(unsafe) var font: Font
    var size: Double
    var color: Color
    var link: String?
    var glyph: ShapedGlyph?
}

/// The items of Knuth & Plass's model: boxes (here whole words), glue, and penalties. What
/// they measure and cost is in the `ItemMetric` beside each; the items hold what drawing needs.
enum Item {
    /// A word in one face, as nearly every word is: its fragment inline, with no array to allocate.
    case word(Fragment)
    /// A word of several fragments: a style changes inside it (`Vi**ệ**t`), or a fallback face
    /// sets some of its letters.
    case pieces([Fragment])
    case glue(Glue)
    /// A break opportunity of zero width.
    case penalty

    /// A word's fragments as a list (nil for glue and penalties), for the paths that cut words.
    var fragments: [Fragment]? {
        switch self {
        case .word(let fragment): [fragment]
        case .pieces(let fragments): fragments
        case .glue, .penalty: nil
        }
    }
}

/// The numbers of an item that choosing breaks needs, kept beside the items so the breakers
/// run over plain values and never copy (nor retain) a fragment or a face.
struct ItemMetric {
    enum Kind: UInt8 { case word, glue, penalty }
    var kind: Kind
    /// Glue only: false where a keep-together rule binds the words on either side.
    var breakable = false
    var width = 0.0, stretch = 0.0, shrink = 0.0
    /// Penalties only; `-infinity` forces a break.
    var cost = 0.0

    static let forcedBreak = -Double.infinity
    /// Inside a URL, after "/", "." and the like: allowed, but not loved.
    static let urlBreak = 50.0
    /// Inside a URL between any two other characters: only when nothing else keeps the URL in its column.
    static let urlLastResort = 3000.0
}

/// A paragraph's items and their metrics, appended together.
struct ItemList {
    private(set) var items: [Item] = []
    private(set) var metrics: [ItemMetric] = []

    var count: Int { items.count }

    /// Room for about `n` items, so a long paragraph's items are not copied as they grow.
    mutating func reserve(_ n: Int) {
        items.reserveCapacity(n)
        metrics.reserveCapacity(n)
    }

    mutating func word(_ fragment: Fragment) {
        metrics.append(ItemMetric(kind: .word, width: fragment.width))
        items.append(.word(fragment))
    }

    mutating func word(_ fragments: [Fragment]) {
        guard fragments.count != 1 else { return word(fragments[0]) }
        let width = fragments.reduce(0) { $0 + $1.width }
        metrics.append(ItemMetric(kind: .word, width: width))
        items.append(.pieces(fragments))
    }

    mutating func glue(_ glue: Glue) {
        metrics.append(ItemMetric(kind: .glue, breakable: glue.breakable, width: glue.width, stretch: glue.stretch, shrink: glue.shrink))
        items.append(.glue(glue))
    }

    mutating func penalty(_ cost: Double) {
        metrics.append(ItemMetric(kind: .penalty, cost: cost))
        items.append(.penalty)
    }
}

/// Cuts styled runs into words at spaces, applies the Vietnamese break rules, and shapes each
/// piece in its face (or a fallback face that has the glyph).
struct ParagraphItems {
    let fonts: FontLibrary
    let layout: LayoutSpec
    let style: TextStyle
    /// The faces and spaces of this paragraph's looks, found once per look, not once per word.
    private let looks = Looks()

    init(fonts: FontLibrary, layout: LayoutSpec, style: TextStyle) {
        self.fonts = fonts
        self.layout = layout
        self.style = style
    }

    /// What a run's look (weight, slant, code) resolves to in this paragraph: its face, and
    /// the glue of its space. A paragraph has a handful of looks and thousands of words.
    private final class Looks {
        static func index(_ run: StyledRun) -> Int { (run.bold ? 4 : 0) | (run.italic ? 2 : 0) | (run.code ? 1 : 0) }
        var faces = [Font?](repeating: nil, count: 8)
        var spaces = [Glue?](repeating: nil, count: 8)
    }

    /// The last token read: words, single spaces and forced breaks, in order. A space becomes
    /// glue only between two words; a forced break or the paragraph's edge drops it.
    private enum Last {
        case none, forcedBreak
        case word(String)
        /// A space, and the word before it if there is one.
        case space(run: Int, after: String?)
    }

    func items(_ runs: [StyledRun]) throws -> ItemList {
        var list = ItemList()
        // A word and its space take about six bytes of Vietnamese text and make two items.
        list.reserve(runs.reduce(0) { $0 + $1.text.utf8.count } / 3 + 1)
        var last = Last.none
        // The word being read: its pieces (one per style run it spans), by run.
        var pieces: [(text: Substring, run: Int)] = []
        func closeWord() throws {
            guard !pieces.isEmpty else { return }
            let text = pieces.count == 1 ? String(pieces[0].text) : pieces.reduce(into: "") { $0 += $1.text }
            if case .space(let space, let before?) = last {
                var glue = try self.glue(runs[space])
                glue.breakable = VietnameseBreaks.allowsBreak(between: before, and: text)
                list.glue(glue)
            }
            try append(text, pieces, runs, to: &list)
            pieces.removeAll(keepingCapacity: true)
            last = .word(text)
        }
        for (r, run) in runs.enumerated() {
            if run.forcedBreak {
                try closeWord()
                list.penalty(ItemMetric.forcedBreak)
                last = .forcedBreak
                continue
            }
            // Spaces are ASCII, so the text is cut on its UTF-8 bytes (no grapheme breaking needed).
            let text = run.text
            var pieceStart = text.utf8.startIndex
            var i = pieceStart
            while i < text.utf8.endIndex {
                let byte = text.utf8[i]
                if byte == 0x20 || byte == 0x0A || byte == 0x09 {
                    if pieceStart < i { pieces.append((text[pieceStart..<i], r)) }
                    try closeWord()
                    switch last {
                    case .space: break
                    case .word(let before): last = .space(run: r, after: before)
                    case .none, .forcedBreak: last = .space(run: r, after: nil)
                    }
                    pieceStart = text.utf8.index(after: i)
                }
                i = text.utf8.index(after: i)
            }
            if pieceStart < text.utf8.endIndex { pieces.append((text[pieceStart...], r)) }
        }
        try closeWord()
        return list
    }

    /// A word as one box, or — a URL — as boxes with break opportunities after "/", "." and
    /// the like, and costly ones between any other two characters.
    private func append(_ word: String, _ pieces: [(text: Substring, run: Int)], _ runs: [StyledRun], to list: inout ItemList) throws {
        let cuts = VietnameseBreaks.urlBreakOffsets(word)
        if cuts.isEmpty {
            if pieces.count == 1 {
                let run = runs[pieces[0].run], primary = try face(for: run), shaped = primary.word(word)
                // The common case: the style's face has every letter; one fragment, no array.
                if shaped.covered {
                    list.word(fragment(word, shaped, primary, size(for: run), run))
                } else {
                    list.word(try shape(word, run))
                }
            } else {
                list.word(try pieces.flatMap { try shape(String($0.text), runs[$0.run]) })
            }
            return
        }
        var fragments: [Fragment] = []
        var offset = 0
        for (piece, r) in pieces {
            // Split this piece where the URL may break, so each side is its own box.
            let text = String(piece), run = runs[r]
            var start = text.startIndex
            let end = offset + text.count
            for cut in cuts where cut.offset > offset && cut.offset < end {
                let index = text.index(text.startIndex, offsetBy: cut.offset - offset)
                fragments += try shape(String(text[start..<index]), run)
                list.word(fragments)
                try urlBreak(run, penalty: cut.good ? ItemMetric.urlBreak : ItemMetric.urlLastResort, into: &list)
                fragments = []
                start = index
            }
            fragments += try shape(String(text[start...]), run)
            offset = end
        }
        if !fragments.isEmpty { list.word(fragments) }
    }

    private func face(for run: StyledRun) throws -> Font {
        let key = Looks.index(run)
        if let face = looks.faces[key] { return face }
        let face = run.code
            ? try fonts.font(family: "mono", bold: run.bold, italic: false, in: layout)
            : try fonts.font(for: style, in: layout, bold: run.bold, italic: run.italic)
        looks.faces[key] = face
        return face
    }

    private func size(for run: StyledRun) -> Double {
        run.code && style.family != "mono" ? style.size.value * 0.88 : style.size.value
    }

    /// Shapes a piece in its face; characters the face lacks go to the first fallback face that
    /// has them (a character no face has stays in the style's face and is reported by the check).
    private func shape(_ text: String, _ run: StyledRun) throws -> [Fragment] {
        let primary = try face(for: run)
        let size = self.size(for: run)
        let word = primary.word(text)
        if word.covered { return [fragment(text, word, primary, size, run)] }
        return try FontFallback(fonts: fonts, layout: layout, run: run, style: style).split(text, primary: primary).map {
            segment, font in fragment(segment, font.word(segment), font, size, run)
        }
    }

    private func fragment(_ text: String, _ word: ShapedWord, _ font: Font, _ size: Double, _ run: StyledRun) -> Fragment {
        let scale = size / font.unitsPerEm
        var glyphs = Glyphs.cached(word.glyphs), advance = word.advance
        if style.tracking != 0 {
            let tracked = Tracking.apply(style.tracking.value / scale, to: Array(word.glyphs))
            glyphs = .own(tracked)
            advance = tracked.reduce(0) { $0 + $1.advance }
        }
        return Fragment(text: text, font: font, size: size, color: style.color, link: run.link, glyphs: glyphs,
                        width: advance * scale, inkTop: word.inkTop, inkBottom: word.inkBottom)
    }

    /// A break inside a URL that leaves the line ragged rather than stretching its spaces:
    /// glue that stretches only when the line ends here, the penalty, and glue that cancels the
    /// stretch when it does not (Knuth & Plass's construction for ragged breaks).
    private func urlBreak(_ run: StyledRun, penalty: Double, into list: inout ItemList) throws {
        var glue = try self.glue(run)
        glue.width = 0
        glue.shrink = 0
        glue.glyph = nil
        glue.breakable = false
        glue.stretch = style.size.value * 3
        var cancel = glue
        cancel.stretch = -glue.stretch
        list.glue(glue)
        list.penalty(penalty)
        list.glue(cancel)
    }

    private func glue(_ run: StyledRun) throws -> Glue {
        let key = Looks.index(run)
        var glue: Glue
        if let space = looks.spaces[key] {
            glue = space
        } else {
            let font = try face(for: run)
            let size = self.size(for: run)
            let space = font.shape(" ").first
            let width = (space?.advance ?? font.unitsPerEm / 4) * size / font.unitsPerEm
            glue = Glue(width: width, stretch: width * layout.spaceStretch, shrink: width * layout.spaceShrink, breakable: true,
                        font: font, size: size, color: style.color, link: nil, glyph: space)
            looks.spaces[key] = glue
        }
        glue.link = run.link
        return glue
    }
}

/// Letter-spacing between grapheme clusters only, never between a letter and its marks:
/// the extra advance goes on the last glyph of each cluster but the word's last.
enum Tracking {
    static func apply(_ units: Double, to glyphs: [ShapedGlyph]) -> [ShapedGlyph] {
        var out = glyphs
        for i in out.indices.dropLast() where out[i + 1].cluster != out[i].cluster {
            out[i].advance += units
        }
        return out
    }
}
