import Model
import Pages

/// Turns a chosen line of items into a `SetLine`: computes the adjustment ratio, spreads it
/// over the glue (justified) or offsets the line (left, centre, right), and merges neighbouring
/// pieces of one face into glyph runs whose text covers every byte with a cluster.
struct LineSetter {
    let style: TextStyle

    func set(_ items: ArraySlice<Item>, measure: Double, indent: Double, isLast: Bool) -> SetLine {
        var natural = 0.0, stretch = 0.0, shrink = 0.0
        for item in items {
            switch item {
            case .word(_, let w): natural += w
            case .glue(let g):
                natural += g.width
                stretch += g.stretch
                shrink += g.shrink
            case .penalty: break
            }
        }
        let justify = style.align == .justify && !isLast
        var ratio = 0.0
        if natural > measure, shrink > 0 {
            ratio = max(-1, (measure - natural) / shrink)
        } else if justify, natural < measure, stretch > 0 {
            ratio = (measure - natural) / stretch
        }
        if !justify && ratio > 0 { ratio = 0 }
        var x = indent
        switch style.align {
        case .center: x += max(0, (measure - natural) / 2)
        case .right: x += max(0, measure - natural)
        default: break
        }

        var builder = RunBuilder()
        var ascent = 0.0, descent = 0.0, inkAscent = 0.0, inkDescent = 0.0
        for item in items {
            switch item {
            case .word(let fragments, _):
                for f in fragments {
                    builder.append(f.text, glyphs: f.glyphs, font: f.font, size: f.size, color: f.color, link: f.link, at: x)
                    x += f.width
                    ascent = max(ascent, f.font.ascender * f.size)
                    descent = max(descent, f.font.descender * f.size)
                    let scale = f.size / f.font.unitsPerEm
                    inkAscent = max(inkAscent, f.inkTop * scale)
                    inkDescent = max(inkDescent, f.inkBottom * scale)
                }
            case .glue(let g):
                let width = g.width + (ratio >= 0 ? ratio * g.stretch : ratio * g.shrink)
                if let glyph = g.glyph {
                    builder.append(" ", glyphs: [glyph], font: g.font, size: g.size, color: g.color, link: g.link, at: x,
                                   advance: width)
                }
                x += width
            case .penalty:
                break
            }
        }
        // A line without spaces (a piece of a URL) cannot be loose or tight: it is ragged.
        let hasSpaces = items.contains { if case .glue(let g) = $0 { g.glyph != nil } else { false } }
        var line = SetLine(width: Pt(measure), naturalWidth: Pt(natural), ratio: hasSpaces || ratio < 0 ? ratio : 0,
                           ascent: Pt(ascent), descent: Pt(descent), leading: style.leading, runs: builder.runs)
        line.inkAscent = Pt(inkAscent)
        line.inkDescent = Pt(inkDescent)
        return line
    }
}

/// Accumulates glyphs into runs, starting a new run when the face, size, colour or link changes.
private struct RunBuilder {
    var runs: [GlyphRun] = []

    mutating func append(_ text: String, glyphs: [ShapedGlyph], font: Font, size: Double, color: Color, link: String?,
                         at x: Double, advance: Double? = nil) {
        let face = FontFace(name: font.name, path: font.path)
        if runs.last.map({ $0.face != face || $0.size.value != size || $0.color != color || $0.link != link }) ?? true {
            runs.append(GlyphRun(face: face, size: Pt(size), color: color, x: Pt(x), glyphs: [], text: "", link: link, width: 0))
        }
        var run = runs.removeLast()
        let byteBase = run.text.utf8.count
        let scale = size / font.unitsPerEm
        var pen = x - run.x.value
        for g in glyphs {
            run.glyphs.append(PlacedGlyph(id: g.id, x: Pt(pen + g.xOffset * scale), y: Pt(g.yOffset * scale),
                                          cluster: byteBase + g.cluster))
            pen += advance ?? g.advance * scale
        }
        run.text += text
        run.width = Pt(pen)
        runs.append(run)
    }
}
