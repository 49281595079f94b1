internal import CCairo
import Imaging
import Model
import Pages

/// Draws one page's items on a cairo context: the PNG previews and the booklet's recorded pages
/// (print.pdf and screen.pdf are written by `DocumentWriter`, without cairo).
struct PageRenderer {
    let cr: OpaquePointer
    let resources: Resources

    func draw(_ page: Page) throws {
        for item in page.items {
            switch item {
            case .text(let run, let origin):
                try show(run, at: origin)
            case .image(let ref, let frame, let clip):
                try draw(ref, in: frame, clip: clip)
            case .rule(let from, let to, let width, let color):
                setColor(color)
                cairo_set_line_width(cr, width.value)
                cairo_move_to(cr, from.x.value, from.y.value)
                cairo_line_to(cr, to.x.value, to.y.value)
                cairo_stroke(cr)
            case .fill(let rect, let color):
                setColor(color)
                cairo_rectangle(cr, rect.x.value, rect.y.value, rect.width.value, rect.height.value)
                cairo_fill(cr)
            }
        }
    }

    /// Text is drawn with `cairo_show_text_glyphs` and the HarfBuzz cluster map, so the
    /// booklet's text layer gives back exactly the source text (see VIETNAMESE.md).
    private func show(_ run: GlyphRun, at origin: Point) throws {
        guard !run.glyphs.isEmpty else { return }
        cairo_set_font_face(cr, try resources.face(run.face))
        cairo_set_font_size(cr, run.size.value)
        setColor(run.color)
        var glyphs = run.glyphs.map {
            cairo_glyph_t(index: UInt($0.id), x: origin.x.value + $0.x.value, y: origin.y.value - $0.y.value)
        }
        let utf8 = Array(run.text.utf8)
        if var clusters = Clusters.map(run.glyphs.map(\.cluster), byteCount: utf8.count) {
            utf8.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { text in
                    cairo_show_text_glyphs(cr, text.baseAddress, Int32(text.count), &glyphs, Int32(glyphs.count),
                                           &clusters, Int32(clusters.count), cairo_text_cluster_flags_t(rawValue: 0))
                }
            }
        } else {
            cairo_show_glyphs(cr, &glyphs, Int32(glyphs.count))
        }
    }

    private func draw(_ ref: ImageRef, in frame: Rect, clip: Rect?) throws {
        let surface = try resources.image(ref)
        cairo_save(cr)
        if let clip {
            cairo_rectangle(cr, clip.x.value, clip.y.value, clip.width.value, clip.height.value)
            cairo_clip(cr)
        }
        cairo_translate(cr, frame.x.value, frame.y.value)
        cairo_scale(cr, frame.width.value / Double(ref.pixelWidth), frame.height.value / Double(ref.pixelHeight))
        if ref.orientation != 1 { ImageVariants.turn(cr, by: ref.orientationMatrix) }
        cairo_set_source_surface(cr, surface, 0, 0)
        cairo_paint(cr)
        cairo_restore(cr)
    }

    private func setColor(_ c: Color) {
        cairo_set_source_rgb(cr, c.red, c.green, c.blue)
    }
}

/// Turns per-glyph cluster offsets (HarfBuzz, monotone, LTR) into cairo's cluster list:
/// each entry says how many bytes of text map to how many glyphs.
enum Clusters {
    static func map(_ offsets: [Int], byteCount: Int) -> [cairo_text_cluster_t]? {
        guard offsets.first == 0 else { return nil }
        var out: [cairo_text_cluster_t] = []
        var i = 0
        while i < offsets.count {
            var j = i
            while j < offsets.count, offsets[j] == offsets[i] { j += 1 }
            let next = j < offsets.count ? offsets[j] : byteCount
            guard next > offsets[i] else { return nil }
            out.append(cairo_text_cluster_t(num_bytes: Int32(next - offsets[i]), num_glyphs: Int32(j - i)))
            i = j
        }
        return out
    }
}
