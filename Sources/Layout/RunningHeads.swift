import Model
import Pages
import Typesetting

/// Running heads and folios as the layout's master pages say: a head template per side
/// (`{publication} · {issue}`, `{article}`…) with a hairline under it, and the folio outside,
/// inside or centred at the foot. None on the cover; no head on a page that opens an article
/// (unless the layout wants one) nor on a padding page.
struct RunningHeads {
    let issue: Issue
    let layout: LayoutSpec
    let typesetter: Typesetter
    let geometry: PageGeometry

    func apply(to pages: [LaidPage]) throws -> [LaidPage] {
        // A head is the same on every page of an article's side: each is set once.
        var heads: [String: [SetLine]] = [:]
        return try pages.map { page in
            guard page.kind != .cover else { return page }
            var page = page
            let master = page.isRecto ? layout.masters.right : layout.masters.left
            let frame = geometry.frame(page: page.number)
            var style = layout.style(.runningHead)
            style.align = page.isRecto ? .right : .left
            let wantsHead = page.kind == .article && (!page.opensArticle || layout.masters.headOnOpeners)
            let text = head(master.head, page)
            if wantsHead, !text.isEmpty {
                let key = (page.isRecto ? "r" : "v") + text
                let lines = try heads[key] ?? typesetter.set(text, style: style, width: frame.width)
                heads[key] = lines
                let below = ColumnFlow.draw(Array(lines.prefix(1)), x: frame.x, y: frame.y - layout.masters.headAbove, into: &page.page)
                    + layout.masters.headRuleGap
                page.page.items.append(.rule(from: Point(x: frame.x, y: below), to: Point(x: frame.maxX, y: below),
                                        width: layout.masters.headRuleWidth, color: style.color))
            }
            if master.folio != .none {
                var folio = layout.style(.folio)
                folio.align = switch master.folio {
                case .outside: page.isRecto ? .right : .left
                case .inside: page.isRecto ? .left : .right
                default: .center
                }
                let lines = try typesetter.set(String(page.number), style: folio, width: frame.width)
                _ = ColumnFlow.draw(lines, x: frame.x, y: frame.maxY + layout.masters.folioBelow, into: &page.page)
            }
            return page
        }
    }

    /// Fills a head template for a page.
    func head(_ template: String, _ page: LaidPage) -> String {
        let values = ["publication": issue.publication.title, "issue": issue.issueLine, "section": page.sectionTitle ?? "",
                      "article": page.articleTitle ?? "", "date": issue.date.numeric]
        var out = template
        for (field, value) in values { out = out.replacingOccurrences(of: "{\(field)}", with: value) }
        return out.trimmingCharacters(in: .whitespaces)
    }
}

import Foundation
