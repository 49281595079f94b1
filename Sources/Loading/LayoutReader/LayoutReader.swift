import Diagnostics
import Model

/// Reads one layout file's sections into a spec, one small reader per section (a file each in
/// this folder), checking every key. `layouts/defaults.yaml` is read `complete`: it must give
/// every key, so a key it lacks is an error located in it.
struct LayoutReader {
    let map: MappingReader
    let workspace: Workspace
    let engine: DiagnosticEngine
    /// True for `layouts/defaults.yaml`, which gives every value.
    let complete: Bool

    static let keys = ["page", "columns", "fonts", "fallback", "styles", "figures", "text", "masters", "articles",
                       "padding", "padding-pages", "colophon", "opener", "cover", "contents", "print", "booklet"]

    /// Every section but `styles`, which the loader resolves over all the files read (`StyleSheet`).
    func apply(to spec: inout LayoutSpec) {
        map.checkKeys(Self.keys)
        readPage(&spec)
        readColumns(&spec)
        readText(&spec)
        readMasters(&spec)
        readArticles(&spec)
        readPaddingPages(&spec)
        readColophon(&spec)
        readPrint(&spec)
        readBooklet(&spec)
        readOpener(&spec)
        readContents(&spec)
        readCover(&spec)
        readFigures(&spec)
        readFonts(&spec)
    }

    /// A section (a mapping under `key`); in defaults.yaml a missing one is an error.
    func section(_ key: String, in parent: MappingReader? = nil, what: String) -> MappingReader? {
        let parent = parent ?? map
        if parent.value(key) == nil {
            if complete { missing(key, in: parent) }
            return nil
        }
        return parent.mapping(key, what: what)
    }

    /// Reads `key` with `parse` into `value` when the file gives it; defaults.yaml must give it.
    func set<T>(_ value: inout T, _ m: MappingReader, _ key: String, _ parse: (MappingReader, String) -> T?) {
        guard m.value(key) != nil else {
            if complete { missing(key, in: m) }
            return
        }
        if let v = parse(m, key) { value = v }
    }

    func missing(_ key: String, in m: MappingReader) {
        engine.emit(.error("missing-key", "\(m.what) has no '\(key)'", at: m.document.range(m.node),
                           hint: "layouts/defaults.yaml gives every key of a layout, with its default value; add `\(key): …`"))
    }
}
