import Model

/// The page skeleton shared by every page of the web edition.
struct PageTemplates {
    let publication: Publication

    /// `root` is the relative path from the page to `out/web/` ("", "../", "../../").
    func page(title: String, root: String, breadcrumb: String, main: String, description: String? = nil) -> String {
        let description = description.map { "\n<meta name=\"description\" content=\"\(HTML.escape($0))\">" } ?? ""
        return """
        <!doctype html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title>\(description)
        <link rel="stylesheet" href="\(root)assets/style.css">
        </head>
        <body>
        <a class="skip" href="#main">Bỏ qua điều hướng</a>
        <header class="site">
        <nav aria-label="Điều hướng">\(breadcrumb)</nav>
        </header>
        <main id="main">
        \(main)
        </main>
        <footer class="site">
        <p>\(HTML.escape(publication.title)) · \(HTML.escape(publication.publisher))</p>
        </footer>
        </body>
        </html>

        """
    }

    func link(_ href: String, _ text: String, current: Bool = false) -> String {
        current ? "<span aria-current=\"page\">\(HTML.escape(text))</span>" : "<a href=\"\(href)\">\(HTML.escape(text))</a>"
    }

    func byline(_ article: Article) -> String {
        var parts: [String] = []
        if !article.authors.isEmpty { parts.append(HTML.escape(article.authors.joined(separator: ", "))) }
        if let date = article.date { parts.append("<time datetime=\"\(date.iso)\">\(date.numeric)</time>") }
        return parts.joined(separator: " · ")
    }
}
