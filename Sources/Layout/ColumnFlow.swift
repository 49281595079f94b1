import Model
import Typesetting

/// Pours flowables into the columns of successive pages, starting below an opener.
struct ColumnFlow {
    let geometry: PageGeometry
    private(set) var pages: [Page]
    private var column = 0
    private var y: Pt
    private var top: Pt

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
                if y + needed > bottom + 0.01, !atColumnTop { nextColumn() }
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
    }

    private mutating func append(_ item: PageItem) {
        pages[pages.count - 1].items.append(item)
    }

    private mutating func draw(_ line: SetLine, indent: Pt, marker: SetLine?) {
        let baseline = y + ColumnFlow.baselineOffset(line)
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
        for line in box.caption {
            let baseline = y + ColumnFlow.baselineOffset(line)
            for run in line.runs { append(.text(run, origin: Point(x: x + run.x, y: baseline))) }
            y = y + line.leading
        }
        y = y + box.spaceBelow
    }

    /// Centres the line's ink box in its leading: half the spare space above the ascent.
    static func baselineOffset(_ line: SetLine) -> Pt {
        let ink = line.ascent + line.descent
        return (line.leading - ink) / 2 + line.ascent
    }

    /// Draws lines across a frame from `y` down, for openers and furniture; returns the new y.
    static func draw(_ lines: [SetLine], x: Pt, y: Pt, into page: inout Page) -> Pt {
        var y = y
        for line in lines {
            let baseline = y + baselineOffset(line)
            for run in line.runs { page.items.append(.text(run, origin: Point(x: x + run.x, y: baseline))) }
            y = y + line.leading
        }
        return y
    }
}

extension Typesetter {
    /// Sets a plain text and draws it on a page from (x, y) down; returns the y below it.
    /// For openers, covers, contents and other furniture outside the column flow.
    func draw(_ text: String, style: TextStyle, width: Pt, x: Pt, y: Pt, on page: inout Page) throws -> Pt {
        ColumnFlow.draw(try set(text, style: style, width: width), x: x, y: y, into: &page)
    }
}
