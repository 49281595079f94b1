import Diagnostics
import Model
import Pages
import Typesetting

/// Pours flowables into the columns of successive pages, starting below an opener.
///
/// - Paragraphs keep at least two lines together at the foot and at the head of a column (no
///   orphans, no widows); headings stay with the lines that follow them.
/// - A figure goes where it is met if the column is still empty, else to the column's foot if it
///   fits there, else to the top of the next column; a wide figure likewise spans the page's
///   top or foot. Text flows around them; a figure never parts from its caption.
/// - `balance()` evens out the columns of the last page.
struct ColumnFlow {
    let geometry: PageGeometry
    private(set) var pages: [LaidPage]
    private(set) var column = 0
    private var y: Pt
    /// The top of the columns on this page (below the opener and any wide figure at the top).
    private var top: Pt
    /// Where the current column's text starts (below figures placed at its top).
    private var columnStart: Pt
    /// Height taken at the foot of the current column by figures, and at the page's foot by wide ones.
    private var reserved: Pt = 0
    private var pageReserved: Pt = 0
    /// A lower foot for the columns of this page, while balancing.
    private var limit: Pt?
    private var queue: [FigureBox] = []
    /// The footnotes of the current column, set at its foot when it is closed, and the height
    /// they take there (with the space and rule above them).
    private var notes: [[SetLine]] = []
    private var notesHeight: Pt = 0
    /// The header rows of the table being poured, set again at the head of each column it
    /// continues into.
    private var tableHeader: [RowBox] = []
    /// Whether the table being poured is short enough never to be split.
    private var shortTable = false
    private var wideQueue: [FigureBox] = []
    private var ink = InkGuard()
    /// The paragraph line before which the current paragraph moves on to the next column.
    private var splitBefore: Int?
    /// The state when the last page began, and the index of the flowable then being placed.
    private var pageStart: PageStart?
    /// The lowest content on the last page, for an article that follows on the same page.
    private(set) var lowest: Pt
    /// Figures too tall for any column, reported by the paginator.
    private(set) var oversized: [FigureBox] = []
    /// Set when a paragraph had to leave a single line in a column (a column too short):
    /// acceptable in a full column, not in a balancing trial.
    private var brokeRule = false
    /// False in balancing trials: where the foot can go is decided by heights alone, so a trial
    /// draws nothing and records no flow; only the foot chosen is then poured for real.
    private var drawing = true

    final class PageStart {
        let flow: ColumnFlow
        let index: Int
        init(_ flow: ColumnFlow, _ index: Int) {
            self.flow = flow
            self.index = index
        }
    }

    /// The article being poured and its section: what the running heads of the pages it
    /// continues onto name. The opening page may belong to an article before it (run-on).
    let articleTitle: String?
    let sectionTitle: String?

    init(opening page: LaidPage, startingAt y: Pt, geometry: PageGeometry, article: String? = nil, section: String? = nil) {
        self.geometry = geometry
        self.pages = [page]
        self.articleTitle = article ?? page.articleTitle
        self.sectionTitle = section ?? page.sectionTitle
        self.y = y
        self.top = y
        self.columnStart = y
        self.lowest = y
    }

    private var number: Int { pages[pages.count - 1].number }
    private var frame: Rect { geometry.frame(page: number) }
    private var pageBottom: Pt { min(frame.maxY - pageReserved, limit ?? .init(.infinity)) }
    private var bottom: Pt { pageBottom - reserved - notesHeight }
    private var columnX: Pt { geometry.columnX(column, page: number) }
    private var atColumnTop: Bool { y <= columnStart }

    // MARK: Placing

    mutating func place(_ flowables: [Flowable], from start: Int = 0) {
        if pageStart == nil { pageStart = PageStart(self, start) }
        var i = start
        while i < flowables.count {
            switch flowables[i] {
            case .space(let h):
                if !atColumnTop {
                    if y + h > bottom { nextColumn(at: i) } else { y = y + h }
                }
            case .line(let box):
                placeLine(box, flowables, i)
            case .row(let row):
                placeRow(row, flowables, i)
            case .figure(let box):
                if box.height > frame.height { oversized.append(box) }
                if box.wide && geometry.layout.columns > 1 { placeWide(box, at: i) } else { placeInColumn(box, at: i) }
            }
            i += 1
        }
    }

    /// Places what is still waiting: column figures in the next columns, wide ones on a new page.
    mutating func finish() {
        while !queue.isEmpty { nextColumn(at: Int.max) }
        if !wideQueue.isEmpty {
            column = geometry.layout.columns - 1
            nextColumn(at: Int.max)
        }
    }

    private mutating func placeLine(_ box: LineBox, _ flowables: [Flowable], _ i: Int) {
        if box.keepWithNext {
            if y + keptHeight(flowables, from: i) > bottom + 0.01, !atColumnTop { nextColumn(at: i) }
        } else if let split = splitBefore, box.index == split {
            splitBefore = nil
            nextColumn(at: i)
            planSplit(box, flowables, i)
        } else if box.count > 1, box.index == 0 || (atColumnTop && splitBefore == nil) {
            // A paragraph's start, or its continuation at the head of a column (as a balancing
            // trial resumes it): decide how many of its lines stay in this column.
            splitBefore = nil
            planSplit(box, flowables, i)
        }
        if !fits(box.line, notes: box.notes), !atColumnTop { nextColumn(at: i) }
        draw(box)
        if !box.notes.isEmpty { addNotes(box.notes) }
    }

    /// A table row: never split; a header row stays with the row after it; a body row that goes
    /// on into a new column takes the table's header rows with it.
    private mutating func placeRow(_ row: RowBox, _ flowables: [Flowable], _ i: Int) {
        if row.first {
            tableHeader = []
            // A short table (a third of a column or less) is never split.
            let whole = tableHeights(flowables, from: i).whole
            shortTable = whole <= frame.height / 3
            if shortTable, y + whole > bottom + 0.01, !atColumnTop { nextColumn(at: i) }
        }
        if row.header {
            tableHeader.append(row)
            let next = i + 1 < flowables.count ? flowables[i + 1].height : 0
            if y + row.height + next > bottom + 0.01, !atColumnTop { nextColumn(at: i) }
            drawRow(row)
        } else {
            // A row at a column's head — moved here, or where a balancing trial resumes — comes
            // under the table's header.
            let moved = y + row.height > bottom + 0.01 && !atColumnTop
            if moved {
                // Splitting a short table is a fault a balancing trial must not choose.
                if shortTable { brokeRule = true }
                nextColumn(at: i)
            }
            if moved || (atColumnTop && !row.first) {
                for header in tableHeader {
                    var repeated = header
                    repeated.rules.insert(.above)
                    drawRow(repeated)
                }
            }
            drawRow(row)
        }
        if row.last { tableHeader = [] }
    }

    /// The height of the table whose first row is at `i`: whole, and its header rows with the
    /// first body row (what must go together).
    private func tableHeights(_ flowables: [Flowable], from i: Int) -> (whole: Pt, head: Pt) {
        var whole: Pt = 0, head: Pt = 0, body = 0
        for f in flowables[i...] {
            guard case .row(let r) = f else { break }
            whole = whole + r.height
            if body == 0 { head = head + r.height }
            if !r.header { body += 1 }
            if r.last { break }
        }
        return (whole, head)
    }

    private mutating func drawRow(_ row: RowBox) {
        let top = y
        if drawing {
            let x = columnX
            if row.rules.contains(.above) {
                append(.rule(from: Point(x: x, y: top), to: Point(x: x + row.width, y: top), width: RowBox.heavyRule, color: row.ruleColor))
            }
            drawCells(row, x: x, top: top)
            if row.rules.contains(.below) {
                let foot = top + row.height
                append(.rule(from: Point(x: x, y: foot), to: Point(x: x + row.width, y: foot),
                             width: row.last ? RowBox.heavyRule : RowBox.lightRule, color: row.ruleColor))
            }
        }
        y = top + row.height
        mark(.line, row.source, 0, 1, top, y)
    }

    private mutating func drawCells(_ row: RowBox, x: Pt, top: Pt) {
        for cell in row.cells {
            var ly = top + RowBox.padding
            for line in cell.lines {
                let baseline = ly + ColumnFlow.baselineOffset(line)
                for run in line.runs { append(.text(run, origin: Point(x: x + cell.x + run.x, y: baseline))) }
                ly = ly + line.leading
            }
        }
    }

    /// Footnotes met in this column: they take room at its foot from now on.
    private mutating func addNotes(_ added: [[SetLine]]) {
        if notes.isEmpty { notesHeight = ColumnFlow.notesSeparation }
        notes += added
        notesHeight = notesHeight + ColumnFlow.height(of: added)
    }

    /// The space above a column's footnotes, with a short rule in it.
    static let notesSeparation: Pt = .mm(4)

    static func height(of notes: [[SetLine]]) -> Pt {
        notes.joined().reduce(0) { $0 + $1.leading }
    }

    /// Sets the column's footnotes at its foot, above any figures placed there; the next
    /// column starts without.
    mutating func closeColumn() {
        guard !notes.isEmpty else { return }
        let top = pageBottom - reserved - notesHeight
        append(.rule(from: Point(x: columnX, y: top + ColumnFlow.notesSeparation * 0.45),
                     to: Point(x: columnX + min(geometry.columnWidth * 0.3, .mm(25)), y: top + ColumnFlow.notesSeparation * 0.45),
                     width: 0.4, color: .black))
        var y = top + ColumnFlow.notesSeparation
        for line in notes.joined() {
            let baseline = y + ColumnFlow.baselineOffset(line)
            if drawing { for run in line.runs { append(.text(run, origin: Point(x: columnX + run.x, y: baseline))) } }
            y = y + line.leading
        }
        lowest = max(lowest, y)
        notes = []
        notesHeight = 0
    }

    /// Decides, at a paragraph's first line in a column, how many of its lines stay here: all,
    /// or a number that leaves at least two lines on each side of the break.
    private mutating func planSplit(_ box: LineBox, _ flowables: [Flowable], _ i: Int) {
        var moved = false
        while true {
            let remaining = box.count - box.index
            let fitting = capacity(flowables, from: i, lines: remaining)
            if fitting >= remaining { return }
            let keep = min(fitting, remaining - 2)
            if keep >= 2 {
                splitBefore = box.index + keep
                return
            }
            if atColumnTop || moved {
                // A column too short for two lines: set what fits and go on.
                brokeRule = true
                splitBefore = box.index + max(fitting, 1)
                return
            }
            nextColumn(at: i)
            moved = true
        }
    }

    /// How many lines of the paragraph starting at `i` fit from here in this column.
    /// A line that refers to footnotes brings them to this column's foot, which rises as it comes.
    private func capacity(_ flowables: [Flowable], from i: Int, lines: Int) -> Int {
        var y = self.y
        var foot = bottom
        var hasNotes = !notes.isEmpty
        var n = 0
        while n < lines, i + n < flowables.count, case .line(let box) = flowables[i + n] {
            if !box.notes.isEmpty {
                foot = foot - ColumnFlow.height(of: box.notes) - (hasNotes ? 0 : ColumnFlow.notesSeparation)
                hasNotes = true
            }
            y = y + box.line.leading
            if y > foot + 0.01 { break }
            n += 1
        }
        return n
    }

    /// A heading's lines plus the start of the paragraph after it: its first two lines, or all
    /// of it when it has three or fewer (which cannot be split).
    private func keptHeight(_ flowables: [Flowable], from start: Int) -> Pt {
        var height: Pt = 0
        var following = 0
        var needed = Int.max
        for (j, f) in flowables[start...].enumerated() {
            if case .figure = f { break }
            if case .row = f {
                // A table's caption stays with its header and first row, or with all of a short table.
                let table = tableHeights(flowables, from: start + j)
                height = height + (table.whole <= frame.height / 3 ? table.whole : table.head)
                break
            }
            if case .line(let box) = f, !box.keepWithNext {
                if needed == .max { needed = box.count - box.index <= 3 ? box.count - box.index : 2 }
                following += 1
            }
            height = height + f.height
            if following >= needed { break }
        }
        return height
    }

    /// Whether the line fits, with the footnotes it brings to this column's foot.
    private func fits(_ line: SetLine, notes added: [[SetLine]] = []) -> Bool {
        var foot = bottom
        if !added.isEmpty {
            foot = foot - ColumnFlow.height(of: added) - (notes.isEmpty ? ColumnFlow.notesSeparation : 0)
        }
        return y + line.leading <= foot + 0.01 && y + ColumnFlow.baselineOffset(line) + line.inkDescent <= foot
    }

    private mutating func placeInColumn(_ box: FigureBox, at i: Int) {
        if atColumnTop, queue.isEmpty {
            drawFigure(box, x: columnX + (geometry.columnWidth - box.imageSize.width) / 2, at: y)
            y = y + box.height
            columnStart = y
        } else if queue.isEmpty, y + box.height <= bottom {
            // The foot of this column, with its bottom space turned into space above it; the
            // column's footnotes go above the figures at its foot.
            let at = pageBottom - reserved - box.height + box.spaceBelow
            drawFigure(box, x: columnX + (geometry.columnWidth - box.imageSize.width) / 2, at: at)
            reserved = reserved + box.height
        } else {
            queue.append(box)
        }
    }

    private mutating func placeWide(_ box: FigureBox, at i: Int) {
        if column == 0, atColumnTop, wideQueue.isEmpty {
            drawFigure(box, x: frame.x + (frame.width - box.imageSize.width) / 2, at: y)
            y = y + box.height
            top = y
            columnStart = y
        } else if column == 0, wideQueue.isEmpty, y + box.height <= bottom {
            let at = pageBottom - box.height + box.spaceBelow
            drawFigure(box, x: frame.x + (frame.width - box.imageSize.width) / 2, at: at)
            pageReserved = pageReserved + box.height
        } else {
            wideQueue.append(box)
        }
    }

    private mutating func nextColumn(at index: Int) {
        closeColumn()
        column += 1
        reserved = 0
        if column == geometry.layout.columns {
            column = 0
            var page = LaidPage(geometry.blankPage(number + 1, kind: .article))
            page.articleTitle = articleTitle
            page.sectionTitle = sectionTitle
            pages.append(page)
            top = frame.y
            pageReserved = 0
            limit = nil
            lowest = top
            y = top
            columnStart = top
            ink = InkGuard()
            if index != Int.max { pageStart = PageStart(self, index) }
            while !wideQueue.isEmpty {
                let box = wideQueue.removeFirst()
                drawFigure(box, x: frame.x + (frame.width - box.imageSize.width) / 2, at: y)
                y = y + box.height
                top = y
            }
        }
        y = top
        columnStart = top
        ink = InkGuard()
        while let box = queue.first, atColumnTop || y + box.height <= bottom {
            queue.removeFirst()
            drawFigure(box, x: columnX + (geometry.columnWidth - box.imageSize.width) / 2, at: y)
            y = y + box.height
            columnStart = y
        }
    }

    // MARK: Balancing

    /// Evens out the columns of the last page: the lowest foot at which everything that went
    /// onto that page still fits on it, found by bisection.
    mutating func balance(_ flowables: [Flowable]) {
        guard geometry.layout.columns > 1, let start = pageStart, queue.isEmpty, wideQueue.isEmpty else { return }
        let base = start.flow
        func trial(_ foot: Pt, drawing: Bool) -> ColumnFlow? {
            var flow = base
            flow.limit = foot
            flow.drawing = drawing
            flow.place(flowables, from: start.index)
            flow.finish()
            return flow.pages.count == base.pages.count && flow.oversized.count == oversized.count && !flow.brokeRule ? flow : nil
        }
        var low = base.y, high = base.pageBottom
        var best: Pt?
        for _ in 0..<14 {
            let mid = (low + high) * 0.5
            if trial(mid, drawing: false) != nil {
                best = mid
                high = mid
            } else {
                low = mid
            }
        }
        if let best, let flow = trial(best, drawing: true) { self = flow }
    }

    // MARK: Drawing

    private mutating func append(_ item: PageItem) {
        guard drawing else { return }
        pages[pages.count - 1].page.items.append(item)
    }

    private mutating func mark(_ kind: FlowRecord.Kind, _ source: SourceRange?, _ index: Int, _ count: Int, _ from: Pt, _ to: Pt) {
        lowest = max(lowest, to)
        guard drawing else { return }
        pages[pages.count - 1].flow.append(FlowRecord(column: column, kind: kind, source: source, index: index, count: count,
                                                      top: from, bottom: to))
    }

    private mutating func draw(_ box: LineBox) {
        let line = box.line
        var baseline = ink.baseline(for: line, at: y, top: columnStart)
        if let grid = geometry.layout.baselineGrid, grid.value > 0 {
            let origin = frame.y
            baseline = origin + grid * ((baseline - origin) / grid - 1e-6).rounded(.up)
        }
        let lineTop = baseline - ColumnFlow.baselineOffset(line)
        ink.set(line, baseline: baseline)
        if drawing {
            let x = columnX + box.indent
            if let initial = box.initial, let run = initial.runs.first {
                // Before the line's own text, so the text reads back as one word ("N" + "ăm").
                append(.text(run, origin: Point(x: x, y: baseline + box.initialDrop)))
            }
            let color = line.runs.first?.color ?? .black
            if box.rules.contains(.above) {
                let at = lineTop - ColumnFlow.ruleGap
                append(.rule(from: Point(x: x, y: at), to: Point(x: x + line.width, y: at), width: ColumnFlow.styleRule, color: color))
            }
            if box.rules.contains(.below) {
                let at = lineTop + line.leading + ColumnFlow.ruleGap
                append(.rule(from: Point(x: x, y: at), to: Point(x: x + line.width, y: at), width: ColumnFlow.styleRule, color: color))
            }
            for run in line.runs {
                append(.text(run, origin: Point(x: x + run.x, y: baseline)))
            }
            if let marker = box.marker, let run = marker.runs.first {
                append(.text(run, origin: Point(x: x - run.width - .mm(1.5), y: baseline)))
            }
        }
        y = lineTop + line.leading
        mark(box.keepWithNext ? .heading : .line, box.source, box.index, box.count, lineTop, y)
    }

    private mutating func drawFigure(_ box: FigureBox, x: Pt, at top: Pt) {
        var y = top
        if let rows = box.table {
            // A table's caption goes above it.
            y = ColumnFlow.drawLines(box.caption, x: x, y: y) { append($0) }
            y = y + FigureBox.gap
            for row in rows {
                if row.rules.contains(.above) {
                    append(.rule(from: Point(x: x, y: y), to: Point(x: x + row.width, y: y), width: RowBox.heavyRule, color: row.ruleColor))
                }
                if drawing { drawCells(row, x: x, top: y) }
                y = y + row.height
                if row.rules.contains(.below) {
                    append(.rule(from: Point(x: x, y: y), to: Point(x: x + row.width, y: y),
                                 width: row.last ? RowBox.heavyRule : RowBox.lightRule, color: row.ruleColor))
                }
            }
            mark(.figure, box.source, 0, 1, top, y)
            return
        }
        guard let image = box.image else { return }
        append(.image(image, frame: Rect(x: x, y: y, width: box.imageSize.width, height: box.imageSize.height), clip: nil))
        y = y + box.imageSize.height + FigureBox.gap
        var ink = InkGuard(bottom: y - FigureBox.gap)
        for line in box.caption {
            let baseline = ink.baseline(for: line, at: y, top: top)
            ink.set(line, baseline: baseline)
            for run in line.runs { append(.text(run, origin: Point(x: x + run.x, y: baseline))) }
            y = baseline - ColumnFlow.baselineOffset(line) + line.leading
        }
        mark(.figure, box.source, 0, 1, top, y)
    }

    /// A style's rules (a pull quote's): their weight, and their distance from the lines' boxes.
    static let styleRule: Pt = 0.75
    static let ruleGap: Pt = 3

    /// Centres the line's ink box in its leading: half the spare space above the ascent.
    static func baselineOffset(_ line: SetLine) -> Pt {
        let ink = line.ascent + line.descent
        return (line.leading - ink) / 2 + line.ascent
    }

    /// Draws lines across a frame from `y` down, for openers and furniture; returns the new y.
    /// The first line's ink stays below `y`, and no line's ink touches the one above.
    static func draw(_ lines: [SetLine], x: Pt, y: Pt, into page: inout Page) -> Pt {
        drawLines(lines, x: x, y: y) { page.items.append($0) }
    }

    static func drawLines(_ lines: [SetLine], x: Pt, y: Pt, _ append: (PageItem) -> Void) -> Pt {
        var y = y
        var ink = InkGuard()
        let top = y
        for line in lines {
            let baseline = ink.baseline(for: line, at: y, top: top)
            ink.set(line, baseline: baseline)
            for run in line.runs { append(.text(run, origin: Point(x: x + run.x, y: baseline))) }
            y = baseline - baselineOffset(line) + line.leading
        }
        return y
    }
}

/// Keeps lines' real ink apart: stacked capitals (Ẫ, Ỗ, Ẵ) reach above the fonts' ascender and
/// ỵ, ự below the descender, so at tight leading the baseline moves down just enough that the
/// ink stays `clearance` below the previous line's ink, or below the top of the frame.
struct InkGuard {
    static let clearance: Pt = 0.75
    /// The lowest ink so far in this frame, or nil at the frame's top.
    var bottom: Pt?

    func baseline(for line: SetLine, at y: Pt, top: Pt) -> Pt {
        let nominal = y + ColumnFlow.baselineOffset(line)
        guard line.inkAscent > 0 else { return nominal }
        let limit = bottom.map { $0 + InkGuard.clearance } ?? top
        return max(nominal, limit + line.inkAscent)
    }

    mutating func set(_ line: SetLine, baseline: Pt) {
        bottom = baseline + line.inkDescent
    }
}

extension Typesetter {
    /// Sets a plain text and draws it on a page from (x, y) down; returns the y below it.
    /// For openers, covers, contents and other furniture outside the column flow.
    func draw(_ text: String, style: TextStyle, width: Pt, x: Pt, y: Pt, on page: inout Page) throws -> Pt {
        ColumnFlow.draw(try set(text, style: style, width: width), x: x, y: y, into: &page)
    }
}
