import Model

/// A piece of a word in one face (a word has several when a style changes inside it: `Vi**ệ**t`).
struct Fragment {
    var text: String
    var font: Font
    var size: Double
    var color: Color
    var link: String?
    var glyphs: [ShapedGlyph]
    /// Width in points.
    var width: Double
}

/// Inter-word glue (Knuth & Plass 1981): a natural width that may stretch or shrink.
struct Glue {
    var width: Double
    var stretch: Double
    var shrink: Double
    var font: Font
    var size: Double
    var color: Color
    var link: String?
    var glyph: ShapedGlyph?
}

enum Item {
    case word([Fragment], width: Double)
    case glue(Glue)
    case forcedBreak
}

/// Cuts styled runs into words at spaces and shapes each piece.
struct ParagraphItems {
    let fonts: FontLibrary
    let layout: LayoutSpec
    let style: TextStyle

    func items(_ runs: [StyledRun]) throws -> [Item] {
        var items: [Item] = []
        var word: [Fragment] = []
        var pendingGlue: Glue?

        func closeWord() {
            guard !word.isEmpty else { return }
            if let glue = pendingGlue, !items.isEmpty { items.append(.glue(glue)) }
            pendingGlue = nil
            items.append(.word(word, width: word.reduce(0) { $0 + $1.width }))
            word = []
        }

        for run in runs {
            if run.forcedBreak {
                closeWord()
                pendingGlue = nil
                items.append(.forcedBreak)
                continue
            }
            let font = try face(for: run)
            let size = run.code ? style.size.value * 0.88 : style.size.value
            var piece = ""
            func flushPiece() {
                guard !piece.isEmpty else { return }
                word.append(fragment(piece, font: font, size: size, link: run.link))
                piece = ""
            }
            for ch in run.text {
                if ch == " " || ch == "\n" || ch == "\t" {
                    flushPiece()
                    closeWord()
                    if pendingGlue == nil, items.last.map({ if case .word = $0 { true } else { false } }) == true {
                        pendingGlue = glue(font: font, size: size, link: run.link)
                    }
                } else {
                    piece.append(ch)
                }
            }
            flushPiece()
        }
        closeWord()
        return items
    }

    private func face(for run: StyledRun) throws -> Font {
        if run.code {
            let mono = TextStyle(family: "mono", bold: run.bold)
            return try fonts.font(for: mono, in: layout)
        }
        return try fonts.font(for: style, in: layout, bold: run.bold, italic: run.italic)
    }

    private func fragment(_ text: String, font: Font, size: Double, link: String?) -> Fragment {
        let glyphs = font.shape(text)
        let scale = size / font.unitsPerEm
        let width = glyphs.reduce(0) { $0 + $1.advance } * scale
        return Fragment(text: text, font: font, size: size, color: style.color, link: link, glyphs: glyphs, width: width)
    }

    private func glue(font: Font, size: Double, link: String?) -> Glue {
        let space = font.shape(" ").first
        let width = (space?.advance ?? font.unitsPerEm / 4) * size / font.unitsPerEm
        return Glue(width: width, stretch: width * 0.5, shrink: width / 3, font: font, size: size,
                    color: style.color, link: link, glyph: space)
    }
}
