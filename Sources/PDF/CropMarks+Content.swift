import Model

extension CropMarks {
    /// The registration colour: `/Separation /All`, which prints on every plate, its tint
    /// shown on screen as all four inks together. Named `/Reg` in the pages' resources.
    static let registration = "[/Separation /All /DeviceCMYK << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>]"

    /// The marks as content-stream operators, in the same place as `draw` puts them: 0.25 pt
    /// hairlines in registration colour (on every plate, so the shop trims each colour to the
    /// same lines) at each corner of `t` (top-left coordinates on a page `height` tall),
    /// starting `markOffset` from the trim.
    static func operators(trim t: Rect, bleed: Pt, height: Pt, length: Pt = CropMarks.length) -> String {
        let offset = CropMarks.offset(bleed: bleed).value, length = length.value
        var out = PDFBytes(capacity: 512)
        out.append("q /Reg CS 1 SCN 0.25 w\n")
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
