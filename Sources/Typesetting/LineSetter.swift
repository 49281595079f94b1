import Model
import Pages

/// Turns a chosen line of items into a `SetLine`: computes the adjustment ratio, spreads it
/// over the glue (justified) or offsets the line (left, centre, right), and merges neighbouring
/// pieces of one face into glyph runs whose text covers every byte with a cluster.
struct LineSetter {
    let style: TextStyle

    func set(_ list: ItemList, _ range: Range<Int>, measure: Double, indent: Double, isLast: Bool) -> SetLine {
        var natural = 0.0, stretch = 0.0, shrink = 0.0
        for m in list.metrics[range] {
            switch m.kind {
            case .word: natural += m.width
            case .glue:
                natural += m.width
                stretch += m.stretch
                shrink += m.shrink
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
        var hasSpaces = false
        func place(_ f: Fragment) {
            builder.append(f.text, glyphs: f.glyphs, font: f.font, size: f.size, color: f.color, link: f.link, at: x)
            x += f.width
            ascent = max(ascent, f.font.ascender * f.size)
            descent = max(descent, f.font.descender * f.size)
            let scale = f.size / f.font.unitsPerEm
            inkAscent = max(inkAscent, f.inkTop * scale)
            inkDescent = max(inkDescent, f.inkBottom * scale)
        }
        for item in list.items[range] {
            switch item {
            case .word(let f): place(f)
            case .pieces(let fragments): for f in fragments { place(f) }
            case .glue(let g):
                let width = g.width + (ratio >= 0 ? ratio * g.stretch : ratio * g.shrink)
                if let glyph = g.glyph {
                    builder.append(" ", glyph: glyph, font: g.font, size: g.size, color: g.color, link: g.link, at: x, advance: width)
                    hasSpaces = true
                }
                x += width
            case .penalty:
                break
            }
        }
        // A line without spaces (a piece of a URL) cannot be loose or tight: it is ragged.
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
    /// The face of the last run: faces are compared by identity (a library opens each file once).
    private unowned(unsafe) var font: Font?

    /// Starts a run at `x` unless the last one has this look.
    private mutating func run(for font: Font, size: Double, color: Color, link: String?, at x: Double) {
        if let last = runs.last, self.font === font, last.size.value == size, last.color == color, last.link == link { return }
        runs.append(GlyphRun(face: font.pageFace, size: Pt(size), color: color, x: Pt(x), glyphs: [], text: "", link: link, width: 0))
        self.font = font
    }

    mutating func append(_ text: String, glyphs: Glyphs, font: Font, size: Double, color: Color, link: String?, at x: Double) {
        run(for: font, size: size, color: color, link: link, at: x)
        let scale = size / font.unitsPerEm
        var pen = x - runs[runs.count - 1].x.value
        glyphs.withBuffer { glyphs in
            for g in glyphs {
                place(g, at: pen, scale: scale)
                pen += g.advance * scale
            }
        }
        close(text, at: pen)
    }

    /// A space: one glyph whose advance is the glue's set width.
    mutating func append(_ text: String, glyph: ShapedGlyph, font: Font, size: Double, color: Color, link: String?,
                         at x: Double, advance: Double) {
        run(for: font, size: size, color: color, link: link, at: x)
        let pen = x - runs[runs.count - 1].x.value
        place(glyph, at: pen, scale: size / font.unitsPerEm)
        close(text, at: pen + advance)
    }

    /// Places a glyph of the text about to be added to the last run, its pen `pen` from the run's start.
    private mutating func place(_ g: ShapedGlyph, at pen: Double, scale: Double) {
        let i = runs.count - 1
        runs[i].glyphs.append(PlacedGlyph(id: g.id, x: Pt(pen + g.xOffset * scale), y: Pt(g.yOffset * scale),
                                          cluster: runs[i].text.utf8.count + g.cluster))
    }

    /// Adds the text of the glyphs just placed to the last run, which now ends at `pen`.
    private mutating func close(_ text: String, at pen: Double) {
        runs[runs.count - 1].text += text
        runs[runs.count - 1].width = Pt(pen)
    }
}
