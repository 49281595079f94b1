internal import CCairo
import Model

/// Crop marks: hairlines at each corner of the trim, outside the bleed (PRINT.md).
enum CropMarks {
    /// The marks start `offset` from the trim (outside the bleed) and run `length`, as PRINT.md asks.
    static let length: Pt = .mm(6)
    static func offset(bleed: Pt) -> Pt { max(.mm(3), bleed + .mm(1)) }
    /// Room the media grows by on every side beyond the trim to hold the marks.
    static func room(bleed: Pt) -> Pt { offset(bleed: bleed) + length + .mm(2) }

    static func draw(_ cr: OpaquePointer, trim t: Rect, bleed: Pt) {
        let offset = CropMarks.offset(bleed: bleed).value, length = CropMarks.length.value
        cairo_save(cr)
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_set_line_width(cr, 0.25)
        for (x, dx) in [(t.x.value, -1.0), (t.maxX.value, 1.0)] {
            for (y, dy) in [(t.y.value, -1.0), (t.maxY.value, 1.0)] {
                // Horizontal mark on the line of the trim's edge, vertical likewise.
                cairo_move_to(cr, x + dx * offset, y)
                cairo_line_to(cr, x + dx * (offset + length), y)
                cairo_move_to(cr, x, y + dy * offset)
                cairo_line_to(cr, x, y + dy * (offset + length))
            }
        }
        cairo_stroke(cr)
        cairo_restore(cr)
    }
}
