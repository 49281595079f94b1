import Model
import Pages
import Typesetting

/// The pages at the end of an issue: what pads it to a multiple of four (a deliberate blank,
/// a notes page or the bulletin's own advertisement — never a silently missing page), and the
/// colophon with the editorial board and the imprint from `publication.yaml`.
struct BackMatter {
    let issue: Issue
    let layout: LayoutSpec
    let typesetter: Typesetter
    let geometry: PageGeometry

    /// The `n`th padding page (0-based): an advertisement appears once, the pages after it are for notes.
    func padding(_ number: Int, nth n: Int) throws -> Page {
        var page = geometry.blankPage(number, kind: .blank)
        let frame = geometry.frame(page: number)
        let words = layout.paddingPages
        switch layout.padding == .advert && n > 0 ? .notes : layout.padding {
        case .blank, .none:
            _ = try typesetter.draw(words.blankText, style: layout.style(.blankPage), width: frame.width, x: frame.x,
                                    y: frame.y + frame.height / 2, on: &page)
        case .notes:
            var y = try typesetter.draw(words.notesTitle, style: layout.style(.notesTitle), width: frame.width, x: frame.x,
                                        y: frame.y, on: &page)
            y = y + words.notesFirstLine
            while y < frame.maxY - words.notesBottom {
                page.items.append(.rule(from: Point(x: frame.x, y: y), to: Point(x: frame.maxX, y: y), width: words.notesRuleWidth,
                                        color: words.notesRuleColor))
                y = y + words.notesLineSpacing
            }
        case .advert:
            var y = frame.y + frame.height * words.advertTop
            page.items.append(.fill(Rect(x: frame.x, y: y - words.advertBarAbove, width: frame.width, height: words.advertBarHeight),
                                    .black))
            let fields = advertFields
            if let title = words.advertTitle.filling(fields) {
                y = try typesetter.draw(title, style: layout.style(.advertTitle), width: frame.width,
                                        x: frame.x, y: y + words.advertTitleAbove, on: &page) + words.advertTitleBelow
            }
            for line in words.advertLines.compactMap({ $0.filling(fields) }) {
                y = try typesetter.draw(line, style: layout.style(.advertText), width: frame.width, x: frame.x, y: y, on: &page)
                    + words.advertLineBelow
            }
        }
        return page
    }

    /// What the advertisement's templates may name; `{next}` is the next issue, as the layout names it.
    private var advertFields: [String: String?] {
        let (quarter, year) = issue.quarter == 4 ? (1, issue.year + 1) : (issue.quarter + 1, issue.year)
        let roman = ["I", "II", "III", "IV"]
        let next = layout.paddingPages.nextIssue.filling([
            "quarter": (1...4).contains(quarter) ? roman[quarter - 1] : String(quarter),
            "year": String(year), "number": String(issue.number + 1),
        ])
        return ["publication": issue.publication.title, "next": next, "contact": issue.publication.contact,
                "url": issue.publication.baseURL]
    }

    func colophon(_ number: Int) throws -> Page {
        var page = geometry.blankPage(number, kind: .colophon)
        let frame = geometry.frame(page: number)
        let p = issue.publication
        let words = layout.colophonPage
        let text = layout.style(.colophonText), heading = layout.style(.colophonHeading)
        // The imprint sits at the foot of the page, as in most bulletins.
        var lines: [(String, TextStyle)] = [(p.title, layout.style(.colophonTitle)), (issue.issueLine, text)]
        if !p.board.isEmpty {
            lines.append((words.board, heading))
            lines += p.board.map { ($0, text) }
        }
        lines.append((words.publisher, heading))
        lines.append((p.publisher, text))
        let imprint = [p.address, p.contact, p.issn.flatMap { words.issn.filling(["issn": $0]) }, p.license, p.printer,
                       words.date.filling(["date": issue.date.vietnameseLong])]
        lines += imprint.compactMap { $0 }.map { ($0, text) }
        let width = frame.width * words.width
        let sets = try lines.map { text, style in try typesetter.set(text, style: style, width: width) }
        let height = zip(sets, lines).reduce(Pt(0)) { sum, pair in
            sum + pair.0.reduce(Pt(0)) { $0 + $1.leading } + pair.1.1.spaceBefore
        }
        var y = frame.maxY - height - words.bottom
        page.items.append(.rule(from: Point(x: frame.x, y: y - words.ruleAbove), to: Point(x: frame.x + width, y: y - words.ruleAbove),
                                width: words.ruleWidth, color: .black))
        for (set, line) in zip(sets, lines) {
            y = ColumnFlow.draw(set, x: frame.x, y: y + line.1.spaceBefore, into: &page)
        }
        return page
    }
}
