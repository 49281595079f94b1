import Model
import Pages
import Typesetting

/// An article's opening: section kicker, title, subtitle, standfirst and byline across all
/// columns, closed by a thin rule. Its lines are set first (`set`, for every article at once,
/// in parallel, since they depend only on the frame's width), then drawn where the article
/// starts (`draw`), which returns where the columns start.
struct Opener {
    let article: Article
    let section: Section
    let issue: Issue
    let layout: LayoutSpec
    let typesetter: Typesetter

    /// The opener's set lines, each part nil when the article or layout has none.
    struct Lines: Sendable {
        var kicker: [SetLine]?
        var title: [SetLine]
        var subtitle: [SetLine]?
        var standfirst: [SetLine]?
        var byline: [SetLine]?
    }

    func set(width: Pt) throws -> Lines {
        let byline = [article.authors.joined(separator: ", "), article.date?.numeric ?? ""].filter { !$0.isEmpty }
        return Lines(
            kicker: layout.opener.kicker ? try typesetter.set(section.title, style: layout.style(.kicker), width: width) : nil,
            title: try typesetter.set(article.title, style: layout.style(.title), width: width),
            subtitle: try article.subtitle.map { try typesetter.set($0, style: layout.style(.subtitle), width: width) },
            standfirst: try article.summary.map {
                try typesetter.set($0, style: layout.style(.standfirst), width: width * layout.opener.standfirstWidth)
            },
            byline: byline.isEmpty ? nil : try typesetter.set(byline.joined(separator: " · "), style: layout.style(.byline), width: width))
    }

    func draw(_ lines: Lines, on page: inout Page, frame: Rect, from top: Pt) -> Pt {
        func draw(_ lines: [SetLine], at y: Pt) -> Pt { ColumnFlow.draw(lines, x: frame.x, y: y, into: &page) }
        var y = top
        if let kicker = lines.kicker { y = draw(kicker, at: y) + layout.opener.kickerBelow }
        y = draw(lines.title, at: y) + layout.style(.title).spaceAfter
        if let subtitle = lines.subtitle { y = draw(subtitle, at: y) + layout.style(.subtitle).spaceAfter }
        if let standfirst = lines.standfirst { y = draw(standfirst, at: y) + layout.style(.standfirst).spaceAfter }
        if let byline = lines.byline {
            y = draw(byline, at: y) + layout.opener.ruleAbove
            if layout.opener.rule {
                page.items.append(.rule(from: Point(x: frame.x, y: y), to: Point(x: frame.maxX, y: y), width: layout.opener.ruleWidth,
                                        color: .black))
            }
            y = y + layout.style(.byline).spaceAfter
        }
        return y
    }
}
