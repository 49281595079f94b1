import Model

/// Crop marks: hairlines at each corner of the trim, outside the bleed (PRINT.md). The
/// measures are `MarkGeometry`'s, which the layout's checks of a booklet sheet share.
enum CropMarks {
    static var length: Pt { MarkGeometry.length }
    static func offset(bleed: Pt) -> Pt { MarkGeometry.offset(bleed: bleed) }
    static func room(bleed: Pt) -> Pt { MarkGeometry.room(bleed: bleed) }
}
