import Model
import Typesetting

/// "Mục lục": sections, article titles, authors and the page each article really starts on
/// (known only after the articles are paginated, so this page is set last).
struct ContentsPage {
    let issue: Issue
    let layout: LayoutSpec
    let typesetter: Typesetter
    let geometry: PageGeometry

    func page(number: Int, starts: [String: Int]) throws -> Page {
        var page = geometry.blankPage(number, kind: .contents)
        let frame = geometry.frame(page: number)
        var y = frame.y
        y = ColumnFlow.draw(try set("Mục lục", layout.style("title"), frame.width), x: frame.x, y: y, into: &page) + .mm(2)
        y = ColumnFlow.draw(try set(issue.issueLine, layout.style("subtitle"), frame.width), x: frame.x, y: y, into: &page)
        y = y + .mm(6)
        let numberWidth = Pt.mm(12)
        var entry = layout.style("list")
        entry.bold = true
        entry.family = "sans"
        var folio = entry
        folio.align = .right
        for section in issue.sections {
            var kicker = layout.style("heading2")
            kicker.uppercase = true
            y = ColumnFlow.draw(try set(section.title, kicker, frame.width), x: frame.x, y: y + .mm(3), into: &page) + .mm(0.8)
            page.items.append(.rule(from: Point(x: frame.x, y: y), to: Point(x: frame.maxX, y: y), width: 0.4, color: .black))
            y = y + .mm(2)
            for article in section.articles {
                let top = y
                y = ColumnFlow.draw(try set(article.title, entry, frame.width - numberWidth - .mm(4)), x: frame.x, y: y, into: &page)
                let pageNumber = starts[article.slug].map(String.init) ?? "?"
                _ = ColumnFlow.draw(try set(pageNumber, folio, numberWidth), x: frame.maxX - numberWidth, y: top, into: &page)
                if !article.authors.isEmpty {
                    y = ColumnFlow.draw(try set(article.authors.joined(separator: ", "), layout.style("byline"), frame.width),
                                        x: frame.x, y: y, into: &page)
                }
                y = y + .mm(1.5)
            }
        }
        return page
    }

    private func set(_ text: String, _ style: TextStyle, _ width: Pt) throws -> [SetLine] {
        try typesetter.set([.text(text)], style: style, width: width, indentFirstLine: false)
    }
}
