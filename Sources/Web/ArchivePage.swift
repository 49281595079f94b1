import Model

/// `out/web/index.html`: every issue, newest first.
struct ArchivePage {
    let issues: [Issue]
    let templates: PageTemplates

    func html() -> String {
        var main = "<h1>\(HTML.escape(templates.publication.title))</h1>\n<ol class=\"archive\">\n"
        for issue in issues.sorted(by: { $0.date > $1.date }) {
            main += "<li class=\"card\">"
            if let cover = issue.cover?.image {
                main += "<img src=\"\(issue.id)/\(HTML.escape(cover.issuePath))\" alt=\"\" width=\"\(cover.pixelWidth)\" "
                    + "height=\"\(cover.pixelHeight)\" loading=\"lazy\">"
            }
            main += "<h2><a href=\"\(issue.id)/index.html\">\(HTML.escape(issue.issueLine))</a></h2>"
            if let headline = issue.cover?.headline { main += "<p>\(HTML.escape(headline))</p>" }
            main += "</li>\n"
        }
        main += "</ol>"
        return templates.page(title: templates.publication.title, root: "", breadcrumb: templates.link("", templates.publication.title, current: true), main: main)
    }
}
