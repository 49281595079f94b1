import Diagnostics
import Foundation
import Model
import Pages
import Typesetting

/// An article's flowables in the cache's binary form. What depends on where the project lies
/// is not stored but put back when read: a font face is stored by its file name (its path is
/// the fonts folder's), a figure's image by its path in the issue (the article supplies it).
struct FlowableCoding {
    /// `fonts/`, where a face's file is.
    let fontsDirectory: URL
    /// The article's images by their path in the issue.
    let images: [String: ImageRef]

    func encode(_ flowables: [Flowable]) -> [UInt8] {
        var w = BinaryWriter()
        w.array(flowables) { w, f in
            switch f {
            case .line(let box):
                w.int(0)
                line(box, &w)
            case .space(let h):
                w.int(1)
                w.double(h.value)
            case .figure(let box):
                w.int(2)
                figure(box, &w)
            }
        }
        return w.bytes
    }

    func decode(_ bytes: [UInt8]) throws -> [Flowable] {
        var r = BinaryReader(bytes)
        let flowables = try r.array { r -> Flowable in
            switch try r.int() {
            case 0: return .line(try line(&r))
            case 1: return .space(Pt(try r.double()))
            case 2: return .figure(try figure(&r))
            default: throw BinaryReader.Damaged()
            }
        }
        guard r.atEnd else { throw BinaryReader.Damaged() }
        return flowables
    }

    // MARK: Lines

    private func line(_ box: LineBox, _ w: inout BinaryWriter) {
        setLine(box.line, &w)
        w.double(box.indent.value)
        w.optional(box.marker) { w, m in setLine(m, &w) }
        w.bool(box.keepWithNext)
        w.optional(box.source) { w, s in range(s, &w) }
        w.int(box.index)
        w.int(box.count)
    }

    private func line(_ r: inout BinaryReader) throws -> LineBox {
        let set = try setLine(&r)
        let indent = Pt(try r.double())
        let marker = try r.optional { r in try setLine(&r) }
        let keep = try r.bool()
        let source = try r.optional { r in try range(&r) }
        return LineBox(line: set, indent: indent, marker: marker, keepWithNext: keep, source: source,
                       index: try r.int(), count: try r.int())
    }

    private func setLine(_ l: SetLine, _ w: inout BinaryWriter) {
        for v in [l.width, l.naturalWidth] { w.double(v.value) }
        w.double(l.ratio)
        for v in [l.ascent, l.descent, l.inkAscent, l.inkDescent, l.leading] { w.double(v.value) }
        w.array(l.runs) { w, run in glyphRun(run, &w) }
    }

    private func setLine(_ r: inout BinaryReader) throws -> SetLine {
        let width = Pt(try r.double()), natural = Pt(try r.double()), ratio = try r.double()
        let ascent = Pt(try r.double()), descent = Pt(try r.double())
        let inkAscent = Pt(try r.double()), inkDescent = Pt(try r.double()), leading = Pt(try r.double())
        var line = SetLine(width: width, naturalWidth: natural, ratio: ratio, ascent: ascent, descent: descent,
                           leading: leading, runs: try r.array { r in try glyphRun(&r) })
        line.inkAscent = inkAscent
        line.inkDescent = inkDescent
        return line
    }

    private func glyphRun(_ run: GlyphRun, _ w: inout BinaryWriter) {
        w.string(run.face.name)
        w.double(run.size.value)
        color(run.color, &w)
        w.double(run.x.value)
        w.array(run.glyphs) { w, g in
            w.uint32(g.id)
            w.double(g.x.value)
            w.double(g.y.value)
            w.int(g.cluster)
        }
        w.string(run.text)
        w.optional(run.link) { w, l in w.string(l) }
        w.double(run.width.value)
    }

    private func glyphRun(_ r: inout BinaryReader) throws -> GlyphRun {
        let name = try r.string()
        let face = FontFace(name: name, path: fontsDirectory.appendingPathComponent(name).path)
        let size = Pt(try r.double()), color = try color(&r), x = Pt(try r.double())
        let glyphs = try r.array { r in
            PlacedGlyph(id: try r.uint32(), x: Pt(try r.double()), y: Pt(try r.double()), cluster: try r.int())
        }
        return GlyphRun(face: face, size: size, color: color, x: x, glyphs: glyphs, text: try r.string(),
                        link: try r.optional { r in try r.string() }, width: Pt(try r.double()))
    }

    // MARK: Figures

    private func figure(_ box: FigureBox, _ w: inout BinaryWriter) {
        w.string(box.image.issuePath)
        w.double(box.imageSize.width.value)
        w.double(box.imageSize.height.value)
        w.array(box.caption) { w, l in setLine(l, &w) }
        w.double(box.spaceBelow.value)
        w.bool(box.wide)
        w.optional(box.source) { w, s in range(s, &w) }
    }

    private func figure(_ r: inout BinaryReader) throws -> FigureBox {
        guard let image = images[try r.string()] else { throw BinaryReader.Damaged() }
        let size = Size(width: Pt(try r.double()), height: Pt(try r.double()))
        let caption = try r.array { r in try setLine(&r) }
        return FigureBox(image: image, imageSize: size, caption: caption, spaceBelow: Pt(try r.double()), wide: try r.bool(),
                         source: try r.optional { r in try range(&r) })
    }

    // MARK: Values

    private func color(_ c: Color, _ w: inout BinaryWriter) {
        for v in [c.red, c.green, c.blue] { w.double(v) }
    }

    private func color(_ r: inout BinaryReader) throws -> Color {
        Color(red: try r.double(), green: try r.double(), blue: try r.double())
    }

    private func range(_ s: SourceRange, _ w: inout BinaryWriter) {
        w.string(s.path)
        for v in [s.start.line, s.start.column, s.end.line, s.end.column] { w.int(v) }
    }

    private func range(_ r: inout BinaryReader) throws -> SourceRange {
        let path = try r.string()
        let start = SourceLocation(line: try r.int(), column: try r.int())
        return SourceRange(path: path, start: start, end: SourceLocation(line: try r.int(), column: try r.int()))
    }
}
