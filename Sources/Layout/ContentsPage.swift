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
        y = try typesetter.draw(layout.contentsTitle, style: layout.style("title"), width: frame.width, x: frame.x, y: y, on: &page) + .mm(2)
        y = try typesetter.draw(issue.issueLine, style: layout.style("subtitle"), width: frame.width, x: frame.x, y: y, on: &page)
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
            y = try typesetter.draw(section.title, style: kicker, width: frame.width, x: frame.x, y: y + .mm(3), on: &page) + .mm(0.8)
            page.items.append(.rule(from: Point(x: frame.x, y: y), to: Point(x: frame.maxX, y: y), width: 0.4, color: .black))
            y = y + .mm(2)
            for article in section.articles {
                let top = y
                // The entry links to the article's opening (live in the screen PDF).
                let link = "#" + article.slug
                let title = try typesetter.set([.link(url: link, [.text(article.title)])], style: entry,
                                               width: frame.width - numberWidth - .mm(4), indentFirstLine: false)
                y = ColumnFlow.draw(title, x: frame.x, y: y, into: &page)
                let pageNumber = starts[article.slug].map(String.init) ?? "?"
                let number = try typesetter.set([.link(url: link, [.text(pageNumber)])], style: folio, width: numberWidth,
                                                indentFirstLine: false)
                _ = ColumnFlow.draw(number, x: frame.maxX - numberWidth, y: top, into: &page)
                if layout.contentsAuthors, !article.authors.isEmpty {
                    y = try typesetter.draw(article.authors.joined(separator: ", "), style: layout.style("byline"),
                                        width: frame.width, x: frame.x, y: y, on: &page)
                }
                y = y + .mm(1.5)
            }
        }
        return page
    }
}
