import Model
import Pages
import Typesetting

/// An article's opening: section kicker, title, subtitle, standfirst and byline across all
/// columns, closed by a thin rule. Returns where the columns start.
struct Opener {
    let article: Article
    let section: Section
    let issue: Issue
    let layout: LayoutSpec
    let typesetter: Typesetter

    func draw(on page: inout Page, frame: Rect, from top: Pt) throws -> Pt {
        var y = top
        if layout.opener.kicker {
            y = try typesetter.draw(section.title, style: layout.style(.kicker), width: frame.width, x: frame.x, y: y, on: &page)
                + layout.opener.kickerBelow
        }
        y = try typesetter.draw(article.title, style: layout.style(.title), width: frame.width, x: frame.x, y: y, on: &page)
        y = y + layout.style(.title).spaceAfter
        if let subtitle = article.subtitle {
            let style = layout.style(.subtitle)
            y = try typesetter.draw(subtitle, style: style, width: frame.width, x: frame.x, y: y, on: &page) + style.spaceAfter
        }
        if let summary = article.summary {
            let style = layout.style(.standfirst)
            y = try typesetter.draw(summary, style: style, width: frame.width * layout.opener.standfirstWidth, x: frame.x, y: y, on: &page) + style.spaceAfter
        }
        let byline = [article.authors.joined(separator: ", "), article.date?.numeric ?? ""].filter { !$0.isEmpty }
        if !byline.isEmpty {
            let style = layout.style(.byline)
            y = try typesetter.draw(byline.joined(separator: " · "), style: style, width: frame.width, x: frame.x, y: y, on: &page)
            y = y + layout.opener.ruleAbove
            if layout.opener.rule {
                page.items.append(.rule(from: Point(x: frame.x, y: y), to: Point(x: frame.maxX, y: y), width: layout.opener.ruleWidth,
                                        color: .black))
            }
            y = y + style.spaceAfter
        }
        return y
    }
}
