import Model
import Pages

/// Where things go on a page of a layout: trim inside the bleed, margins mirrored on facing pages.
struct PageGeometry {
    let layout: LayoutSpec

    var mediaSize: Size {
        Size(width: layout.trim.width + layout.bleed * 2, height: layout.trim.height + layout.bleed * 2)
    }

    var trimBox: Rect {
        Rect(x: layout.bleed, y: layout.bleed, width: layout.trim.width, height: layout.trim.height)
    }

    /// The type area: inside the margins, the inside margin on the spine side.
    func frame(page number: Int) -> Rect {
        let m = layout.margins
        let left = number % 2 == 1 ? m.inside : m.outside
        return Rect(x: layout.bleed + left, y: layout.bleed + m.top,
                    width: layout.trim.width - m.inside - m.outside,
                    height: layout.trim.height - m.top - m.bottom)
    }

    var columnWidth: Pt {
        let frameWidth = layout.trim.width - layout.margins.inside - layout.margins.outside
        return (frameWidth - layout.gutter * Double(layout.columns - 1)) / Double(layout.columns)
    }

    func columnX(_ column: Int, page number: Int) -> Pt {
        frame(page: number).x + (columnWidth + layout.gutter) * Double(column)
    }

    func blankPage(_ number: Int, kind: Page.Kind) -> Page {
        Page(number: number, kind: kind, mediaSize: mediaSize, trimBox: trimBox, bleed: layout.bleed)
    }
}
