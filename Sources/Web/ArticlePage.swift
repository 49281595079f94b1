import Model

/// `out/web/<id>/<slug>/index.html`: one article.
struct ArticlePage {
    let issue: Issue
    let section: Section
    let article: Article
    let templates: PageTemplates
    let previous: Article?
    let next: Article?

    func html() -> String {
        let body = BodyRenderer { "../" + $0.issuePath }
        var main = "<article>\n<header>\n<p class=\"kicker\">\(HTML.escape(section.title))</p>\n"
        main += "<h1>\(HTML.escape(article.title))</h1>\n"
        if let subtitle = article.subtitle { main += "<p class=\"subtitle\">\(HTML.escape(subtitle))</p>\n" }
        main += "<p class=\"byline\">\(templates.byline(article))</p>\n"
        if let summary = article.summary { main += "<p class=\"summary\">\(HTML.escape(summary))</p>\n" }
        main += "</header>\n\(body.render(article.blocks))\n</article>\n"
        main += "<nav class=\"pager\" aria-label=\"Bài trước và bài sau\">\n"
        if let previous { main += "<a rel=\"prev\" href=\"../\(previous.slug)/index.html\">← \(HTML.escape(previous.title))</a>\n" }
        if let next { main += "<a rel=\"next\" href=\"../\(next.slug)/index.html\">\(HTML.escape(next.title)) →</a>\n" }
        main += "</nav>"
        let crumbs = templates.link("../../index.html", issue.publication.title) + " › "
            + templates.link("../index.html", issue.issueLine)
        return templates.page(title: "\(article.title) — \(issue.publication.title)", root: "../../", breadcrumb: crumbs,
                              main: main, description: article.summary)
    }
}
