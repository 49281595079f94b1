import Foundation
import Model

/// `fonts:` — families and the files of their faces in `fonts/`; `fallback:` — the families
/// tried for a character a style's family lacks.
extension LayoutReader {
    func readFonts(_ spec: inout LayoutSpec) {
        if let fonts = section("fonts", what: "fonts") {
            for pair in fonts.pairs {
                guard let family = MappingReader(pair.value, in: map.document, what: "font family '\(pair.key)'", engine: engine)
                else { continue }
                family.checkKeys(["regular", "bold", "italic", "bold-italic"])
                let file = { (key: String) in fontFile(family, key) }
                guard let regular = file("regular") else {
                    if family.value("regular") == nil {
                        engine.emit(.error("missing-key", "font family '\(pair.key)' has no 'regular' face",
                                           at: map.document.range(pair.keyNode), hint: "add `regular: NotoSerif-Regular.ttf`"))
                    }
                    continue
                }
                spec.fonts[pair.key] = FontFamily(regular: regular, bold: file("bold"), italic: file("italic"),
                                                  boldItalic: file("bold-italic"))
            }
        }
        if map.value("fallback") == nil, complete { missing("fallback", in: map) }
        if let fallback = map.strings("fallback") {
            spec.fallback = fallback.compactMap { name, range in
                guard spec.fonts[name] != nil else {
                    engine.emit(.error("unknown-font", "unknown font family '\(name)' in fallback", at: range,
                                       hint: String.suggestion(for: name, among: spec.fonts.keys.sorted(), what: "families under fonts:")))
                    return nil
                }
                return name
            }
        }
    }

    private func fontFile(_ family: MappingReader, _ key: String) -> String? {
        guard let name = family.string(key) else { return nil }
        let url = workspace.fontsDirectory.appendingPathComponent(name)
        guard !name.contains("/"), workspace.fileExists(url) else {
            let fonts = ((try? FileManager.default.contentsOfDirectory(atPath: workspace.fontsDirectory.path)) ?? [])
                .filter { $0.hasSuffix(".ttf") || $0.hasSuffix(".otf") }.sorted()
            engine.emit(.error("missing-font", "no font file '\(name)' in fonts/", at: family.range(key),
                               hint: String.suggestion(for: name, among: fonts, what: "fonts in fonts/")))
            return nil
        }
        return name
    }
}
