import Model

/// `styles:` — paragraph and character styles by `StyleName`. A file's declarations are kept as
/// read; `StyleSheet` resolves them over every file read (defaults.yaml, then the layout).
extension LayoutReader {
    static let styleKeys = ["font", "bold", "italic", "size", "leading", "align", "indent",
                            "space-before", "space-after", "color", "uppercase", "tracking", "based-on"]

    /// The file's style declarations; a name that is no style is an error with a suggestion.
    func readStyles() -> [StyleName: MappingReader] {
        guard let styles = section("styles", what: "styles") else { return [:] }
        var declared: [StyleName: MappingReader] = [:]
        for pair in styles.pairs {
            guard let name = StyleName(rawValue: pair.key) else {
                engine.emit(.error("unknown-style", "unknown style '\(pair.key)'", at: map.document.range(pair.keyNode),
                                   hint: String.suggestion(for: pair.key, among: StyleName.allNames, what: "styles")))
                continue
            }
            declared[name] = MappingReader(pair.value, in: map.document, what: "style '\(pair.key)'", engine: engine)
        }
        if complete {
            for name in StyleName.allCases where declared[name] == nil && styles.value(name.rawValue) == nil {
                missing(name.rawValue, in: styles)
            }
        }
        return declared
    }

    /// One declaration over `base`; a `complete` one (defaults.yaml, no `based-on`) must give every key.
    func read(_ s: MappingReader, over base: TextStyle, fonts: [String: FontFamily], complete: Bool) -> TextStyle {
        s.checkKeys(Self.styleKeys)
        if complete {
            for key in Self.styleKeys.dropLast() where s.value(key) == nil { missing(key, in: s) }
        }
        var style = base
        if let family = s.string("font") {
            if fonts[family] != nil {
                style.family = family
            } else {
                engine.emit(.error("unknown-font", "unknown font family '\(family)'", at: s.range("font"),
                                   hint: String.suggestion(for: family, among: fonts.keys.sorted(), what: "families under fonts:")))
            }
        }
        style.bold = bool(s, "bold") ?? style.bold
        style.italic = bool(s, "italic") ?? style.italic
        style.uppercase = bool(s, "uppercase") ?? style.uppercase
        style.size = length(s, "size") ?? style.size
        style.leading = length(s, "leading") ?? style.leading
        style.firstLineIndent = length(s, "indent") ?? style.firstLineIndent
        style.tracking = length(s, "tracking") ?? style.tracking
        style.spaceBefore = length(s, "space-before") ?? style.spaceBefore
        style.spaceAfter = length(s, "space-after") ?? style.spaceAfter
        style.align = choice(s, "align", what: "alignment") ?? style.align
        style.color = color(s, "color") ?? style.color
        return style
    }
}

extension StyleName {
    static let allNames = allCases.map(\.rawValue).sorted()
}
