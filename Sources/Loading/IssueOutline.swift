import Diagnostics
import Foundation
import Yams

/// What `bantin new` needs of an `issue.yaml`: its numbering, its layout and its sections with the
/// paths they list — read with the loader's own readers, but without loading any article — and,
/// for a textual edit, where each section's `articles:` stands in the text.
public struct IssueOutline: Sendable {
    public struct Section: Sendable, Equatable {
        public var title: String
        public var articles: [String]
    }

    public var number: Int?
    public var year: Int?
    public var quarter: Int?
    public var layout: String?
    public var sections: [Section]
    /// Where `sections:` is written (line, column), for a diagnostic about the sections.
    public var sectionsAt: (line: Int, column: Int)?
    /// Per section, where its `articles:` list is written (same order as `sections`).
    var places: [ArticlesPlace?]

    /// Where section `index`'s `articles:` key is written, for a diagnostic about its list.
    public func articlesAt(section index: Int) -> (line: Int, column: Int)? {
        places.indices.contains(index) ? places[index]?.key : nil
    }

    /// Where a section's `articles:` value is in the text, 1-based lines and columns in
    /// Unicode scalars, as libyaml counts them.
    struct ArticlesPlace: Sendable {
        var key: Position
        /// Where the list starts (`[` of a flow list); nil for `articles:` with nothing after it.
        var value: Position?
        var items: [Position]
    }

    typealias Position = (line: Int, column: Int)

    /// Reads the text of an issue.yaml; its problems go to `engine` (located at `path`), and nil
    /// comes back when it is not a mapping with a list of sections.
    public static func read(_ text: String, path: String, engine: DiagnosticEngine) -> IssueOutline? {
        let file = SourceFile(path: path, text: text)
        engine.register(file)
        let yaml = YAMLDocument(file: file, engine: engine)
        guard let map = MappingReader(yaml.root, in: yaml, what: "issue.yaml", engine: engine) else { return nil }
        map.checkKeys(IssueLoader.keys)
        var outline = IssueOutline(number: map.int("number", in: 1...9999), year: map.int("year", in: 1900...2999),
                                   quarter: map.int("quarter", in: 1...4), layout: map.string("layout"), sections: [],
                                   sectionsAt: map.pairs.first { $0.key == "sections" }?.keyNode.mark.map { ($0.line, $0.column) }, places: [])
        guard let list = map.value("sections")?.sequence else {
            engine.emit(.error("yaml-type", "issue.yaml has no list of 'sections'", at: map.range("sections"),
                               hint: "start each section with `- title: …` under `sections:`"))
            return nil
        }
        for item in list {
            guard let section = MappingReader(item, in: yaml, what: "a section", engine: engine) else { continue }
            section.checkKeys(["title", "articles"])
            let title = section.string("title", required: true) ?? ""
            outline.sections.append(Section(title: title, articles: (section.strings("articles") ?? []).map(\.text)))
            outline.places.append(place(of: section))
        }
        return outline
    }

    /// Reads `issue.yaml` in `folder` as `read` does, quietly: nil when it is missing or broken.
    public static func read(folder: URL) -> IssueOutline? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("issue.yaml").path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        return read(Unicode.ingest(text), path: "issue.yaml", engine: DiagnosticEngine())
    }

    /// `2025-q1` → (2025, 1): the year and quarter a folder's name gives, as the loader reads it.
    public static func yearAndQuarter(inFolderName name: String) -> (year: Int, quarter: Int)? {
        IssueLoader.yearAndQuarter(in: name)
    }

    private static func place(of section: MappingReader) -> ArticlesPlace? {
        guard let pair = section.pairs.first(where: { $0.key == "articles" }), let key = pair.keyNode.mark else { return nil }
        if let scalar = pair.value.scalar, scalar.string.isEmpty, scalar.style == .plain {
            return ArticlesPlace(key: (key.line, key.column), value: nil, items: [])
        }
        guard let value = pair.value.mark, let sequence = pair.value.sequence else { return nil }
        let items = sequence.compactMap { $0.mark.map { (line: $0.line, column: $0.column) } }
        guard items.count == sequence.count else { return nil }
        return ArticlesPlace(key: (key.line, key.column), value: (value.line, value.column), items: items)
    }
}
