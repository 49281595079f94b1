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
        let contents = layout.contents
        var y = frame.y
        y = try typesetter.draw(contents.title, style: layout.style(.title), width: frame.width, x: frame.x, y: y,
                                on: &pages[0]) + contents.titleBelow
        y = try typesetter.draw(issue.issueLine, style: layout.style(.subtitle), width: frame.width, x: frame.x, y: y,
                                on: &pages[0])
        y = y + contents.issueBelow
        let numberWidth = contents.pageWidth

        /// Moves to a new contents page when `height` does not fit below `y`.
        func room(for height: Pt) {
            guard y + height > frame.maxY else { return }
            pages.append(geometry.blankPage(first + pages.count, kind: .contents))
            frame = geometry.frame(page: first + pages.count - 1)
            y = frame.y
        }

        for section in issue.sections {
            let head = try typesetter.set(section.title, style: layout.style(.contentsSection), width: frame.width)
            room(for: head.reduce(Pt(0)) { $0 + $1.leading } + contents.sectionKeep)
            y = ColumnFlow.draw(head, x: frame.x, y: y + contents.sectionAbove, into: &pages[pages.count - 1]) + contents.sectionBelow
            pages[pages.count - 1].items.append(.rule(from: Point(x: frame.x, y: y), to: Point(x: frame.maxX, y: y),
                                                      width: contents.sectionRuleWidth, color: .black))
            y = y + contents.sectionRuleBelow
            for article in section.articles {
                // The entry links to the article's opening (live in the screen PDF).
                let link = "#" + article.slug
                let title = try typesetter.set([.link(url: link, [.text(article.title)])], style: layout.style(.contentsEntry),
                                               width: frame.width - numberWidth - contents.pageGap, indentFirstLine: false)
                let authors = contents.authors && !article.authors.isEmpty
                    ? try typesetter.set(article.authors.joined(separator: ", "), style: layout.style(.byline), width: frame.width)
                    : []
                room(for: (title + authors).reduce(Pt(0)) { $0 + $1.leading } + contents.entryBelow)
                let top = y
                y = ColumnFlow.draw(title, x: frame.x, y: y, into: &pages[pages.count - 1])
                let pageNumber = starts[article.slug].map(String.init) ?? "?"
                let number = try typesetter.set([.link(url: link, [.text(pageNumber)])], style: layout.style(.contentsPage),
                                                width: numberWidth,
                                                indentFirstLine: false)
                _ = ColumnFlow.draw(number, x: frame.maxX - numberWidth, y: top, into: &pages[pages.count - 1])
                y = ColumnFlow.draw(authors, x: frame.x, y: y, into: &pages[pages.count - 1]) + contents.entryBelow
            }
        }
        return pages
    }
}
