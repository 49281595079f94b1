import Model

/// `out/web/<id>/index.html`: the issue's cover and contents.
struct IssuePage {
    let issue: Issue
    let templates: PageTemplates

    func html() -> String {
        var main = "<header class=\"issue\">\n"
        if let cover = issue.cover?.image {
            main += "<img class=\"cover\" src=\"\(HTML.escape(cover.issuePath))\" alt=\"Bìa \(HTML.escape(issue.issueLine))\" "
                + "width=\"\(cover.pixelWidth)\" height=\"\(cover.pixelHeight)\">\n"
        }
        main += "<div>\n<p class=\"kicker\">\(HTML.escape(issue.issueLine))</p>\n"
        main += "<h1>\(HTML.escape(issue.publication.title))</h1>\n"
        if let headline = issue.cover?.headline { main += "<p class=\"headline\">\(HTML.escape(headline))</p>\n" }
        main += "<p class=\"date\">Phát hành \(issue.date.vietnameseLong)</p>\n</div>\n</header>\n"
        for section in issue.sections {
            main += "<section class=\"toc\">\n<h2>\(HTML.escape(section.title))</h2>\n<ol class=\"cards\">\n"
            for article in section.articles {
                main += "<li class=\"card\">\n<h3><a href=\"\(article.slug)/index.html\">\(HTML.escape(article.title))</a></h3>\n"
                main += "<p class=\"byline\">\(templates.byline(article))</p>\n"
                if let summary = article.summary { main += "<p>\(HTML.escape(summary))</p>\n" }
                main += "</li>\n"
            }
            main += "</ol>\n</section>\n"
        }
        let crumbs = templates.link("../index.html", issue.publication.title) + " › " + templates.link("", issue.issueLine, current: true)
        return templates.page(title: "\(issue.issueLine) — \(issue.publication.title)", root: "../", breadcrumb: crumbs,
                              main: main, description: issue.cover?.headline)
    }
}
