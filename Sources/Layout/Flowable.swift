import Diagnostics
import Model
import Typesetting

/// What the column flow places, top to bottom.
enum Flowable {
    case line(LineBox)
    /// Vertical space; dropped at the top of a column.
    case space(Pt)
    /// An image with its caption lines, never split; floats to the top or bottom of a column
    /// (or, when wide, of the page).
    case figure(FigureBox)

    var height: Pt {
        switch self {
        case .line(let box): box.line.leading
        case .space(let h): h
        case .figure(let box): box.height
        }
    }
}

/// A set line with what the flow needs to know about it.
struct LineBox {
    var line: SetLine
    /// Shift right in the column (lists, quotes), with an optional list marker hanging left of it.
    var indent: Pt = 0
    var marker: SetLine?
    /// Headings: never left at a column's foot without the lines that follow.
    var keepWithNext = false
    /// The paragraph the line belongs to, for the quality report and the page dump.
    var source: SourceRange?
    /// Position in its paragraph, for widow and orphan control.
    var index = 0
    var count = 1
}

struct FigureBox {
    var image: ImageRef
    var imageSize: Size
    var caption: [SetLine]
    var spaceBelow: Pt
    /// Spans all columns (set at the frame's width).
    var wide: Bool
    var source: SourceRange?

    var height: Pt {
        caption.reduce(imageSize.height + FigureBox.gap) { $0 + $1.leading } + spaceBelow
    }

    static let gap: Pt = .mm(1.5)
}
