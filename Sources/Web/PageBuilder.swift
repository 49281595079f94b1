import Foundation
import Model

/// The issue page and the article pages of one issue, as template contexts.
struct PageBuilder {
    let theme: WebTheme
    let issue: Issue
    let images: ImageSet
    let catalogue: Catalogue
    /// The issue's articles in reading order, and where each slug stands in it: for the
    /// previous and next links, found once per issue rather than once per page.
    private let articles: [Article]
    private let position: [String: Int]

    init(theme: WebTheme, issue: Issue, images: ImageSet, catalogue: Catalogue) {
        self.theme = theme
        self.issue = issue
        self.images = images
        self.catalogue = catalogue
        articles = issue.sections.flatMap(\.articles)
        position = Dictionary(articles.enumerated().map { ($1.slug, $0) }) { first, _ in first }
    }

    private var publication: Publication { issue.publication }

    func issuePage() -> String {
        var context: [String: Any] = [
            "line": issue.issueLine, "site": publication.title, "longDate": issue.date.vietnameseLong,
            "pdf": Paths.pdfName(issue),
        ]
        if let headline = issue.cover?.headline { context["headline"] = headline }
        if let cover = issue.cover?.image, let best = images.best(cover, width: 800) {
            context["cover"] = ["src": "images/" + best.file, "srcset": images.srcset(cover, prefix: "images/"),
                                "width": best.width, "height": best.height]
        }
        context["sections"] = issue.sections.enumerated().map { n, section -> [String: Any] in
            ["index": n + 1, "title": section.title,
             "articles": section.articles.compactMap { article in
                 catalogue.entry(issue: issue.id, slug: article.slug).map { card($0, root: "../") }
             }]
        }
        let main = theme.render("issue", context)
        return page(title: "\(issue.issueLine) — \(publication.title)", root: "../", main: main,
                    crumbs: [["label": issue.issueLine]], description: issue.cover?.headline,
                    path: "\(issue.id)/index.html", image: issue.cover?.image.flatMap { images.best($0, width: 1200) }
                        .map { "\(issue.id)/images/\($0.file)" })
    }

    func articlePage(_ article: Article, in section: Section) -> String {
        let all = articles
        let index = position[article.slug] ?? 0
        var body = BodyRenderer(imageURL: { ref in images.best(ref, width: 800).map { "../images/" + $0.file } ?? "" },
                                srcset: { ref in images.srcset(ref, prefix: "../images/") },
                                size: { ref in images.best(ref, width: 800).map { ($0.width, $0.height) } },
                                largest: { ref in images.best(ref, width: .max).map { "../images/" + $0.file } },
                                alt: article.alt)
        body.footnotes = article.footnotes
        var context: [String: Any] = [
            "section": section.title, "title": article.title, "authors": article.authors.joined(separator: ", "),
            "body": body.renderArticle(article.blocks), "pdf": "../" + Paths.pdfName(issue), "line": issue.issueLine,
        ]
        if let subtitle = article.subtitle { context["subtitle"] = subtitle }
        // The byline again at the end, as readers of the association's site expect it.
        if !article.authors.isEmpty { context["signature"] = article.authors.joined(separator: ", ") }
        if let summary = article.summary { context["summary"] = summary }
        if let date = article.date { context["date"] = date.numeric; context["iso"] = date.iso }
        if index > 0 { context["previous"] = ["href": "../\(all[index - 1].slug)/index.html", "title": all[index - 1].title] }
        if index + 1 < all.count { context["next"] = ["href": "../\(all[index + 1].slug)/index.html", "title": all[index + 1].title] }
        if let entry = catalogue.entry(issue: issue.id, slug: article.slug) {
            context["related"] = catalogue.related(to: entry).map { relatedCard($0, root: "../../") }
        }
        let main = theme.render("article", context)
        return page(title: "\(article.title) — \(publication.title)", root: "../../", main: main,
                    crumbs: [["label": issue.issueLine, "href": "../index.html"]], description: article.summary,
                    path: "\(issue.id)/\(article.slug)/index.html", type: "article",
                    image: article.figures.first.flatMap { images.best($0.image, width: 1200) }.map { "\(issue.id)/images/\($0.file)" })
    }

    /// An article card: title, byline, date, excerpt and a thumbnail, linked from `root`.
    func card(_ entry: Catalogue.Entry, root: String) -> [String: Any] {
        var card: [String: Any] = [
            "href": root + entry.path, "title": entry.article.title, "authors": entry.article.authors.joined(separator: ", "),
            "excerpt": entry.excerpt, "line": entry.issue.issueLine, "date": entry.date.numeric, "iso": entry.date.iso,
        ]
        // Thumbnails of other issues are in their own images/ folders: from the site root.
        if let thumb = entry.thumbnail {
            let t = ImageSet.thumbnail(thumb, issue: entry.issue.id)
            card["thumbnail"] = ["src": root + t.path, "width": t.width, "height": t.height]
        }
        return card
    }

    /// A related-article card: always a thumbnail (the article's picture, else its issue's
    /// cover, else its section's drawn one), the date, and the opening of its text.
    func relatedCard(_ entry: Catalogue.Entry, root: String) -> [String: Any] {
        var card = card(entry, root: root)
        card["excerpt"] = entry.opening
        if card["thumbnail"] == nil {
            if let cover = entry.issue.cover?.image {
                let t = ImageSet.thumbnail(cover, issue: entry.issue.id)
                card["thumbnail"] = ["src": root + t.path, "width": t.width, "height": t.height]
            } else {
                card["thumbnail"] = ["src": root + Badges.sectionPath(entry.section.title),
                                     "width": Badges.sectionSize.width, "height": Badges.sectionSize.height]
            }
        }
        return card
    }

    func page(title: String, root: String, main: String, crumbs: [[String: String]], description: String?,
              path: String, type: String = "website", image: String? = nil) -> String {
        SitePages.page(theme: theme, publication: publication, title: title, root: root, main: main, crumbs: crumbs,
                       description: description, path: path, type: type, image: image)
    }
}
