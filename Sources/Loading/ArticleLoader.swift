import Diagnostics
import Foundation
import Model

/// Reads one article: YAML front matter between `---` lines, then the CommonMark body.
struct ArticleLoader {
    let workspace: Workspace
    let issueFolder: URL
    let engine: DiagnosticEngine

    static let frontMatterKeys = ["title", "subtitle", "authors", "date", "summary", "tags", "layout", "slug", "alt"]

    func load(_ url: URL, referencedFrom reference: SourceRange) -> Article? {
        guard let file = workspace.readText(url, referencedFrom: reference, engine: engine) else { return nil }
        let (front, body, bodyLine) = split(file)
        guard let front else {
            engine.emit(.error("front-matter", "the article has no front matter", at: .file(file.path),
                               hint: "start the file with `---`, a line `title: …`, and another `---`"))
            return nil
        }
        let yaml = YAMLDocument(file: file, text: front, lineOffset: 1, engine: engine)
        guard let root = yaml.root else {
            if !yaml.failed {
                engine.emit(.error("missing-key", "the front matter is empty", at: yaml.startRange,
                                   hint: "add at least a line `title: …`"))
            }
            return nil
        }
        guard let meta = MappingReader(root, in: yaml, what: "the front matter", engine: engine) else { return nil }
        meta.checkKeys(Self.frontMatterKeys)
        let title = meta.string("title", required: true, example: "Hội nghị tổng kết năm 2024")
        let parser = MarkdownParser(file: file, lineOffset: bodyLine - 1, engine: engine) { url, range in
            resolveImage(url, from: file, range: range)
        }
        let parsed = parser.parse(body)
        var slug = (title ?? url.deletingPathExtension().lastPathComponent).slug, pinned = false
        if let wanted = meta.string("slug") {
            if wanted.slug == wanted && !Slugs.reserved.contains(wanted) {
                slug = wanted
                pinned = true
            } else {
                engine.emit(.error("bad-slug", "'\(wanted)' cannot be a page address", at: meta.range("slug"),
                                   hint: Slugs.reserved.contains(wanted) ? "the issue's folder uses '\(wanted)'; choose another word"
                                       : "use lowercase letters without tones, digits and hyphens, e.g. `slug: \(wanted.slug)`"))
            }
        }
        var article = Article(
            path: file.path, slug: slug,
            title: title.map(Unicode.cleanInlineText) ?? url.lastPathComponent,
            subtitle: meta.string("subtitle").map(Unicode.cleanInlineText),
            authors: meta.strings("authors")?.map(\.text) ?? [],
            date: meta.date("date"),
            summary: meta.string("summary").map(Unicode.cleanInlineText),
            tags: meta.strings("tags")?.map(\.text) ?? [],
            blocks: parsed.blocks, footnotes: parsed.footnotes, slugIsPinned: pinned)
        if let alt = meta.mapping("alt", what: "alt") { article.alt = altTexts(alt, figures: article.figures, file: file) }
        return article
    }

    /// `alt: { ../images/hoi-nghi.jpg: "…" }`: each key is an image of one of the article's
    /// figures, written as in its Markdown (relative to the article) or from the issue folder.
    private func altTexts(_ map: MappingReader, figures: [Figure], file: SourceFile) -> [String: String] {
        let articleFolder = workspace.url(forDisplayPath: file.path).standardized.deletingLastPathComponent()
        let shown = Set(figures.map(\.image.issuePath))
        var out: [String: String] = [:]
        for pair in map.pairs {
            guard let text = map.string(pair.key) else { continue }
            let candidates = [articleFolder, issueFolder].compactMap { workspace.resolve(pair.key, against: $0, inside: issueFolder) }
                .map { String($0.path.dropFirst(issueFolder.standardized.path.count + 1)) }
            guard let path = candidates.first(where: shown.contains) else {
                engine.emit(.warning("alt-image", "the article shows no image '\(pair.key)'", at: map.document.range(pair.keyNode),
                                     hint: shown.isEmpty ? "the article has no figure" : "its images: " + shown.sorted().joined(separator: ", ")))
                continue
            }
            out[path] = Unicode.cleanInlineText(text)
        }
        return out
    }

    /// Splits `---\nfront\n---\nbody`; `bodyLine` is the 1-based line where the body starts.
    private func split(_ file: SourceFile) -> (front: String?, body: String, bodyLine: Int) {
        guard file.line(1) == "---" else { return (nil, file.text, 1) }
        var n = 2
        while let line = file.line(n) {
            if line == "---" || line == "..." {
                let front = String(file.lines(2, through: n - 1))
                let body = String(file.lines(n + 1, through: file.lineCount))
                return (front, body, n + 1)
            }
            n += 1
        }
        return (nil, file.text, 1)
    }

    /// An image path is relative to the article file and may not leave the issue folder.
    private func resolveImage(_ path: String, from file: SourceFile, range: SourceRange) -> ImageRef? {
        let articleFolder = workspace.url(forDisplayPath: file.path).standardized.deletingLastPathComponent()
        return ImageLoader(workspace: workspace, issueFolder: issueFolder, engine: engine)
            .load(path, relativeTo: articleFolder, at: range)
    }
}

/// Finds, checks and probes an image named in an article or in `issue.yaml`.
struct ImageLoader {
    let workspace: Workspace
    let issueFolder: URL
    let engine: DiagnosticEngine

    func load(_ path: String, relativeTo base: URL, at range: SourceRange) -> ImageRef? {
        let decoded = path.removingPercentEncoding ?? path
        if decoded.contains("://") || decoded.hasPrefix("data:") {
            engine.emit(.error("remote-image", "images must be files in the issue folder, not '\(decoded.prefix(40))'", at: range,
                               hint: "save the image into images/ and write its path, e.g. ../images/anh.jpg"))
            return nil
        }
        guard let url = workspace.resolve(decoded, against: base, inside: issueFolder) else {
            engine.emit(.error("outside-issue", "the image '\(decoded)' is outside the issue folder", at: range,
                               hint: "copy the image into the issue's images/ folder"))
            return nil
        }
        guard workspace.fileExists(url) else {
            engine.emit(.error("missing-image", "no image file '\(decoded)'", at: range,
                               hint: upOneFolderHint(decoded, relativeTo: base) ?? Workspace.siblingsHint(of: url)))
            return nil
        }
        let issuePath = String(url.path.dropFirst(issueFolder.standardized.path.count + 1))
        switch ImageProbe.probe(url, issuePath: issuePath) {
        case .success(let ref):
            return ref
        case .failure(let failure):
            engine.emit(.error("bad-image", "'\(decoded)': \(failure.message)", at: range, hint: failure.hint))
            return nil
        }
    }

    /// "did you mean ../images/x.jpg?" for a path written as if from the issue folder in an
    /// article of a subfolder (`articles/`): the image is there one folder up, or the path starts
    /// with `images/`, the issue's images folder.
    private func upOneFolderHint(_ path: String, relativeTo base: URL) -> String? {
        let up = "../" + path
        guard base.standardized.path != issueFolder.standardized.path,
              let candidate = workspace.resolve(up, against: base, inside: issueFolder),
              path.hasPrefix("images/") || workspace.fileExists(candidate)
        else { return nil }
        return "did you mean \(up)?"
    }
}
