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
        let (sections, listed) = loadSections(map, folder: folder)
        if let year, let quarter { checkSlips(map, folder: folder, number: number, year: year, quarter: quarter, listed: listed) }
        if engine.errorCount == errorsBefore, map.value("sections") != nil, sections.allSatisfy(\.articles.isEmpty) {
            engine.emit(.warning("empty-issue", "the issue lists no article: it builds as a cover, its contents and padding",
                                 at: map.range("sections"), hint: "list the articles under a section: `articles: [articles/01-….md]`"))
        }

        guard engine.errorCount == errorsBefore, let publication, let number, let year, let quarter, let date, let layout else {
            return nil
        }
        let issue = Issue(id: folder.lastPathComponent, publication: publication, number: number, year: year,
                          quarter: quarter, date: date, layoutName: layoutName, cover: cover, sections: sections)
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

    /// The sections with the articles that loaded, and the paths of every article listed.
    private func loadSections(_ map: MappingReader, folder: URL) -> (sections: [Section], listed: Set<String>) {
        guard let node = map.value("sections") else {
            engine.emit(.error("missing-key", "issue.yaml has no 'sections'", at: map.document.range(map.node),
                               hint: "list the articles: `sections: [{ title: …, articles: [articles/01-….md] }]`"))
            return ([], [])
        }
        guard let list = node.sequence else {
            engine.emit(.error("yaml-type", "'sections' must be a list", at: map.document.range(node),
                               hint: "start each section with `- title: …`"))
            return ([], [])
        }
        // First the outline (titles and resolved paths), then the articles, read in parallel.
        var outline: [(title: String, files: [(url: URL, reference: SourceRange)])] = []
        var listed: [String: SourceRange] = [:]
        // Every path listed as written, resolved or not, for the check of unlisted files.
        var named: Set<String> = []
        for item in list {
            guard let section = MappingReader(item, in: map.document, what: "a section", engine: engine) else { continue }
            section.checkKeys(["title", "articles"])
            let title = section.string("title", required: true, example: "Hoạt động Liên hiệp Hội") ?? ""
            if section.value("articles") == nil {
                engine.emit(.error("missing-key", "the section '\(title)' has no 'articles'", at: map.document.range(item),
                                   hint: "add `articles: [articles/01-….md]`"))
            }
            let files = (section.strings("articles") ?? []).compactMap { path, range -> (URL, SourceRange)? in
                named.insert(folder.appendingPathComponent(path).standardized.path)
                guard let url = workspace.resolve(path, against: folder, inside: folder) else {
                    engine.emit(.error("outside-issue", "the article '\(path)' is outside the issue folder", at: range,
                                       hint: "articles are paths inside the issue folder, e.g. articles/01-hoi-nghi.md"))
                    return nil
                }
                if let first = listed[url.standardized.path] {
                    engine.emit(.error("listed-twice", "the article '\(path)' is listed twice", at: range,
                                       hint: "it is listed at line \(first.start.line) too; remove one of the two"))
                    return nil
                }
                listed[url.standardized.path] = range
                return (url, range)
            }
            outline.append((title, files))
        }
        let loader = ArticleLoader(workspace: workspace, issueFolder: folder, engine: engine)
        let files = outline.flatMap(\.files)
        let loaded = Parallel.map(files) { loader.load($0.url, referencedFrom: $0.reference) }
        var articles = loaded.compactMap { $0 }
        let references = zip(loaded, files).compactMap { $0 == nil ? nil : $1.reference }
        assignSlugs(&articles, listedAt: references)
        // Back into their sections: the articles that loaded, in order.
        var next = articles.makeIterator(), offset = 0
        let sections = outline.map { section in
            defer { offset += section.files.count }
            return Section(title: section.title, articles: loaded[offset..<(offset + section.files.count)].compactMap { $0.flatMap { _ in next.next() } })
        }
        return (sections, named.union(listed.keys))
    }

    /// The slips of an editor who copied an issue: a folder named for another quarter, the
    /// number or quarter of another issue under `issues/`, an article file no section lists —
    /// each a warning at its line.
    private func checkSlips(_ map: MappingReader, folder: URL, number: Int?, year: Int, quarter: Int, listed: Set<String>) {
        let name = folder.lastPathComponent
        if let named = Self.yearAndQuarter(in: name), named != (year, quarter) {
            engine.emit(.warning("folder-quarter", "the folder '\(name)' is named for Q\(named.quarter)/\(named.year), but this issue says Q\(quarter)/\(year)",
                                 at: map.range(named.year != year ? "year" : "quarter"),
                                 hint: "a copied issue.yaml keeps the old year and quarter: correct them, or rename the folder"))
        }
        let issues = folder.deletingLastPathComponent()
        let others = ((try? FileManager.default.contentsOfDirectory(atPath: issues.path)) ?? []).sorted().filter { $0 != name }
        for other in others {
            guard let them = Self.numbering(of: issues.appendingPathComponent(other).appendingPathComponent("issue.yaml"), workspace: workspace)
            else { continue }
            if them.year == year, them.quarter == quarter {
                engine.emit(.warning("same-quarter", "the issue '\(other)' is Q\(quarter)/\(year) too", at: map.range("quarter"),
                                     hint: "a copied issue.yaml keeps the old quarter: give this issue its own"))
            } else if let number, them.year == year, them.number == number {
                engine.emit(.warning("same-number", "the issue '\(other)' is number \(number) of \(year) too", at: map.range("number"),
                                     hint: "a copied issue.yaml keeps the old number: give this issue its own"))
            }
        }
        // Article files in articles/ that no section lists (listed ones that failed to load
        // have been reported already).
        let articles = folder.appendingPathComponent("articles")
        for file in ((try? FileManager.default.contentsOfDirectory(atPath: articles.path)) ?? []).sorted()
        where file.hasSuffix(".md") && !file.hasPrefix(".") {
            let url = articles.appendingPathComponent(file).standardized
            var isFolder: ObjCBool = false
            guard !listed.contains(url.path), FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue
            else { continue }
            engine.emit(.warning("unlisted-article", "no section of issue.yaml lists this article: it is left out of the issue",
                                 at: .file(workspace.displayPath(url)),
                                 hint: "add `articles/\(file)` to a section's `articles:` in issue.yaml, or move the file out of articles/"))
        }
    }

    /// `2025-q1`, `2025-Q1`, `so-3-2025-q1` → (2025, 1); nil for a name without them.
    static func yearAndQuarter(in name: String) -> (year: Int, quarter: Int)? {
        let parts = name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        for (a, b) in zip(parts, parts.dropFirst()) where a.count == 4 && b.count == 2 && b.hasPrefix("q") {
            if let year = Int(a), let quarter = Int(b.dropFirst()), (1...4).contains(quarter) { return (year, quarter) }
        }
        return nil
    }

    /// The number, year and quarter another issue's manifest gives, read quietly; nil when it
    /// has none or does not parse.
    static func numbering(of manifest: URL, workspace: Workspace) -> (number: Int?, year: Int, quarter: Int)? {
        let quiet = DiagnosticEngine()
        guard let file = workspace.readText(manifest, referencedFrom: nil, engine: quiet) else { return nil }
        let yaml = YAMLDocument(file: file, engine: quiet)
        guard let map = MappingReader(yaml.root, in: yaml, what: "issue.yaml", engine: quiet),
              let year = map.int("year"), let quarter = map.int("quarter") else { return nil }
        return (map.int("number"), year, quarter)
    }

    /// Every article gets an address of its own (`Slugs.assign`): two articles pinning the same
    /// `slug:` is an error, a title whose address another article has is a warning that says
    /// where its page went — both at the article's line in issue.yaml.
    private func assignSlugs(_ articles: inout [Article], listedAt references: [SourceRange]) {
        var pinned: [String: Int] = [:]
        for (i, article) in articles.enumerated() where article.slugIsPinned {
            if let first = pinned[article.slug] {
                engine.emit(.error("duplicate-slug", "'\(article.path)' and '\(articles[first].path)' both ask for the address '\(article.slug)'",
                                   at: references[i], hint: "change `slug:` in one of their front matters"))
            }
            pinned[article.slug] = pinned[article.slug] ?? i
        }
        for (i, wanted) in Slugs.assign(&articles) {
            engine.emit(.warning("slug-taken", "the address '\(wanted)' of '\(articles[i].title)' is taken: its page is at '\(articles[i].slug)'",
                                 at: references[i],
                                 hint: "to give it an address of its own for good, set `slug:` in the front matter of '\(articles[i].path)'"))
        }
    }
}
