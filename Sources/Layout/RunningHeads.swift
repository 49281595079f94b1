import Model
import Typesetting

/// Running heads and folios: the issue line on left-hand pages, the article's title on
/// right-hand pages, a hairline under both, and the folio on the outside at the foot.
/// Not on the cover, and no head on a page that opens an article.
struct RunningHeads {
    let issue: Issue
    let layout: LayoutSpec
    let typesetter: Typesetter
    let geometry: PageGeometry

    func apply(to pages: [Page]) throws -> [Page] {
        try pages.map { page in
            guard page.kind != .cover else { return page }
            var page = page
            let frame = geometry.frame(page: page.number)
            var style = layout.style("running-head")
            style.align = page.isRecto ? .right : .left
            if page.kind == .article, !page.opensArticle {
                let text = page.isRecto ? (page.articleTitle ?? "") : issue.publication.title + " · " + issue.issueLine
                let y = frame.y - .mm(9)
                let lines = try typesetter.set(text, style: style, width: frame.width)
                let below = ColumnFlow.draw(Array(lines.prefix(1)), x: frame.x, y: y, into: &page) + .mm(1)
                page.items.append(.rule(from: Point(x: frame.x, y: below), to: Point(x: frame.maxX, y: below),
                                        width: 0.3, color: style.color))
            }
            var folio = layout.style("folio")
            folio.align = style.align
            let lines = try typesetter.set(String(page.number), style: folio, width: frame.width)
            _ = ColumnFlow.draw(lines, x: frame.x, y: frame.maxY + .mm(8), into: &page)
            return page
        }
    }
}
