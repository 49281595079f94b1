import Foundation
import Model

/// The pages across issues: the archive, the search page and its index, the Atom feed, the sitemap.
struct SitePages {
    let theme: WebTheme
    let publication: Publication
    let catalogue: Catalogue

    /// The page skeleton every page shares (`page.mustache`), with canonical URL and Open Graph
    /// tags; `script` is the name of a theme asset (`search.js`), given to the template hashed.
    static func page(theme: WebTheme, publication: Publication, title: String, root: String, main: String,
                     crumbs: [[String: String]], description: String?, path: String, type: String = "website",
                     image: String? = nil, script: String? = nil) -> String {
        var context: [String: Any] = [
            "title": title, "root": root, "main": main, "crumbs": crumbs, "site": publication.title,
            "publisher": publication.publisher, "ogType": type, "assets": theme.assets.templateNames,
        ]
        if let description { context["description"] = description }
        // The footer's imprint, as the association's site has it.
        for (key, value) in [("address", publication.address), ("contact", publication.contact), ("license", publication.license)] {
            if let value, !value.isEmpty { context[key] = value }
        }
        if context["address"] != nil || context["contact"] != nil { context["reachable"] = true }
        if let base = publication.baseURL.map(absoluteBase) {
            context["canonical"] = base + path.replacingOccurrences(of: "index.html", with: "")
            if let image { context["ogImage"] = base + image }
        }
        if let script { context["script"] = theme.assets.paths[script] ?? "assets/" + script }
        return theme.render("page", context)
    }

    func archive() -> String {
        let issues = catalogue.issues.map { issue -> [String: Any] in
            var item: [String: Any] = [
                "href": "\(issue.id)/index.html", "line": issue.issueLine, "date": issue.date.numeric,
                "pdf": "\(issue.id)/\(Paths.pdfName(issue))",
            ]
            if let headline = issue.cover?.headline { item["headline"] = headline }
            if let cover = issue.cover?.image {
                let t = ImageSet.thumbnail(cover, issue: issue.id)
                item["cover"] = ["href": "\(issue.id)/index.html", "src": t.path, "width": t.width, "height": t.height]
            }
            return item
        }
        let main = theme.render("archive", ["site": publication.title, "issues": issues])
        return Self.page(theme: theme, publication: publication, title: publication.title, root: "", main: main, crumbs: [],
                         description: publication.publisher, path: "index.html")
    }

    func search() -> String {
        Self.page(theme: theme, publication: publication, title: "Tìm kiếm — \(publication.title)", root: "../",
                  main: theme.render("search", ["root": "../", "assets": theme.assets.templateNames]),
                  crumbs: [["label": "Tìm kiếm"]], description: nil,
                  path: "search/index.html", script: "search.js")
    }

    /// The search index's files, under `search/` (see `SearchIndex`).
    func searchIndex() -> [(path: String, data: Data)] {
        SearchIndex(catalogue).files
    }

    /// How many articles the feed carries, the newest: about two issues. With whole articles in
    /// it (14 KB each in the sample), a feed of every article would grow past 5 MB in ten years.
    static let feedLength = 20

    /// An Atom feed of the newest articles, newest first: each entry's `published` is the article's
    /// date, its `updated` the issue's (when the text was last set), its `content` the whole
    /// article as on its page, with absolute image URLs (relative links resolve by `xml:base`).
    func feed() -> String {
        let base = absoluteBase(publication.baseURL ?? "https://example.org/")
        let entries = catalogue.entries.sorted { $0.date != $1.date ? $0.date > $1.date : $0.path < $1.path }.prefix(Self.feedLength)
        func stamp(_ date: ISODate) -> String { date.iso + "T00:00:00Z" }
        let updated = (entries.map { max($0.date, $0.issue.date) }.max() ?? catalogue.issues.first?.date).map(stamp) ?? "2000-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
          <title>\(x(publication.title))</title>
          <subtitle>\(x(publication.publisher))</subtitle>
          <id>\(x(base))</id>
          <link rel="alternate" type="text/html" href="\(x(base))"/>
          <link rel="self" type="application/atom+xml" href="\(x(base))feed.xml"/>
          <icon>\(x(base))apple-touch-icon.png</icon>
          <updated>\(updated)</updated>
          <author><name>\(x(publication.publisher))</name></author>

        """
        for e in entries {
            let url = base + e.path.replacingOccurrences(of: "index.html", with: "")
            xml += """
              <entry>
                <title>\(x(e.article.title))</title>
                <id>\(x(url))</id>
                <link rel="alternate" type="text/html" href="\(x(url))"/>
                <published>\(stamp(e.date))</published>
                <updated>\(stamp(max(e.date, e.issue.date)))</updated>
            \(e.article.authors.map { "    <author><name>\(x($0))</name></author>" }.joined(separator: "\n"))
                <category term="\(x(e.section.title))"/>
                <summary>\(x(e.excerpt))</summary>
                <content type="html" xml:base="\(x(url))">\(x(content(e, base: base)))</content>
              </entry>

            """
        }
        return xml + "</feed>\n"
    }

    /// An article's body as its page has it, images from the site's absolute address. Figures
    /// are not links to their large copy: a feed reader drops the stylesheet, and the link's
    /// words for screen readers ("Xem ảnh cỡ lớn") would show under every picture.
    private func content(_ e: Catalogue.Entry, base: String) -> String {
        let id = e.issue.id
        var body = BodyRenderer(imageURL: { base + ImageSet.copy($0, width: 800, issue: id).path },
                                size: { let c = ImageSet.copy($0, width: 800, issue: id); return (c.width, c.height) },
                                alt: e.article.alt)
        body.footnotes = e.article.footnotes
        return body.renderArticle(e.article.blocks)
    }

    /// `robots.txt`: every page may be crawled; the sitemap's absolute URL when the site has one.
    func robots() -> String {
        "User-agent: *\nAllow: /\n" + (publication.baseURL.map { "\nSitemap: \(absoluteBase($0))sitemap.xml\n" } ?? "")
    }

    func sitemap() -> String {
        let base = absoluteBase(publication.baseURL ?? "https://example.org/")
        var urls: [(String, ISODate?)] = [("", catalogue.issues.first?.date), ("search/", nil)]
        for issue in catalogue.issues { urls.append(("\(issue.id)/", issue.date)) }
        for e in catalogue.entries { urls.append((e.path.replacingOccurrences(of: "index.html", with: ""), e.date)) }
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (path, date) in urls {
            xml += "  <url><loc>\(x(base + path))</loc>" + (date.map { "<lastmod>\($0.iso)</lastmod>" } ?? "") + "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    private func x(_ s: String) -> String { HTML.escape(s) }
}

/// `https://example.org/bantin` → `https://example.org/bantin/`.
func absoluteBase(_ url: String) -> String {
    url.hasSuffix("/") ? url : url + "/"
}
