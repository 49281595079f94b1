import Model

/// A piece of a word in one face (a word has several when a style changes inside it: `Vi**ệ**t`).
struct Fragment {
    var text: String
    var font: Font
    var size: Double
    var color: Color
    var link: String?
    var glyphs: [ShapedGlyph]
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
    var font: Font
    var size: Double
    var color: Color
    var link: String?
    var glyph: ShapedGlyph?
}

/// The items of Knuth & Plass's model: boxes (here whole words), glue, and penalties.
enum Item {
    case word([Fragment], width: Double)
    case glue(Glue)
    /// A break opportunity of zero width costing `cost`; `-infinity` forces a break.
    case penalty(Double)

    static let forcedBreak = Item.penalty(-.infinity)
    /// Inside a URL, after "/" or ".": allowed, but not loved.
    static let urlBreak = Item.penalty(50)

    var isWord: Bool { if case .word = self { true } else { false } }
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
        struct Key: Hashable {
            var bold: Bool
            var italic: Bool
            var code: Bool
            init(_ run: StyledRun) { (bold, italic, code) = (run.bold, run.italic, run.code) }
        }
        var faces: [Key: Font] = [:]
        var spaces: [Key: Glue] = [:]
    }

    /// A word before shaping: its pieces (one per style run it spans) and its text.
    private struct Pending {
        var pieces: [(text: String, run: StyledRun)] = []
        var text = ""

        mutating func add(_ piece: Substring, _ run: StyledRun) {
            pieces.append((String(piece), run))
            text += piece
        }
    }

    private enum Token {
        case word(Pending)
        case space(StyledRun)
        case forcedBreak
    }

    func items(_ runs: [StyledRun]) throws -> [Item] {
        let tokens = tokenize(runs)
        var items: [Item] = []
        for (i, token) in tokens.enumerated() {
            switch token {
            case .word(let word):
                try append(word, to: &items)
            case .space(let run):
                // Glue only between two words; a forced break or the paragraph's edge drops it.
                guard i > 0, i + 1 < tokens.count, case .word(let before) = tokens[i - 1],
                      case .word(let after) = tokens[i + 1] else { continue }
                var glue = try self.glue(run)
                glue.breakable = VietnameseBreaks.allowsBreak(between: before.text, and: after.text)
                items.append(.glue(glue))
            case .forcedBreak:
                items.append(.forcedBreak)
            }
        }
        return items
    }

    /// Words, single spaces and forced breaks, in order.
    private func tokenize(_ runs: [StyledRun]) -> [Token] {
        var tokens: [Token] = []
        var word = Pending()
        func closeWord() {
            if !word.pieces.isEmpty { tokens.append(.word(word)) }
            word = Pending()
        }
        for run in runs {
            if run.forcedBreak {
                closeWord()
                tokens.append(.forcedBreak)
                continue
            }
            // Spaces are ASCII, so the text is cut on its UTF-8 bytes (no grapheme breaking needed).
            let text = run.text
            var pieceStart = text.utf8.startIndex
            var i = pieceStart
            while i < text.utf8.endIndex {
                let byte = text.utf8[i]
                if byte == 0x20 || byte == 0x0A || byte == 0x09 {
                    if pieceStart < i { word.add(text[pieceStart..<i], run) }
                    closeWord()
                    if let last = tokens.last, case .space = last {} else { tokens.append(.space(run)) }
                    pieceStart = text.utf8.index(after: i)
                }
                i = text.utf8.index(after: i)
            }
            if pieceStart < text.utf8.endIndex { word.add(text[pieceStart...], run) }
        }
        closeWord()
        return tokens
    }

    /// A word as one box, or — a URL — as boxes with break opportunities after "/" and ".".
    private func append(_ word: Pending, to items: inout [Item]) throws {
        let cuts = VietnameseBreaks.urlBreakOffsets(word.text)
        if cuts.isEmpty {
            let fragments = try word.pieces.flatMap { try shape($0.text, $0.run) }
            items.append(.word(fragments, width: fragments.reduce(0) { $0 + $1.width }))
            return
        }
        var fragments: [Fragment] = []
        var offset = 0
        for (text, run) in word.pieces {
            // Split this piece where the URL may break, so each side is its own box.
            var start = text.startIndex
            let end = offset + text.count
            for cut in cuts where cut > offset && cut < end {
                let index = text.index(text.startIndex, offsetBy: cut - offset)
                fragments += try shape(String(text[start..<index]), run)
                items.append(.word(fragments, width: fragments.reduce(0) { $0 + $1.width }))
                items += try urlBreak(run)
                fragments = []
                start = index
            }
            fragments += try shape(String(text[start...]), run)
            offset = end
        }
        if !fragments.isEmpty { items.append(.word(fragments, width: fragments.reduce(0) { $0 + $1.width })) }
    }

    private func face(for run: StyledRun) throws -> Font {
        let key = Looks.Key(run)
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
        var glyphs = word.glyphs, advance = word.advance
        if style.tracking != 0 {
            glyphs = Tracking.apply(style.tracking.value / scale, to: glyphs)
            advance = glyphs.reduce(0) { $0 + $1.advance }
        }
        return Fragment(text: text, font: font, size: size, color: style.color, link: run.link, glyphs: glyphs,
                        width: advance * scale, inkTop: word.inkTop, inkBottom: word.inkBottom)
    }

    /// A break inside a URL that leaves the line ragged rather than stretching its spaces:
    /// glue that stretches only when the line ends here, the penalty, and glue that cancels the
    /// stretch when it does not (Knuth & Plass's construction for ragged breaks).
    private func urlBreak(_ run: StyledRun) throws -> [Item] {
        var glue = try self.glue(run)
        glue.width = 0
        glue.shrink = 0
        glue.glyph = nil
        glue.breakable = false
        glue.stretch = style.size.value * 3
        var cancel = glue
        cancel.stretch = -glue.stretch
        return [.glue(glue), .urlBreak, .glue(cancel)]
    }

    private func glue(_ run: StyledRun) throws -> Glue {
        let key = Looks.Key(run)
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
