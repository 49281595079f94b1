import Foundation
import Imaging
import Model
import Output

/// Writes the web edition of a set of issues into `out/web/`: for each issue its front page,
/// one page per article and its images (resized copies); across issues the archive, the Atom
/// feed, the sitemap, `robots.txt`, the icons and the search page with its index. No layout engine is involved.
public struct WebSite: Sendable {
    public let theme: WebTheme
    /// `fonts/`: the web fonts are copied from here, self-hosted.
    public let fontsDirectory: URL

    public init(theme: WebTheme, fontsDirectory: URL) {
        self.theme = theme
        self.fontsDirectory = fontsDirectory
    }

    /// Widths of the resized copies: `srcset` candidates and the 400 px thumbnails.
    static let widths = [400, 800, 1200]

    /// An issue to publish, with its screen PDF (copied beside its pages).
    public struct Edition: Sendable {
        public var issue: Issue
        public var pdf: URL?

        public init(issue: Issue, pdf: URL?) {
            self.issue = issue
            self.pdf = pdf
        }
    }

    /// Writes the pages of `editions` and everything across issues; returns the pages written,
    /// relative to `web`. `alsoPublished` are issues whose pages an earlier build wrote: they are
    /// not written again, but the archive, feed, sitemap, search and related articles cover them,
    /// so building one issue never takes another off the site. Issues are catalogued in the
    /// order of their ids, whichever were built this time.
    @discardableResult
    public func write(_ editions: [Edition], alsoPublished: [Issue] = [], to web: URL) throws -> [String] {
        let writer = FileWriter(root: web)
        let catalogue = Catalogue(editions: (editions.map(\.issue) + alsoPublished).sorted { $0.id < $1.id })
        let publication = editions.first?.issue.publication ?? alsoPublished.first?.publication
        var theme = self.theme
        let characters = publication.map { SiteCharacters.of(catalogue, publication: $0, texts: theme.texts) } ?? SiteCharacters.base
        theme.assets = try SiteAssets.write(theme: theme.directory, fontsDirectory: fontsDirectory, characters: characters,
                                            keepingHashed: !alsoPublished.isEmpty, into: writer)
        var written: [String] = []
        for edition in editions {
            let issue = edition.issue
            let images = try ImageSet.write(issue, into: web.appendingPathComponent("\(issue.id)/images"))
            if let pdf = edition.pdf { try Self.copyPDF(pdf, of: issue, into: web) }
            let pages = PageBuilder(theme: theme, issue: issue, images: images, catalogue: catalogue)
            try writer.write(pages.issuePage(), to: "\(issue.id)/index.html")
            written.append("\(issue.id)/index.html")
            for (section, article) in issue.sections.flatMap({ s in s.articles.map { (s, $0) } }) {
                let path = "\(issue.id)/\(article.slug)/index.html"
                try writer.write(pages.articlePage(article, in: section), to: path)
                written.append(path)
            }
        }
        guard let publication else { return written }
        let site = SitePages(theme: theme, publication: publication, catalogue: catalogue)
        try writer.write(site.archive(), to: "index.html")
        try writer.write(site.search(), to: "search/index.html")
        try writeSearchIndex(site.searchIndex(), writer)
        try writer.write(site.feed(), to: "feed.xml")
        try writer.write(site.sitemap(), to: "sitemap.xml")
        try writer.write(site.robots(), to: "robots.txt")
        let pictureless = catalogue.entries.filter { $0.thumbnail == nil && $0.issue.cover?.image == nil }
        try Badges.write(writer, publication: publication, sections: Set(pictureless.map(\.section.title)), fonts: fontsDirectory)
        return written + ["index.html", "search/index.html"]
    }

    /// The index files, `docs.json` last since it names the others; then the shards and texts
    /// an earlier build wrote and this one did not (another site's words) are removed.
    private func writeSearchIndex(_ files: [(path: String, data: Data)], _ writer: FileWriter) throws {
        for file in files { try writer.write(file.data, to: "search/" + file.path) }
        let written = Set(files.map(\.path))
        for folder in ["terms", "text"] {
            let url = writer.root.appendingPathComponent("search/\(folder)")
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            where name.hasSuffix(".json") && !name.hasPrefix(".") && !written.contains("\(folder)/\(name)") {
                try? FileManager.default.removeItem(at: url.appendingPathComponent(name))
            }
        }
        // The one-file index earlier versions wrote, which nothing reads any more.
        try? FileManager.default.removeItem(at: writer.root.appendingPathComponent("search.json"))
    }

    /// The issue's screen PDF beside its pages, as the pages link to it.
    public static func copyPDF(_ pdf: URL, of issue: Issue, into web: URL) throws {
        guard FileManager.default.fileExists(atPath: pdf.path) else { return }
        try FileWriter(root: web).copy(pdf, to: "\(issue.id)/\(Paths.pdfName(issue))")
    }
}

/// Writes files under one folder, each through a temporary file renamed into place.
struct FileWriter {
    let root: URL

    func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    func write(_ data: Data, to path: String) throws {
        try OutputFile.write(data, to: root.appendingPathComponent(path), keepingIdentical: true)
    }

    func copy(_ source: URL, to path: String) throws {
        try write(try Data(contentsOf: source), to: path)
    }
}

enum Paths {
    /// `ban-tin-2025-q1.pdf`: the screen PDF beside the issue's pages.
    static func pdfName(_ issue: Issue) -> String { "ban-tin-\(issue.id).pdf" }
}
