import Diagnostics
import Foundation
import Loading
import Output

/// `bantin new article ISSUE "Tiêu đề"`: `articles/NN-slug.md` with its front matter, listed at
/// the end of a section of `issue.yaml` by one line typed into it (comments and all else kept).
/// Nothing is written unless the edited manifest reads back as the same issue plus the article;
/// no file is ever overwritten.
public struct NewArticle {
    public let workspace: Workspace
    public let engine: DiagnosticEngine

    public init(workspace: Workspace, engine: DiagnosticEngine) {
        self.workspace = workspace
        self.engine = engine
    }

    /// What was made.
    public struct Made: Sendable {
        public var file: URL
        /// As issue.yaml lists it: `articles/03-tieu-de.md`.
        public var listed: String
        /// The section it was listed in; nil when it was not listed.
        public var section: String?
    }

    /// The longest file name a title gives, before `.md` and after `NN-` (cut at a hyphen).
    static let longestSlug = 48

    /// The line under the front matter, for the editor to replace.
    static let placeholder = "Viết nội dung bài ở đây."

    public func make(issue folder: URL, title rawTitle: String, section wanted: String?, authors: [String]) -> Made? {
        let title = Unicode.cleanInlineText(Unicode.ingest(rawTitle)).trimmingCharacters(in: .whitespacesAndNewlines)
        return add(article(title: title, authors: authors), titled: title, to: folder, section: wanted, listed: true)
    }

    /// Writes `text` (a whole article) as the issue's next `articles/NN-slug.md`, the slug from
    /// `title`, and lists it in the section `wanted` (the last one when nil) when `listed` — as
    /// `bantin import --issue … [--section …]` does with a contributor's file.
    public func add(_ article: String, titled title: String, to folder: URL, section wanted: String?, listed listing: Bool) -> Made? {
        let manifestURL = folder.appendingPathComponent("issue.yaml")
        guard let manifest = readManifest(manifestURL, of: folder) else { return nil }
        let (text, outline) = manifest
        let listed = "articles/" + String(format: "%02d", nextNumber(folder, outline)) + "-" + Self.fileSlug(title) + ".md"
        let file = folder.appendingPathComponent(listed)
        guard listing else {
            guard write(article, to: file, then: nil, to: manifestURL) else { return nil }
            return Made(file: file, listed: listed, section: nil)
        }
        guard let index = sectionIndex(outline, wanted, workspace.displayPath(manifestURL)) else { return nil }
        guard let edited = outline.adding(listed, toSection: index, in: text) else {
            let manifestPath = workspace.displayPath(manifestURL)
            let at = outline.articlesAt(section: index).map { SourceRange(path: manifestPath, line: $0.line, column: $0.column) }
            engine.emit(.error("manifest-edit", "cannot add '\(listed)' to the section '\(outline.sections[index].title)': its `articles:` is written in a way `bantin new` does not edit; nothing was written",
                               at: at ?? .file(manifestPath), hint: "add the line `- \(listed)` under that section's `articles:` by hand, after writing the article"))
            return nil
        }
        guard write(article, to: file, then: edited, to: manifestURL) else { return nil }
        return Made(file: file, listed: listed, section: outline.sections[index].title)
    }

    /// The manifest's text as it is on disk (the edit keeps its bytes) and its outline; nil
    /// after an error when it is missing or does not read cleanly.
    private func readManifest(_ manifestURL: URL, of folder: URL) -> (text: String, outline: IssueOutline)? {
        let manifestPath = workspace.displayPath(manifestURL)
        guard workspace.fileExists(manifestURL) else {
            engine.emit(.error("not-an-issue", "'\(workspace.displayPath(folder))' is not an issue folder: it has no issue.yaml",
                               at: nil, hint: "name an issue's folder, e.g. issues/2025-q1; `bantin new issue` makes one"))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: manifestURL.path), let text = String(data: data, encoding: .utf8) else {
            engine.emit(.error("not-utf8", "'\(manifestPath)' cannot be read as UTF-8 text", at: .file(manifestPath),
                               hint: "run `bantin check \(workspace.displayPath(folder))`"))
            return nil
        }
        let reading = DiagnosticEngine()
        let outline = IssueOutline.read(text, path: manifestPath, engine: reading)
        if let source = reading.sourceFile(manifestPath) { engine.register(source) }
        guard let outline, !reading.hasErrors else {
            engine.emit(contentsOf: reading.diagnostics.filter { $0.severity == .error })
            engine.emit(.error("manifest-broken", "'\(manifestPath)' has errors: the article was not added", at: nil,
                               hint: "fix the errors above, then run this again"))
            return nil
        }
        return (text, outline)
    }

    /// The new article, then the edited manifest; when the manifest cannot be written, the
    /// article goes again. False after an error.
    private func write(_ article: String, to file: URL, then manifest: String?, to manifestURL: URL) -> Bool {
        let path = workspace.displayPath(file), manifestPath = workspace.displayPath(manifestURL)
        do {
            try writeNew(Data(article.utf8), to: file)
        } catch let error as ScaffoldError where error.errno == EEXIST {
            engine.emit(.error("article-exists", "'\(path)' exists already; nothing was written", at: .file(path),
                               hint: "bantin new never overwrites an article: list it in issue.yaml by hand, or give the new one another title"))
            return false
        } catch {
            engine.emit(.error("write-failed", "cannot write '\(path)': \(error); nothing was written", at: .file(path)))
            return false
        }
        guard let manifest else { return true }
        do {
            try OutputFile.write(Data(manifest.utf8), to: manifestURL)
        } catch {
            try? FileManager.default.removeItem(at: file)
            engine.emit(.error("write-failed", "cannot write '\(manifestPath)': \(error); nothing was written", at: .file(manifestPath)))
            return false
        }
        return true
    }

    /// The section `wanted` names (any case, with or without tones), or the last one.
    private func sectionIndex(_ outline: IssueOutline, _ wanted: String?, _ manifestPath: String) -> Int? {
        let sections = outline.sectionsAt.map { SourceRange(path: manifestPath, line: $0.line, column: $0.column) } ?? .file(manifestPath)
        guard !outline.sections.isEmpty else {
            engine.emit(.error("no-section", "issue.yaml has no section to list the article in", at: sections,
                               hint: "add one: `sections:` then `  - title: Tin hoạt động` and `    articles: []`"))
            return nil
        }
        guard let wanted else { return outline.sections.count - 1 }
        if let index = outline.sectionIndex(named: wanted) { return index }
        engine.emit(.error("unknown-section", "issue.yaml has no section '\(wanted)'; nothing was written", at: sections,
                           hint: outline.sectionHint(for: wanted) + " (a new section is added to issue.yaml by hand)"))
        return nil
    }

    /// One more than the highest `NN-` of a file in `articles/` or a path issue.yaml lists.
    private func nextNumber(_ folder: URL, _ outline: IssueOutline) -> Int {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("articles").path)) ?? []
        let listed = outline.sections.flatMap(\.articles).map { ($0 as NSString).lastPathComponent }
        let numbers = (files + listed).compactMap { name -> Int? in
            let digits = name.prefix { $0.isASCII && $0.isNumber }
            return digits.isEmpty || digits.count > 4 ? nil : Int(digits)
        }
        return (numbers.max() ?? 0) + 1
    }

    /// The title's slug, cut after its last whole word within `longestSlug` characters.
    static func fileSlug(_ title: String) -> String {
        let slug = title.slug
        guard slug.count > longestSlug else { return slug }
        let cut = slug.prefix(longestSlug + 1)
        return cut.lastIndex(of: "-").map { String(cut[..<$0]) } ?? String(slug.prefix(longestSlug))
    }

    /// The article's text: front matter and the line that says where to write.
    func article(title: String, authors: [String]) -> String {
        var text = "---\ntitle: \(YAMLText.quoted(title))\n"
        let authors = authors.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if !authors.isEmpty { text += "authors: [" + authors.map(YAMLText.quoted).joined(separator: ", ") + "]\n" }
        return text + "---\n\n\(Self.placeholder)\n"
    }

    /// Writes a file that must not exist yet: through a temporary file beside it, linked to its
    /// name (which, unlike a rename, fails when something is there).
    private func writeNew(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = OutputFile.temporaryURL(for: url)
        defer { try? FileManager.default.removeItem(at: temporary) }
        try data.write(to: temporary)
        guard link(temporary.path, url.path) == 0 else { throw ScaffoldError(errno: errno) }
    }
}
