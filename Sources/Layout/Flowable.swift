import Model
import Typesetting

/// What the column flow places, top to bottom.
enum Flowable {
    /// A set line, shifted right by `indent` in its column, with an optional list marker
    /// hanging to its left. `keepWithNext` lines (headings) are not left at a column's foot.
    /// `source` is the paragraph the line belongs to, for the quality report.
    case line(SetLine, indent: Pt, marker: SetLine?, keepWithNext: Bool, source: SourceRange?)
    /// Vertical space; dropped at the top of a column.
    case space(Pt)
    /// An image with its caption lines, never split.
    case figure(FigureBox)
}

struct FigureBox {
    var image: ImageRef
    var imageSize: Size
    var caption: [SetLine]
    var spaceBelow: Pt

    var height: Pt {
        caption.reduce(imageSize.height + FigureBox.gap) { $0 + $1.leading } + spaceBelow
    }

    static let gap: Pt = .mm(1.5)
}

extension Flowable {
    var height: Pt {
        switch self {
        case .line(let line, _, _, _, _): line.leading
        case .space(let h): h
        case .figure(let box): box.height
        }
    }
}
