import Model
import Typesetting

/// Pours flowables into the columns of successive pages, starting below an opener.
struct ColumnFlow {
    let geometry: PageGeometry
    private(set) var pages: [Page]
    private var column = 0
    private var y: Pt
    private var top: Pt
    /// The ink of the last line set in this column, so the next never touches it.
    private var ink = InkGuard()

    init(opening page: Page, startingAt y: Pt, geometry: PageGeometry) {
        self.geometry = geometry
        self.pages = [page]
        self.y = y
        self.top = y
    }

    private var bottom: Pt { geometry.frame(page: pages[pages.count - 1].number).maxY }
    private var columnX: Pt { geometry.columnX(column, page: pages[pages.count - 1].number) }
    private var atColumnTop: Bool { y <= top }

    mutating func place(_ flowables: [Flowable]) {
        for (i, f) in flowables.enumerated() {
            switch f {
            case .space(let h):
                if !atColumnTop {
                    if y + h > bottom { nextColumn() } else { y = y + h }
                }
            case .line(let line, let indent, let marker, let keep, _):
                let needed = keep ? keptHeight(flowables, from: i) : line.leading
                let inkBottom = y + ColumnFlow.baselineOffset(line) + line.inkDescent
                if y + needed > bottom + 0.01 || inkBottom > bottom, !atColumnTop { nextColumn() }
                draw(line, indent: indent, marker: marker)
            case .figure(let box):
                if y + box.height > bottom, !atColumnTop { nextColumn() }
                draw(box)
            }
        }
    }

    /// A heading's lines plus the two lines after it, so it is never left alone at a column's foot.
    private func keptHeight(_ flowables: [Flowable], from start: Int) -> Pt {
        var height: Pt = 0
        var following = 0
        for f in flowables[start...] {
            if case .line(_, _, _, let keep, _) = f, !keep { following += 1 }
            if case .figure = f { break }
            height = height + f.height
            if following == 2 { break }
        }
        return height
    }

    private mutating func nextColumn() {
        column += 1
        if column == geometry.layout.columns {
            column = 0
            let number = pages[pages.count - 1].number + 1
            var page = geometry.blankPage(number, kind: .article)
            page.articleTitle = pages[0].articleTitle
            page.sectionTitle = pages[0].sectionTitle
            pages.append(page)
            top = geometry.frame(page: number).y
        }
        y = top
        ink = InkGuard()
    }

    private mutating func append(_ item: PageItem) {
        pages[pages.count - 1].items.append(item)
    }

    private mutating func draw(_ line: SetLine, indent: Pt, marker: SetLine?) {
        var baseline = ink.baseline(for: line, at: y, top: top)
        if let grid = geometry.layout.baselineGrid, grid.value > 0 {
            let origin = geometry.frame(page: pages[pages.count - 1].number).y
            baseline = origin + grid * ((baseline - origin) / grid - 1e-6).rounded(.up)
        }
        y = baseline - ColumnFlow.baselineOffset(line)
        ink.set(line, baseline: baseline)
        let x = columnX + indent
        for run in line.runs {
            append(.text(run, origin: Point(x: x + run.x, y: baseline)))
        }
        if let marker, let run = marker.runs.first {
            append(.text(run, origin: Point(x: x - run.width - .mm(1.5), y: baseline)))
        }
        y = y + line.leading
    }

    private mutating func draw(_ box: FigureBox) {
        let x = columnX + (geometry.columnWidth - box.imageSize.width) / 2
        append(.image(box.image, frame: Rect(x: x, y: y, width: box.imageSize.width, height: box.imageSize.height), clip: nil))
        y = y + box.imageSize.height + FigureBox.gap
        ink = InkGuard(bottom: y - FigureBox.gap)
        for line in box.caption {
            let baseline = ink.baseline(for: line, at: y, top: top)
            ink.set(line, baseline: baseline)
            for run in line.runs { append(.text(run, origin: Point(x: x + run.x, y: baseline))) }
            y = baseline - ColumnFlow.baselineOffset(line) + line.leading
        }
        y = y + box.spaceBelow
    }

    /// Centres the line's ink box in its leading: half the spare space above the ascent.
    static func baselineOffset(_ line: SetLine) -> Pt {
        let ink = line.ascent + line.descent
        return (line.leading - ink) / 2 + line.ascent
    }

    /// Draws lines across a frame from `y` down, for openers and furniture; returns the new y.
    /// The first line's ink stays below `y`, and no line's ink touches the one above.
    static func draw(_ lines: [SetLine], x: Pt, y: Pt, into page: inout Page) -> Pt {
        var y = y
        var ink = InkGuard()
        let top = y
        for line in lines {
            let baseline = ink.baseline(for: line, at: y, top: top)
            ink.set(line, baseline: baseline)
            for run in line.runs { page.items.append(.text(run, origin: Point(x: x + run.x, y: baseline))) }
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
