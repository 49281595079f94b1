import Foundation
import Model

/// Writes the web edition of a set of issues into `out/web/`.
public struct WebEdition {
    /// `layouts/web/`: the stylesheet and anything else a designer puts beside it.
    public let themeDirectory: URL
    /// `fonts/`: the self-hosted web fonts are copied from here.
    public let fontsDirectory: URL

    public init(themeDirectory: URL, fontsDirectory: URL) {
        self.themeDirectory = themeDirectory
        self.fontsDirectory = fontsDirectory
    }

    /// The fonts the stylesheet names (`assets/fonts/…`), copied from `fonts/`.
    static let webFonts = ["NotoSerif-Regular.ttf", "NotoSerif-Italic.ttf", "NotoSerif-Bold.ttf", "NotoSans-Bold.ttf"]

    /// Writes the files of one issue and returns their paths relative to `out/web/`.
    @discardableResult
    public func write(_ issue: Issue, to web: URL) throws -> [String] {
        let writer = FileWriter(root: web)
        try writeAssets(writer)
        let templates = PageTemplates(publication: issue.publication)
        var written: [String] = []

        // Images: every figure's and the cover's, copied under <id>/images/ as in the issue folder.
        var images = Set(issue.articles.flatMap(\.figures).map(\.image))
        if let cover = issue.cover?.image { images.insert(cover) }
        for image in images.sorted(by: { $0.issuePath < $1.issuePath }) {
            try writer.copy(URL(fileURLWithPath: image.file), to: "\(issue.id)/\(image.issuePath)")
        }

        try writer.write(IssuePage(issue: issue, templates: templates).html(), to: "\(issue.id)/index.html")
        written.append("\(issue.id)/index.html")
        let articles = issue.sections.flatMap { section in section.articles.map { (section, $0) } }
        for (i, (section, article)) in articles.enumerated() {
            let page = ArticlePage(issue: issue, section: section, article: article, templates: templates,
                                   previous: i > 0 ? articles[i - 1].1 : nil,
                                   next: i + 1 < articles.count ? articles[i + 1].1 : nil)
            let path = "\(issue.id)/\(article.slug)/index.html"
            try writer.write(page.html(), to: path)
            written.append(path)
        }
        return written
    }

    /// The archive: every issue, newest first.
    public func writeArchive(_ issues: [Issue], to web: URL) throws {
        guard let first = issues.first else { return }
        let templates = PageTemplates(publication: first.publication)
        try FileWriter(root: web).write(ArchivePage(issues: issues, templates: templates).html(), to: "index.html")
    }

    private func writeAssets(_ writer: FileWriter) throws {
        try writer.copy(themeDirectory.appendingPathComponent("style.css"), to: "assets/style.css")
        for font in Self.webFonts {
            try writer.copy(fontsDirectory.appendingPathComponent(font), to: "assets/fonts/\(font)")
        }
    }
}

/// Writes files under one folder, each through a temporary file renamed into place.
struct FileWriter {
    let root: URL

    func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    func write(_ data: Data, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }

    func copy(_ source: URL, to path: String) throws {
        try write(try Data(contentsOf: source), to: path)
    }
}
