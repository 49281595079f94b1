import Model
import Pages
import Typesetting

/// "Mục lục": sections, article titles, authors and the page each article really starts on
/// (known only after the articles are paginated, so these pages are set last). A long contents
/// runs over as many pages as it needs; `pageCount` tells the paginator how many to keep free.
struct ContentsPage {
    let issue: Issue
    let layout: LayoutSpec
    let typesetter: Typesetter
    let geometry: PageGeometry

    /// How many pages the contents takes (page numbers do not change its height).
    func pageCount() throws -> Int {
        try pages(from: 1, starts: [:]).count
    }

    func pages(from first: Int, starts: [String: Int]) throws -> [Page] {
        var pages = [geometry.blankPage(first, kind: .contents)]
        var frame = geometry.frame(page: first)
        var y = frame.y
        y = try typesetter.draw(layout.contentsTitle, style: layout.style("title"), width: frame.width, x: frame.x, y: y,
                                on: &pages[0]) + .mm(2)
        y = try typesetter.draw(issue.issueLine, style: layout.style("subtitle"), width: frame.width, x: frame.x, y: y,
                                on: &pages[0])
        y = y + .mm(6)
        let numberWidth = Pt.mm(12)
        var entry = layout.style("list")
        entry.bold = true
        entry.family = "sans"
        var folio = entry
        folio.align = .right
        var kicker = layout.style("heading2")
        kicker.uppercase = true

        /// Moves to a new contents page when `height` does not fit below `y`.
        func room(for height: Pt) {
            guard y + height > frame.maxY else { return }
            pages.append(geometry.blankPage(first + pages.count, kind: .contents))
            frame = geometry.frame(page: first + pages.count - 1)
            y = frame.y
        }

        for section in issue.sections {
            let head = try typesetter.set(section.title, style: kicker, width: frame.width)
            room(for: head.reduce(Pt(0)) { $0 + $1.leading } + .mm(16))
            y = ColumnFlow.draw(head, x: frame.x, y: y + .mm(3), into: &pages[pages.count - 1]) + .mm(0.8)
            pages[pages.count - 1].items.append(.rule(from: Point(x: frame.x, y: y), to: Point(x: frame.maxX, y: y),
                                                      width: 0.4, color: .black))
            y = y + .mm(2)
            for article in section.articles {
                // The entry links to the article's opening (live in the screen PDF).
                let link = "#" + article.slug
                let title = try typesetter.set([.link(url: link, [.text(article.title)])], style: entry,
                                               width: frame.width - numberWidth - .mm(4), indentFirstLine: false)
                let authors = layout.contentsAuthors && !article.authors.isEmpty
                    ? try typesetter.set(article.authors.joined(separator: ", "), style: layout.style("byline"), width: frame.width)
                    : []
                room(for: (title + authors).reduce(Pt(0)) { $0 + $1.leading } + .mm(1.5))
                let top = y
                y = ColumnFlow.draw(title, x: frame.x, y: y, into: &pages[pages.count - 1])
                let pageNumber = starts[article.slug].map(String.init) ?? "?"
                let number = try typesetter.set([.link(url: link, [.text(pageNumber)])], style: folio, width: numberWidth,
                                                indentFirstLine: false)
                _ = ColumnFlow.draw(number, x: frame.maxX - numberWidth, y: top, into: &pages[pages.count - 1])
                y = ColumnFlow.draw(authors, x: frame.x, y: y, into: &pages[pages.count - 1]) + .mm(1.5)
            }
        }
        return pages
    }
}
