import Model
import Pages
import Typesetting

/// "Mục lục": sections, article titles, authors and the page each article really starts on.
/// The contents is set once, before the articles, with a place kept for each page number (page
/// numbers do not change its height); the numbers go in when the articles are paginated. A long
/// contents runs over as many pages as it needs.
struct ContentsPage {
    let issue: Issue
    let layout: LayoutSpec
    let typesetter: Typesetter
    let geometry: PageGeometry

    /// The contents pages without their page numbers, and where each number goes.
    struct Laid {
        var pages: [Page]
        fileprivate var numbers: [NumberPlace]
    }

    /// The place of an article's page number: its page, the item it is drawn before (so the
    /// page's items keep the order in which they are read), its top and the article.
    fileprivate struct NumberPlace {
        var page: Int
        var item: Int
        var top: Pt
        var slug: String
    }

    /// The pages with every article's page number, from where each article starts.
    func numbered(_ laid: Laid, starts: [String: Int]) throws -> [Page] {
        var pages = laid.pages
        let width = layout.contents.pageWidth
        for place in laid.numbers.reversed() {
            let link = "#" + place.slug
            let text = starts[place.slug].map(String.init) ?? "?"
            let number = try typesetter.set([.link(url: link, [.text(text)])], style: layout.style(.contentsPage), width: width,
                                            indentFirstLine: false)
            var drawn = geometry.blankPage(pages[place.page].number, kind: .contents)
            let frame = geometry.frame(page: drawn.number)
            _ = ColumnFlow.draw(number, x: frame.maxX - width, y: place.top, into: &drawn)
            pages[place.page].items.insert(contentsOf: drawn.items, at: place.item)
        }
        return pages
    }

    func layOut(from first: Int) throws -> Laid {
        var numbers: [NumberPlace] = []
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
                numbers.append(NumberPlace(page: pages.count - 1, item: pages[pages.count - 1].items.count, top: top,
                                           slug: article.slug))
                y = ColumnFlow.draw(authors, x: frame.x, y: y, into: &pages[pages.count - 1]) + contents.entryBelow
            }
        }
        return Laid(pages: pages, numbers: numbers)
    }
}
