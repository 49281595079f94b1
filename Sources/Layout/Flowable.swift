import Diagnostics
import Model
import Typesetting

/// What the column flow places, top to bottom.
enum Flowable {
    case line(LineBox)
    /// Vertical space; dropped at the top of a column.
    case space(Pt)
    /// An image with its caption lines (or a table spanning the page), never split; floats to the
    /// top or bottom of a column (or, when wide, of the page).
    case figure(FigureBox)
    /// A table row at column width: never split; the header rows are set again at the head of
    /// each column a table continues into.
    case row(RowBox)

    var height: Pt {
        switch self {
        case .line(let box): box.line.leading
        case .space(let h): h
        case .figure(let box): box.height
        case .row(let row): row.height
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
    /// Rules above the line's top and below its foot (a pull quote's first and last lines).
    var rules: StyleRules = []
    /// A drop cap beside this line and the ones below it: its baseline is `initialDrop` below
    /// this line's.
    var initial: SetLine?
    var initialDrop: Pt = 0
    /// The footnotes this line refers to, set for the foot of its column.
    var notes: [[SetLine]] = []
}

struct FigureBox {
    /// The image, or nil for a table that spans the page (`table`).
    var image: ImageRef?
    var imageSize: Size
    var caption: [SetLine]
    var spaceBelow: Pt
    /// Spans all columns (set at the frame's width).
    var wide: Bool
    var source: SourceRange?
    /// A table set at the frame's width: its rows take `imageSize`, its caption goes above it.
    var table: [RowBox]? = nil

    var height: Pt {
        caption.reduce(imageSize.height + FigureBox.gap) { $0 + $1.leading } + spaceBelow
    }

    static let gap: Pt = .mm(1.5)
}

/// One row of a table: its cells' lines at their x in the table, the row's height, and which of
/// the table's rules it carries (`above`: the table's top rule, `below`: under the header or the
/// table's last row).
struct RowBox {
    struct Cell {
        var x: Pt
        var lines: [SetLine]
    }

    var cells: [Cell]
    var height: Pt
    /// The table's width (the rules' length).
    var width: Pt
    var header: Bool
    /// The first row of its table (its header rows start again here) and the last.
    var first: Bool
    var last: Bool
    var rules: StyleRules
    var ruleColor: Color
    var source: SourceRange?

    /// Space above a cell's text; the same below it.
    static let padding: Pt = 2
    static let heavyRule: Pt = 0.8
    static let lightRule: Pt = 0.4
}
