import Model
import Typesetting

/// An article's opening: section kicker, title, subtitle, standfirst and byline across all
/// columns, closed by a thin rule. Returns where the columns start.
struct Opener {
    let article: Article
    let section: Section
    let issue: Issue
    let layout: LayoutSpec
    let typesetter: Typesetter

    func draw(on page: inout Page, frame: Rect) throws -> Pt {
        var y = frame.y
        var kicker = layout.style("running-head")
        kicker.uppercase = true
        kicker.bold = true
        y = ColumnFlow.draw(try set(section.title, kicker, frame.width), x: frame.x, y: y, into: &page) + .mm(2)
        y = ColumnFlow.draw(try set(article.title, layout.style("title"), frame.width), x: frame.x, y: y, into: &page)
        y = y + layout.style("title").spaceAfter
        if let subtitle = article.subtitle {
            let style = layout.style("subtitle")
            y = ColumnFlow.draw(try set(subtitle, style, frame.width), x: frame.x, y: y, into: &page) + style.spaceAfter
        }
        if let summary = article.summary {
            let style = layout.style("standfirst")
            y = ColumnFlow.draw(try set(summary, style, frame.width * 0.85), x: frame.x, y: y, into: &page) + style.spaceAfter
        }
        let byline = [article.authors.joined(separator: ", "), article.date?.numeric ?? ""].filter { !$0.isEmpty }
        if !byline.isEmpty {
            let style = layout.style("byline")
            y = ColumnFlow.draw(try set(byline.joined(separator: " · "), style, frame.width), x: frame.x, y: y, into: &page)
            y = y + .mm(2)
            page.items.append(.rule(from: Point(x: frame.x, y: y), to: Point(x: frame.maxX, y: y), width: 0.5, color: .black))
            y = y + style.spaceAfter
        }
        return y
    }

    private func set(_ text: String, _ style: TextStyle, _ width: Pt) throws -> [SetLine] {
        try typesetter.set([.text(text)], style: style, width: width, indentFirstLine: false)
    }
}
