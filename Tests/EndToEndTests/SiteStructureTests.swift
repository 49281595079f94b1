import Diagnostics
import Bantin
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Model
import Testing
import TestSupport
@testable import Web

/// Issue 17, items 4 and 5: what the association's site has (closing byline, related cards with
/// a thumbnail, date and excerpt, the footer's imprint, icons, robots.txt) and the structure
/// (headings, alt text, caption and credit, figures opening their large copy, the full feed),
/// read from the built pages with an HTML5 parser (Tests/WebCheck/structure.py).
@Suite(.serialized) struct SiteStructureTests {
    var web: URL { sample.out.appendingPathComponent("web") }

    /// Each page's structure as html5lib builds it, by path relative to `folder`.
    static func structure(_ pages: [String], in folder: URL) throws -> [String: [String: Any]] {
        let script = projectRoot.appendingPathComponent("Tests/WebCheck/structure.py").path
        let result = try run("/usr/bin/python3", [script] + pages.map { folder.appendingPathComponent($0).path })
        #expect(result.status == 0, "\(result.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: [String: Any]])
        return Dictionary(uniqueKeysWithValues: json.map { (String($0.key.dropFirst(folder.path.count + 1)), $0.value) })
    }

    func articlePages() throws -> [(Article, [String: Any])] {
        let articles = sample.built.issue.articles
        let pages = try Self.structure(articles.map { "2025-q1/\($0.slug)/index.html" }, in: web)
        return try articles.map { ($0, try #require(pages["2025-q1/\($0.slug)/index.html"])) }
    }

    /// `#` and `##` are `<h2>`, `###` `<h3>`: as many of each in the page as in the Markdown,
    /// besides the notes' and related articles' headings and the cards' titles.
    @Test func headingsFollowTheMarkdown() throws {
        var sections = 0
        for (article, page) in try articlePages() {
            let levels = article.blocks.compactMap { if case .heading(let level, _) = $0.kind { level } else { nil } }
            let headings = try #require(page["headings"] as? [[Any]])
            let related = (page["related"] as? [Any])?.count ?? 0
            let count = { (n: Int) in headings.filter { $0[0] as? Int == n }.count }
            #expect(count(1) == 1, "\(article.slug)")
            #expect(count(2) == levels.filter { $0 <= 2 }.count + (article.footnotes.isEmpty ? 0 : 1) + 1, "\(article.slug): \(headings)")
            #expect(count(3) == levels.filter { $0 == 3 }.count + related, "\(article.slug): \(headings)")
            sections += levels.filter { $0 == 2 }.count
        }
        #expect(sections >= 5, "the sample has \(sections) `##` headings")
    }

    /// Alt text is not the caption (empty when the front matter gives none); caption and credit
    /// are apart, a full stop between them; every figure links to its largest copy, with a name.
    @Test func figuresHaveAltCaptionCreditAndALargeCopy() throws {
        var figures = 0
        for (article, page) in try articlePages() {
            for figure in try #require(page["figures"] as? [[String: Any]]) {
                figures += 1
                let caption = try #require(figure["caption"] as? String), alt = try #require(figure["alt"] as? String)
                #expect(alt != caption && (alt.isEmpty || !caption.hasPrefix(alt)), "\(article.slug): alt repeats the caption")
                if let credit = figure["credit"] as? String {
                    #expect(credit.hasPrefix("Ảnh:") || credit.hasPrefix("Biểu đồ:") || credit.hasPrefix("Sơ đồ:"), "\(credit)")
                    #expect(caption.hasSuffix(". " + credit), "\(article.slug): “\(caption)”")
                }
                let link = try #require(figure["link"] as? String, "\(article.slug): no link to the large copy")
                let target = web.appendingPathComponent("2025-q1/\(article.slug)").appendingPathComponent(link).standardized
                let copies = try FileManager.default.contentsOfDirectory(atPath: web.appendingPathComponent("2025-q1/images").path)
                let stem = target.deletingPathExtension().lastPathComponent.split(separator: "-").dropLast().joined(separator: "-")
                let widths = copies.filter { $0.hasPrefix(stem + "-") }.compactMap { Int($0.dropFirst(stem.count + 1).prefix { $0.isNumber }) }
                #expect(FileManager.default.fileExists(atPath: target.path), "\(link)")
                #expect(target.lastPathComponent.contains("-\(widths.max() ?? -1)."), "\(link) is not the largest of \(widths)")
                #expect((figure["linkName"] as? String)?.contains("Xem ảnh cỡ lớn") == true)
                #expect((figure["chart"] as? Bool) == link.hasSuffix(".png"), "\(link)")
            }
        }
        #expect(figures >= 5)
    }

    /// The byline again as the article's last line.
    @Test func theBylineClosesTheArticle() throws {
        for (article, page) in try articlePages() where !article.authors.isEmpty {
            let last = try #require(page["lastInArticle"] as? [String: Any])
            #expect(last["class"] as? String == "signature", "\(article.slug)")
            #expect(last["text"] as? String == article.authors.joined(separator: ", "))
        }
    }

    /// Related cards: a thumbnail that exists, the date in parentheses, and about 300 characters
    /// of the article's text (not its summary) ending at a word with "…".
    @Test func relatedCardsHaveThumbnailDateAndExcerpt() throws {
        let bySummary = Set(sample.built.issue.articles.compactMap(\.summary))
        var cards = 0
        for (article, page) in try articlePages() {
            for card in try #require(page["related"] as? [[String: Any]]) {
                cards += 1
                let src = try #require(card["thumbnail"] as? String, "\(article.slug): a card without thumbnail")
                #expect(FileManager.default.fileExists(atPath: web.appendingPathComponent("2025-q1/\(article.slug)").appendingPathComponent(src).standardized.path), "\(src)")
                let date = try #require(card["date"] as? String)
                #expect(date.wholeMatch(of: /\(\d\d\/\d\d\/\d{4}\)/) != nil, "\(date)")
                let excerpt = try #require(card["excerpt"] as? String)
                #expect(!bySummary.contains(excerpt))
                #expect(excerpt.count >= 200 && excerpt.count <= 301, "\(excerpt.count): \(excerpt)")
                #expect(excerpt.hasSuffix("…") && !excerpt.dropLast().hasSuffix(" "), "\(excerpt)")
                let text = sample.built.issue.articles.map { a in
                    a.blocks.compactMap { if case .paragraph(let i) = $0.kind { i.plainText } else { nil } }
                        .joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
                }
                #expect(text.contains { $0.hasPrefix(String(excerpt.dropLast())) && $0.dropFirst(excerpt.count - 1).first == " " },
                        "not cut at a word: \(excerpt)")
            }
        }
        #expect(cards >= sample.built.issue.articles.count)
    }

    /// The footer of every page: publisher, address, contact and licence from publication.yaml.
    @Test func everyFooterHasTheImprint() throws {
        let pages = try FileManager.default.subpathsOfDirectory(atPath: web.path).filter { $0.hasSuffix(".html") }
        let structure = try Self.structure(pages, in: web)
        #expect(structure.count == pages.count && pages.count >= 12)
        for (path, page) in structure {
            let footer = try #require(page["footer"] as? String)
            #expect(footer.contains("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Lâm"), "\(path)")
            #expect(footer.contains("Giấy phép xuất bản số 05/GP-STTTT"), "\(path)")
            let address = try #require((page["footerAddress"] as? [String])?.first, "\(path)")
            #expect(address.contains("Số 12 đường Hùng Vương") && address.contains("bantin@example.org"), "\(address)")
            let icons = try #require(page["icons"] as? [[String: Any]])
            #expect(icons.compactMap { $0["sizes"] as? String }.sorted() == ["180x180", "32x32"], "\(path)")
            for icon in icons {
                let href = try #require(icon["href"] as? String)
                let target = web.appendingPathComponent(path).deletingLastPathComponent().appendingPathComponent(href).standardized
                #expect(FileManager.default.fileExists(atPath: target.path), "\(path): \(href)")
            }
        }
    }

    /// The icons are PNGs of 32 and 180 pixels (and favicon.ico holds the small one);
    /// robots.txt allows every page and names the sitemap.
    @Test func iconsAndRobots() throws {
        for (name, side) in [("favicon.png", 32), ("apple-touch-icon.png", 180)] {
            let size = try PNGSize(web.appendingPathComponent(name))
            #expect(size.width == side && size.height == side, "\(name): \(size)")
        }
        let ico = try Data(contentsOf: web.appendingPathComponent("favicon.ico"))
        #expect(Array(ico.prefix(6)) == [0, 0, 1, 0, 1, 0] && Array(ico[22..<30]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let robots = try String(contentsOf: web.appendingPathComponent("robots.txt"), encoding: .utf8)
        #expect(robots.contains("User-agent: *\nAllow: /\n"))
        #expect(robots.contains("Sitemap: https://example.org/bantin/sitemap.xml"))
        #expect(Badges.initials("Bản tin Khoa học và Công nghệ") == "BT")
        #expect(Badges.initials("Đời sống — khoa học") == "ĐS")
    }

    /// Every feed entry: `published` (the article's date), `updated`, and the whole article as
    /// HTML with absolute image URLs; the summary kept.
    @Test func feedEntriesHaveDatesAndFullContent() throws {
        let feed = try XMLDocument(contentsOf: web.appendingPathComponent("feed.xml"))
        let entries = try #require(feed.rootElement()).elements(forName: "entry")
        #expect(entries.count == sample.built.issue.articles.count)
        var images = 0
        for entry in entries {
            let title = try #require(entry.elements(forName: "title").first?.stringValue)
            let article = try #require(sample.built.issue.articles.first { $0.title == title })
            let published = try #require(entry.elements(forName: "published").first?.stringValue)
            #expect(published == (article.date ?? sample.built.issue.date).iso + "T00:00:00Z")
            #expect(entry.elements(forName: "updated").first?.stringValue.map { $0 >= published } == true)
            let summary = entry.elements(forName: "summary").first?.stringValue ?? ""
            #expect(summary.count > 20)
            let content = try #require(entry.elements(forName: "content").first)
            #expect(content.attributes?.first { $0.name == "type" }?.stringValue == "html")
            let html = try #require(content.stringValue).replacingOccurrences(of: "\n", with: " ")
            // The whole text: every paragraph, and the last one's last words.
            let paragraphs = article.blocks.filter { if case .paragraph = $0.kind { true } else { false } }
            #expect(html.components(separatedBy: "<p>").count - 1 >= paragraphs.count, "\(article.slug): the content is cut short")
            let tail = try #require(paragraphs.last).plainText.split(separator: " ").suffix(2).joined(separator: " ")
            #expect(html.replacing(/<[^>]*>/, with: "").contains(HTML.escape(tail)), "\(article.slug): no “\(tail)”")
            #expect(!html.contains("Xem ảnh cỡ lớn"), "words for screen readers would show in a feed reader")
            #expect(html.components(separatedBy: "<h2>").count - 1 >= article.blocks.filter { if case .heading(2, _) = $0.kind { true } else { false } }.count)
            for src in html.components(separatedBy: "src=\"").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) {
                #expect(src.hasPrefix("https://example.org/bantin/2025-q1/images/"), "\(src)")
                let local = web.appendingPathComponent(String(src.dropFirst("https://example.org/bantin/".count)))
                #expect(FileManager.default.fileExists(atPath: local.path), "\(src)")
                images += 1
            }
        }
        #expect(images == sample.built.issue.articles.flatMap(\.figures).count)
    }

    /// In a project of its own: alt text from the front matter, a section's drawn thumbnail for
    /// an article without a picture in an issue without a cover, a favicon from a file, no
    /// sitemap line in robots.txt without a base URL; alt text for an image the article does not
    /// show is a warning, a missing favicon an error.
    @Test func altTextSectionThumbnailAndConfiguredFavicon() throws {
        let project = try TestProject()
        try project.write("issues/publication.yaml", """
            title: Bản tin thử
            publisher: Liên hiệp Hội thử
            web: { favicon: logo.png }
            address: "Số 1 đường Thử"
            """)
        try project.write("issues/logo.png", PNGMaker.solid(width: 300, height: 200))
        try project.write("issues/x/images/a.png", PNGMaker.solid(width: 900, height: 600))
        let long = String(repeating: "Nội dung của bài viết thử nghiệm có nhiều chữ. ", count: 12)
        try project.issue([
            ("a.md", "---\ntitle: Bài có hình\nauthors: [Lê Thị Thử]\nalt: { ../images/a.png: \"Khối màu cam\", images/khong-co.png: \"Không có\" }\n---\n\n# Phần một\n\n\(long)\n\n![Hình thử](../images/a.png \"Ảnh: Ban Biên tập\")\n\n### Chi tiết\n\n#### Sâu hơn\n\nHết.\n"),
            ("b.md", "---\ntitle: Bài không hình\n---\n\n\(long)\n"),
        ])
        let (pdf, diagnostics) = project.build()
        #expect(pdf != nil, "\(diagnostics)")
        let stray = try #require(diagnostics.first { $0.id == "alt-image" }, "\(diagnostics)")
        #expect(stray.severity == .warning && stray.message.contains("images/khong-co.png") && stray.range?.start.line == 4, "\(stray)")
        let web = project.url("out/web")
        let pages = try Self.structure(["x/bai-co-hinh/index.html", "x/bai-khong-hinh/index.html"], in: web)
        let a = try #require(pages["x/bai-co-hinh/index.html"]), b = try #require(pages["x/bai-khong-hinh/index.html"])
        let levels = try #require(a["headings"] as? [[Any]])
        let headings = levels.map { "\($0[0]):\($0[1])" }
        #expect(Array(headings.prefix(4)) == ["1:Bài có hình", "2:Phần một", "3:Chi tiết", "4:Sâu hơn"], "\(headings)")
        let figure = try #require((a["figures"] as? [[String: Any]])?.first)
        #expect(figure["alt"] as? String == "Khối màu cam")
        #expect(figure["caption"] as? String == "Hình thử. Ảnh: Ban Biên tập")
        // b's related card shows a (its picture); a's shows b's section, drawn.
        let thumbOfA = try #require((b["related"] as? [[String: Any]])?.first?["thumbnail"] as? String)
        #expect(thumbOfA.hasSuffix("x/images/a-400.png"), "\(thumbOfA)")
        let thumbOfB = try #require((a["related"] as? [[String: Any]])?.first?["thumbnail"] as? String)
        #expect(thumbOfB == "../../sections/tin.png")
        let section = try PNGSize(web.appendingPathComponent("sections/tin.png"))
        #expect(section.width == 400 && section.height == 300)
        #expect(try PNGSize(web.appendingPathComponent("apple-touch-icon.png")) == PNGSize(width: 180, height: 180))
        #expect(try project.read("out/web/robots.txt") == "User-agent: *\nAllow: /\n")
        #expect((a["footerAddress"] as? [String]) == ["Địa chỉ: Số 1 đường Thử"])
        #expect(!(a["footer"] as? String ?? "").contains("Giấy phép"))

        try project.write("issues/publication.yaml", "title: Bản tin thử\npublisher: Liên hiệp Hội thử\nweb: { favicon: khong-co.png }\n")
        let (_, broken) = project.build()
        #expect(broken.contains { $0.id == "missing-image" && $0.message.contains("favicon") }, "\(broken)")
    }
}

/// A PNG's size from its IHDR chunk.
struct PNGSize: Equatable, CustomStringConvertible {
    var width: Int, height: Int

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    init(_ url: URL) throws {
        let data = try Data(contentsOf: url)
        guard data.count > 24, Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        func be32(_ at: Int) -> Int { data[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        width = be32(16)
        height = be32(20)
    }

    var description: String { "\(width)×\(height)" }
}
