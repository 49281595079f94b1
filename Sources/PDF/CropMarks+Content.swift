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

/// The other marks a shop may ask for (`print: { marks: [registration, colour-bar, slug] }`),
/// outside the bleed, as content-stream operators on a page `height` tall around trim `t`:
/// - registration targets at the middle of each side: a circle and its cross in registration
///   colour, so the printer sees at a glance whether the plates fall on one another;
/// - a colour bar along the foot, left of the middle: solids of each process ink, their
///   overprints two and three at a time, and tints of black and of each ink, for the press's
///   densitometer and the eye;
/// (the slug line is text: the layout sets it, `Page.slug`, and the PDF draws it in registration colour).
enum PressMarks {
    /// The targets' radius and where their centres sit: past the crop marks' start, in the room the media has.
    static var radius: Pt { MarkGeometry.targetRadius }

    static func registrationTargets(trim t: Rect, bleed: Pt, height: Pt) -> String {
        let distance = (CropMarks.offset(bleed: bleed) + radius).value, r = radius.value
        let centres = [((t.x + t.width / 2.0).value, t.y.value - distance), ((t.x + t.width / 2.0).value, t.maxY.value + distance),
                       (t.x.value - distance, (t.y + t.height / 2.0).value), (t.maxX.value + distance, (t.y + t.height / 2.0).value)]
        var out = PDFBytes(capacity: 1024)
        out.append("q /Reg CS 1 SCN 0.25 w\n")
        // A circle from four Bézier quarters (κ = 0.5523), its cross reaching past it.
        let k = 0.5523 * r
        for (x, top) in centres {
            let y = height.value - top
            out.number(x + r); out.number(y); out.append("m ")
            for (c1, c2, end) in [((x + r, y + k), (x + k, y + r), (x, y + r)), ((x - k, y + r), (x - r, y + k), (x - r, y)),
                                  ((x - r, y - k), (x - k, y - r), (x, y - r)), ((x + k, y - r), (x + r, y - k), (x + r, y))] {
                for v in [c1.0, c1.1, c2.0, c2.1, end.0, end.1] { out.number(v) }
                out.append("c ")
            }
            out.number(x - r * 1.3); out.number(y); out.append("m "); out.number(x + r * 1.3); out.number(y); out.append("l ")
            out.number(x); out.number(y - r * 1.3); out.append("m "); out.number(x); out.number(y + r * 1.3); out.append("l\n")
        }
        out.append("S Q\n")
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// The bar's patches, left to right: C, M, Y, K; C+M, C+Y, M+Y, C+M+Y; K 75, 50, 25 %; C, M, Y 50 %.
    static let patches: [[Double]] = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1],
                                      [1, 1, 0, 0], [1, 0, 1, 0], [0, 1, 1, 0], [1, 1, 1, 0],
                                      [0, 0, 0, 0.75], [0, 0, 0, 0.5], [0, 0, 0, 0.25],
                                      [0.5, 0, 0, 0], [0, 0.5, 0, 0], [0, 0, 0.5, 0]]
    static let patch: Pt = .mm(3.5)

    /// The bar below the foot's bleed, from 12 mm inside the trim's left edge.
    static func colourBar(trim t: Rect, bleed: Pt, height: Pt) -> String {
        let top = t.maxY + bleed + .mm(1.5), side = patch.value
        var out = PDFBytes(capacity: 1024)
        out.append("q\n")
        for (i, inks) in patches.enumerated() {
            for v in inks { out.number(v, decimals: 2) }
            out.append("k ")
            out.number((t.x + .mm(12)).value + Double(i) * side)
            out.number(height.value - top.value - side)
            out.number(side)
            out.number(side)
            out.append("re f\n")
        }
        out.append("Q\n")
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
