import Diagnostics
import Foundation
import Model

/// An issue with the layout it names, ready for the typesetting stages.
public struct LoadedIssue: Sendable {
    public var issue: Issue
    public var layout: LayoutSpec
}

/// Loads `issues/<id>/issue.yaml`, its publication, its layout and every article it lists.
/// Keeps going after errors so one run reports all of them; returns nil if any error was found.
public struct IssueLoader {
    public let workspace: Workspace
    public let engine: DiagnosticEngine

    public init(workspace: Workspace, engine: DiagnosticEngine) {
        self.workspace = workspace
        self.engine = engine
    }

    static let keys = ["number", "year", "quarter", "date", "layout", "cover", "sections"]

    public func load(issueFolder: URL, layoutOverride: String? = nil) -> LoadedIssue? {
        let folder = issueFolder.standardized
        let errorsBefore = engine.errorCount
        let publication = PublicationLoader(workspace: workspace, engine: engine)
            .load(folder.deletingLastPathComponent().appendingPathComponent("publication.yaml"))
        guard let file = workspace.readText(folder.appendingPathComponent("issue.yaml"), referencedFrom: nil, engine: engine) else {
            return nil
        }
        let yaml = YAMLDocument(file: file, engine: engine)
        guard let map = MappingReader(yaml.root, in: yaml, what: "issue.yaml", engine: engine) else { return nil }
        map.checkKeys(Self.keys)
        let number = map.int("number", required: true, in: 1...9999)
        let year = map.int("year", required: true, in: 1900...2999, example: "2025")
        let quarter = map.int("quarter", required: true, in: 1...4)
        let date = map.date("date", required: true)

        let layoutName = layoutOverride ?? map.string("layout") ?? LayoutLoader.defaultName
        let layout = LayoutLoader(workspace: workspace, engine: engine)
            .load(named: layoutName, referencedFrom: layoutOverride == nil && map.value("layout") != nil ? map.range("layout") : nil)

        let cover = loadCover(map, folder: folder)
        let sections = loadSections(map, folder: folder)

        guard engine.errorCount == errorsBefore, let publication, let number, let year, let quarter, let date, let layout else {
            return nil
        }
        let issue = Issue(id: folder.lastPathComponent, publication: publication, number: number, year: year,
                          quarter: quarter, date: date, layoutName: layoutName, cover: cover, sections: uniqueSlugs(sections))
        return LoadedIssue(issue: issue, layout: layout)
    }

    private func loadCover(_ map: MappingReader, folder: URL) -> Cover? {
        guard let cover = map.mapping("cover", what: "cover") else { return nil }
        cover.checkKeys(["image", "headline"])
        let image = cover.string("image").flatMap {
            ImageLoader(workspace: workspace, issueFolder: folder, engine: engine)
                .load($0, relativeTo: folder, at: cover.range("image"))
        }
        return Cover(image: image, headline: cover.string("headline").map(Unicode.cleanInlineText))
    }

    private func loadSections(_ map: MappingReader, folder: URL) -> [Section] {
        guard let node = map.value("sections") else {
            engine.emit(.error("missing-key", "issue.yaml has no 'sections'", at: map.document.range(map.node),
                               hint: "list the articles: `sections: [{ title: …, articles: [articles/01-….md] }]`"))
            return []
        }
        guard let list = node.sequence else {
            engine.emit(.error("yaml-type", "'sections' must be a list", at: map.document.range(node),
                               hint: "start each section with `- title: …`"))
            return []
        }
        // First the outline (titles and resolved paths), then the articles, read in parallel.
        var outline: [(title: String, files: [(url: URL, reference: SourceRange)])] = []
        for item in list {
            guard let section = MappingReader(item, in: map.document, what: "a section", engine: engine) else { continue }
            section.checkKeys(["title", "articles"])
            let title = section.string("title", required: true, example: "Hoạt động Liên hiệp Hội") ?? ""
            if section.value("articles") == nil {
                engine.emit(.error("missing-key", "the section '\(title)' has no 'articles'", at: map.document.range(item),
                                   hint: "add `articles: [articles/01-….md]`"))
            }
            let files = (section.strings("articles") ?? []).compactMap { path, range -> (URL, SourceRange)? in
                guard let url = workspace.resolve(path, against: folder, inside: folder) else {
                    engine.emit(.error("outside-issue", "the article '\(path)' is outside the issue folder", at: range,
                                       hint: "articles are paths inside the issue folder, e.g. articles/01-hoi-nghi.md"))
                    return nil
                }
                return (url, range)
            }
            outline.append((title, files))
        }
        let loader = ArticleLoader(workspace: workspace, issueFolder: folder, engine: engine)
        let articles = Parallel.map(outline.flatMap(\.files)) { loader.load($0.url, referencedFrom: $0.reference) }
        var next = articles.makeIterator()
        return outline.map { section in
            Section(title: section.title, articles: section.files.compactMap { _ in next.next() ?? nil })
        }
    }

    /// Two articles with the same title get `-2`, `-3` … so every web page has its own address.
    private func uniqueSlugs(_ sections: [Section]) -> [Section] {
        var seen: [String: Int] = [:]
        return sections.map { section in
            var section = section
            section.articles = section.articles.map { article in
                var article = article
                let count = seen[article.slug, default: 0] + 1
                seen[article.slug] = count
                if count > 1 { article.slug += "-\(count)" }
                return article
            }
            return section
        }
    }
}
