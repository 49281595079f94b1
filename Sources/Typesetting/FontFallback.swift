import Model

/// Splits text into segments by the face that draws them: the style's face where it has the
/// glyph, otherwise the first family of the layout's fallback list (same weight and slant) that has it.
struct FontFallback {
    let fonts: FontLibrary
    let layout: LayoutSpec
    let run: StyledRun
    let style: TextStyle

    func split(_ text: String, primary: Font) throws -> [(String, Font)] {
        // Fast path: the primary face has every character (almost always).
        if text.unicodeScalars.allSatisfy({ primary.covers($0) || $0.properties.generalCategory == .nonspacingMark }) {
            return [(text, primary)]
        }
        var out: [(String, Font)] = []
        for ch in text {
            let font = try face(for: ch, primary: primary)
            if let last = out.last, last.1 === font {
                out[out.count - 1].0.append(ch)
            } else {
                out.append((String(ch), font))
            }
        }
        return out
    }

    private func face(for ch: Character, primary: Font) throws -> Font {
        let scalars = ch.unicodeScalars
        if scalars.allSatisfy(primary.covers) { return primary }
        for family in layout.fallback where layout.fonts[family] != nil {
            var fallback = style
            fallback.family = family
            let font = try fonts.font(for: fallback, in: layout, bold: run.bold, italic: run.italic)
            if scalars.allSatisfy(font.covers) { return font }
        }
        return primary
    }
}
