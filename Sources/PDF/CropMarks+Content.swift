import Model

extension CropMarks {
    /// The marks as content-stream operators, in the same place as `draw` puts them: 0.25 pt
    /// black (DeviceGray) hairlines at each corner of `t` (top-left coordinates on a page
    /// `height` tall), starting `markOffset` from the trim.
    static func operators(trim t: Rect, bleed: Pt, height: Pt) -> String {
        let offset = CropMarks.offset(bleed: bleed).value, length = CropMarks.length.value
        var out = PDFBytes(capacity: 512)
        out.append("q 0 G 0.25 w\n")
        for (x, dx) in [(t.x.value, -1.0), (t.maxX.value, 1.0)] {
            for (y, dy) in [(t.y.value, -1.0), (t.maxY.value, 1.0)] {
                let py = height.value - y
                out.number(x + dx * offset); out.number(py); out.append("m ")
                out.number(x + dx * (offset + length)); out.number(py); out.append("l ")
                out.number(x); out.number(py - dy * offset); out.append("m ")
                out.number(x); out.number(py - dy * (offset + length)); out.append("l\n")
            }
        }
        out.append("S Q\n")
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
