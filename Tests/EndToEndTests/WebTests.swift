import Diagnostics
import Layout
import Pages
import Typesetting
import Bantin
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Model
import Testing
import TestSupport
@testable import Web

/// The web edition (issue 6), from the sample build.
@Suite(.serialized) struct WebTests {
    var web: URL { sample.out.appendingPathComponent("web") }

    /// Acceptance 1: the archive, issue and article pages, a well-formed Atom feed and a sitemap.
    @Test func siteHasItsPagesFeedAndSitemap() throws {
        for path in ["index.html", "2025-q1/index.html", "search/index.html", "search/docs.json", "feed.xml", "sitemap.xml",
                     "2025-q1/ban-tin-2025-q1.pdf"] {
            #expect(FileManager.default.fileExists(atPath: web.appendingPathComponent(path).path), "\(path)")
        }
        for article in sample.built.issue.articles {
            #expect(FileManager.default.fileExists(atPath: web.appendingPathComponent("2025-q1/\(article.slug)/index.html").path))
        }
        let feed = try XMLDocument(contentsOf: web.appendingPathComponent("feed.xml"))
        let root = try #require(feed.rootElement())
        #expect(root.name == "feed" && root.uri == "http://www.w3.org/2005/Atom")
        #expect(root.elements(forName: "entry").count == sample.built.issue.articles.count)
        for entry in root.elements(forName: "entry") {
            for name in ["title", "id", "updated", "link"] { #expect(!entry.elements(forName: name).isEmpty, "\(name)") }
        }
        let sitemap = try XMLDocument(contentsOf: web.appendingPathComponent("sitemap.xml"))
        let urls = try #require(sitemap.rootElement()).elements(forName: "url")
        #expect(urls.count == sample.built.issue.articles.count + 3)
        #expect(urls.allSatisfy { ($0.elements(forName: "loc").first?.stringValue ?? "").hasPrefix("https://example.org/bantin/") })
    }

    /// Acceptance 2: every internal link, image and srcset entry of every page resolves to a file.
    @Test func everyInternalReferenceResolves() throws {
        let pages = try FileManager.default.subpathsOfDirectory(atPath: web.path).filter { $0.hasSuffix(".html") }
        #expect(pages.count >= sample.built.issue.articles.count + 3)
        var checked = 0
        for page in pages {
            let url = web.appendingPathComponent(page)
            let html = try String(contentsOf: url, encoding: .utf8)
            for reference in References.all(in: html) {
                guard !reference.contains("://"), !reference.hasPrefix("mailto:"), !reference.hasPrefix("#") else { continue }
                let path = String(reference.split(separator: "#").first ?? "").split(separator: "?").first.map(String.init) ?? ""
                guard !path.isEmpty else { continue }
                let target = url.deletingLastPathComponent().appendingPathComponent(path).standardized
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory)
                #expect(exists && !isDirectory.boolValue, "\(page): \(reference) does not resolve")
                checked += 1
            }
        }
        #expect(checked > 150, "\(checked) references")
    }

    /// Acceptance 5: every article page has a non-empty related-articles block.
    @Test func everyArticleHasRelatedArticles() throws {
        for article in sample.built.issue.articles {
            let html = try String(contentsOf: web.appendingPathComponent("2025-q1/\(article.slug)/index.html"), encoding: .utf8)
            let block = try #require(html.components(separatedBy: "Bài viết liên quan").dropFirst().first, "\(article.slug)")
            let cards = block.components(separatedBy: "</ul>")[0].components(separatedBy: "<li class=\"card\">").count - 1
            #expect(cards >= 1 && cards <= 3, "\(article.slug): \(cards) related")
            #expect(!block.components(separatedBy: "</ul>")[0].contains("href=\"../../2025-q1/\(article.slug)/"), "links to itself")
        }
    }

    /// Acceptance 4: the search index's folding: "viet nam", "dang", "nguyen" find Việt Nam, Đặng, Nguyễn.
    @Test func searchIgnoresTonesAndD() throws {
        #expect("Việt Nam".searchFolded == "viet nam")
        #expect("Đặng".searchFolded == "dang")
        #expect("NGUYỄN".searchFolded == "nguyen")
        // The page's engine on the built index (SearchTests runs it).
        func search(_ query: String) throws -> [String] { try SearchTests.ask(web, query).results.map(\.t) }
        let text = sample.built.issue.articles.map { ($0.title, [$0.title, $0.summary ?? "", $0.authors.joined(separator: " "),
                                                              $0.blocks.map { b -> String in
                                                                  if case .paragraph(let i) = b.kind { return i.plainText }
                                                                  return ""
                                                              }.joined(separator: " ")].joined(separator: " ")) }
        for (query, word) in [("viet nam", "Việt Nam"), ("dang", "Đặng"), ("nguyen", "Nguyễn")] {
            let expected = Set(text.filter { $0.1.contains(word) }.map(\.0))
            #expect(!expected.isEmpty, "the sample has no “\(word)”")
            let found = Set(try search(query))
            #expect(expected.isSubset(of: found), "“\(query)” misses \(expected.subtracting(found))")
        }
    }

    /// axe's heading-order: under each page's `<h1>`, headings never skip a level (the
    /// article's `##` sections are `<h2>`, not `<h3>`).
    @Test func headingsNeverSkipALevel() throws {
        let heading = try Regex(#"<h([1-6])[\s>]"#)
        for page in try FileManager.default.subpathsOfDirectory(atPath: web.path) where page.hasSuffix(".html") {
            let html = try String(contentsOf: web.appendingPathComponent(page), encoding: .utf8)
            var last = 0
            for match in html.matches(of: heading) {
                let level = Int(html[match.range].dropFirst(2).prefix(1))!
                #expect(level <= last + 1, "\(page): <h\(level)> after <h\(last)>")
                last = level
            }
        }
    }

    @Test func everyPageForbidsInlineScripts() throws {
        let pages = try FileManager.default.subpathsOfDirectory(atPath: web.path).filter { $0.hasSuffix(".html") }
        for page in pages {
            let html = try String(contentsOf: web.appendingPathComponent(page), encoding: .utf8)
            #expect(html.contains("Content-Security-Policy\" content=\"default-src 'self'; script-src 'self';"), "\(page)")
            #expect(html.contains("<html lang=\"vi\">"))
            #expect(!html.contains("<script>"), "\(page) has an inline script")
        }
    }
}

/// Acceptance 3: raw HTML, event handlers and `javascript:` links never reach the web edition.
@Suite struct WebSafetyTests {
    @Test func hostileArticleProducesNoExecutableContent() throws {
        let project = try TestProject()
        try project.issue([("a.md", """
            ---
            title: "Bài <script>alert(1)</script> thử"
            summary: "<img src=x onerror=alert(2)>"
            ---

            Đoạn có <script>alert(3)</script> và <img src="x" onerror="alert(4)"> và [bấm vào đây](javascript:alert(5)) và [ảnh](data:text/html,<script>alert(6)</script>).

            <div onclick="alert(7)">khối HTML</div>

            [Liên kết thật](https://example.org/that)
            """)])
        let (pdf, diagnostics) = project.build()
        #expect(pdf != nil, "\(diagnostics)")
        #expect(diagnostics.filter { $0.id == "unsafe-link" }.count == 2)
        #expect(diagnostics.contains { $0.id == "raw-html" })
        let web = project.root.appendingPathComponent("out/web")
        for path in try FileManager.default.subpathsOfDirectory(atPath: web.path) where path.hasSuffix(".html") || path.hasSuffix(".json") || path.hasSuffix(".xml") {
            let text = try String(contentsOf: web.appendingPathComponent(path), encoding: .utf8)
            let lower = text.lowercased()
            #expect(!lower.contains("<script>"), "\(path): a script element")
            #expect(!lower.contains("<img src=x") && !lower.contains("<img src=\"x\""), "\(path): the raw img")
            #expect(EventHandlers.in(lower).isEmpty, "\(path): event handlers \(EventHandlers.in(lower))")
            #expect(!lower.contains("javascript:"), "\(path): a javascript: link")
            #expect(!lower.contains("href=\"data:"), "\(path): a data: link")
            #expect(!lower.contains("<div onclick"), "\(path): a raw div")
        }
        // The check above finds a handler where there is one, and none in escaped text.
        #expect(EventHandlers.in("<p>&lt;img src=x onerror=alert(2)&gt;</p><img src=\"x\" onerror=\"alert(4)\">") == ["onerror"])
        let article = try String(contentsOf: web.appendingPathComponent("x/bai-script-alert-1-script-thu/index.html"), encoding: .utf8)
        #expect(article.contains("&lt;script&gt;alert(3)&lt;/script&gt;"))
        #expect(article.contains("bấm vào đây") && article.contains("href=\"https://example.org/that\""))
    }
}

/// The event-handler attributes (`onerror`, `onclick`…) of the elements of an HTML text. Quoted
/// attribute values are skipped, so escaped markup in a value or in the text is not counted.
enum EventHandlers {
    static func `in`(_ html: String) -> [String] {
        let tag = try! Regex(#"<[a-zA-Z][^>]*>"#), quoted = try! Regex(#""[^"]*"|'[^']*'"#)
        let handler = try! Regex(#"\s(on[a-zA-Z]+)\s*="#)
        return html.matches(of: tag).flatMap { match in
            String(html[match.range]).replacing(quoted, with: "\"\"").matches(of: handler).compactMap { $0.output[1].substring.map(String.init) }
        }
    }
}

/// `href="…"`, `src="…"` and every URL of `srcset="…"` in an HTML text.
enum References {
    static func all(in html: String) -> [String] {
        var out: [String] = []
        for attribute in ["href=\"", "src=\""] {
            for part in html.components(separatedBy: attribute).dropFirst() {
                out.append(String(part.prefix { $0 != "\"" }))
            }
        }
        for part in html.components(separatedBy: "srcset=\"").dropFirst() {
            let value = part.prefix { $0 != "\"" }
            for candidate in value.split(separator: ",") {
                if let url = candidate.split(separator: " ").first { out.append(String(url)) }
            }
        }
        return out
    }
}

@Suite struct WebThemeTests {
    /// A template error names the template file, its line and column, and nothing is written.
    @Test func templateErrorIsLocated() throws {
        let project = try TestProject()
        try project.write("layouts/web/article.mustache", "<h1>{{title}}</h1>\n<p>{{#related}}không đóng</p>\n")
        try project.issue([("a.md", "---\ntitle: Thử\n---\n\nNội dung.\n")])
        let (pdf, diagnostics) = project.build()
        #expect(pdf == nil)
        let error = try #require(diagnostics.first { $0.id == "template-syntax" }, "\(diagnostics)")
        #expect(error.range?.path.hasSuffix("layouts/web/article.mustache") == true)
        #expect(error.range.map { $0.start.line >= 2 } == true, "\(error)")
    }
}

/// Issue 15, items 3–5: tables, footnotes and pull quotes on the web, from the sample build.
@Suite struct WebTableTests {
    var web: URL { sample.out.appendingPathComponent("web") }

    func articleHTML(_ slugPrefix: String) throws -> String {
        let article = try #require(sample.built.issue.articles.first { $0.slug.hasPrefix(slugPrefix) })
        return try String(contentsOf: web.appendingPathComponent("2025-q1/\(article.slug)/index.html"), encoding: .utf8)
    }

    /// A semantic table in its own scrolling box: caption, header cells scoped to their
    /// columns, numeric columns marked right-aligned, every cell's text.
    @Test func tablesAreSemanticAndScrollInTheirOwnBox() throws {
        let html = try articleHTML("lien-hiep-hoi")
        let start = try #require(html.range(of: "<div class=\"table\" role=\"region\" tabindex=\"0\""))
        let table = String(html[start.lowerBound...]).components(separatedBy: "</div>")[0]
        #expect(table.contains("<caption>Bảng 1. Kinh phí hoạt động năm 2024 theo nguồn</caption>"))
        #expect(table.contains("<thead>\n<tr><th scope=\"col\">Nguồn kinh phí</th><th scope=\"col\" class=\"num\">Số tiền (đồng)</th>"))
        #expect(table.contains("<td class=\"num\">7.215.000.000</td><td class=\"num\">56,2 %</td>"))
        #expect(table.contains("<td><strong>Tổng cộng</strong></td>"))
        // The page does not scroll sideways: the box does.
        let stylesheet = try #require(try FileManager.default.contentsOfDirectory(atPath: web.appendingPathComponent("assets").path)
            .first { $0.hasPrefix("style.") && $0.hasSuffix(".css") })
        let css = try String(contentsOf: web.appendingPathComponent("assets/\(stylesheet)"), encoding: .utf8)
        #expect(css.contains(".table { overflow-x: auto;"))
    }

    /// Footnotes: numbered references linking to the notes at the article's end, each note
    /// linking back; ids unique.
    @Test func footnotesLinkBothWays() throws {
        let html = try articleHTML("lien-hiep-hoi")
        for n in 1...3 {
            #expect(html.contains("<a href=\"#fn-\(n)\" id=\"fnref-\(n)\" role=\"doc-noteref\" aria-label=\"Chú thích \(n)\">\(n)</a>"))
            #expect(html.contains("<li id=\"fn-\(n)\" value=\"\(n)\">"))
            #expect(html.contains("<a href=\"#fnref-\(n)\" class=\"backlink\" role=\"doc-backlink\""))
        }
        let notes = try #require(html.range(of: "<section class=\"footnotes\""))
        let body = try #require(html.range(of: "Sáng ngày 16 tháng 01"))
        #expect(notes.lowerBound > body.lowerBound, "the notes follow the article's text")
        #expect(html.contains("Số liệu đã qua kiểm toán nội bộ"))
    }

    /// A pull quote is an aside, not a citation.
    @Test func aPullQuoteIsAnAside() throws {
        let html = try articleHTML("lien-hiep-hoi")
        #expect(html.contains("<aside class=\"pullquote\">\n<p>“Tỉnh cần những ý kiến nói thật, nói đúng và nói sớm.”</p>\n</aside>"))
    }
}
