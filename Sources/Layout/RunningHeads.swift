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

    /// Adds each page's head and folio after what it holds. The furniture of stretches of pages
    /// is set side by side (a head is set once per article and side within a stretch), then
    /// appended to the pages in place.
    func apply(to pages: inout [LaidPage]) throws {
        let stretch = max(16, pages.count / 8)
        let all = pages
        let furniture = try Parallel.map(Array(stride(from: 0, to: all.count, by: stretch))) { start in
            var heads: [String: [SetLine]] = [:]
            return try all[start..<min(start + stretch, all.count)].map { laid in
                (try self.furniture(of: laid, heads: &heads), layout.marks.contains(.slug) ? try slug(of: laid) : [])
            }
        }.joined()
        for (i, (items, slug)) in zip(pages.indices, furniture) {
            pages[i].page.items.append(contentsOf: items)
            pages[i].page.slug = slug
        }
    }

    /// The slug line, outside the bleed below the foot: the publication, the issue, the page
    /// and the date, for the shop to tell the plates of every page apart.
    private func slug(of laid: LaidPage) throws -> [PageItem] {
        var page = laid.page
        page.items = []
        let place = MarkGeometry.slugPlace(trim: page.trimBox, bleed: page.bleed)
        var style = layout.style(.folio)
        style.size = 6
        style.leading = 7
        style.align = .left
        style.bold = false
        style.italic = false
        let text = "\(issue.publication.title) · \(issue.issueLine) — trang \(laid.number) — \(issue.date.numeric)"
        let lines = try typesetter.set(text, style: style, width: place.width)
        _ = ColumnFlow.draw(Array(lines.prefix(1)), x: place.x, y: place.y, into: &page)
        return page.items
    }

    /// What goes on a page besides its content: the head with its rule, and the folio.
    private func furniture(of laid: LaidPage, heads: inout [String: [SetLine]]) throws -> [PageItem] {
        guard laid.kind != .cover else { return [] }
        var page = laid.page
        page.items = []
        let master = laid.isRecto ? layout.masters.right : layout.masters.left
        let frame = geometry.frame(page: laid.number)
        if laid.kind == .article && (!laid.opensArticle || layout.masters.headOnOpeners) {
            let key = (laid.isRecto ? "r" : "v") + master.head + "\u{0}" + (laid.sectionTitle ?? "") + "\u{0}" + (laid.articleTitle ?? "")
            let lines: [SetLine]
            if let set = heads[key] {
                lines = set
            } else {
                let text = head(master.head, laid)
                var style = layout.style(.runningHead)
                style.align = laid.isRecto ? .right : .left
                lines = text.isEmpty ? [] : try typesetter.set(text, style: style, width: frame.width)
                heads[key] = lines
            }
            if !lines.isEmpty {
                let below = ColumnFlow.draw(Array(lines.prefix(1)), x: frame.x, y: frame.y - layout.masters.headAbove, into: &page)
                    + layout.masters.headRuleGap
                page.items.append(.rule(from: Point(x: frame.x, y: below), to: Point(x: frame.maxX, y: below),
                                        width: layout.masters.headRuleWidth, color: layout.style(.runningHead).color))
            }
        }
        if master.folio != .none {
            var folio = layout.style(.folio)
            folio.align = switch master.folio {
            case .outside: laid.isRecto ? .right : .left
            case .inside: laid.isRecto ? .left : .right
            default: .center
            }
            let lines = try typesetter.set(String(laid.number), style: folio, width: frame.width)
            _ = ColumnFlow.draw(lines, x: frame.x, y: frame.maxY + layout.masters.folioBelow, into: &page)
        }
        return page.items
    }

    /// Fills a head template for a page: each `{field}` is replaced by its value (a value is
    /// not read again for fields), an unknown `{…}` is kept as written.
    func head(_ template: String, _ page: LaidPage) -> String {
        func value(_ field: Substring) -> String? {
            switch field {
            case "publication": issue.publication.title
            case "issue": issue.issueLine
            case "section": page.sectionTitle ?? ""
            case "article": page.articleTitle ?? ""
            case "date": issue.date.numeric
            default: nil
            }
        }
        var out = "", rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            guard let filled = value(rest[rest.index(after: open)..<close]) else {
                out += "{"
                rest = rest[rest.index(after: open)...]
                continue
            }
            out += filled
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out.trimmingCharacters(in: .whitespaces)
    }
}

import Foundation
