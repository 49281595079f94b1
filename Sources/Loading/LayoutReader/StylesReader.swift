import Model

/// `styles:` — paragraph and character styles by `StyleName`, and new styles a layout defines
/// with `based-on:` (a pull quote). A file's declarations are kept as read; `StyleSheet`
/// resolves them over every file read (defaults.yaml, then the layout).
extension LayoutReader {
    static let styleKeys = ["font", "bold", "italic", "size", "leading", "align", "indent",
                            "space-before", "space-after", "color", "uppercase", "tracking", "based-on", "rules", "drop-cap"]
    /// The keys defaults.yaml may leave out of a style: they default to nothing.
    static let optionalStyleKeys: Set<String> = ["based-on", "rules", "drop-cap"]

    /// The file's style declarations by name. A name that is no built-in style defines a new
    /// one, which must say what it is `based-on`; without it the name is an error with a suggestion.
    func readStyles() -> [String: MappingReader] {
        guard let styles = section("styles", what: "styles") else { return [:] }
        var declared: [String: MappingReader] = [:]
        for pair in styles.pairs {
            let isBuiltIn = StyleName(rawValue: pair.key) != nil
            let declaration = MappingReader(pair.value, in: map.document, what: "style '\(pair.key)'", engine: engine)
            if !isBuiltIn, declaration?.value("based-on") == nil {
                engine.emit(.error("unknown-style", "unknown style '\(pair.key)'", at: map.document.range(pair.keyNode),
                                   hint: String.suggestion(for: pair.key, among: StyleName.allNames, what: "styles")
                                       + "; to define a new style, say which it is based on: `\(pair.key): { based-on: quote, … }`"))
                continue
            }
            if !isBuiltIn, !Self.isStyleName(pair.key) {
                engine.emit(.error("bad-style-name", "'\(pair.key)' cannot name a style", at: map.document.range(pair.keyNode),
                                   hint: "use lowercase letters, digits and hyphens, such as pullquote or box-note"))
                continue
            }
            declared[pair.key] = declaration
        }
        if complete {
            for name in StyleName.allCases where declared[name.rawValue] == nil && styles.value(name.rawValue) == nil {
                missing(name.rawValue, in: styles)
            }
        }
        return declared
    }

    static func isStyleName(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// One declaration over `base`; a `complete` one (defaults.yaml, no `based-on`) must give every key.
    func read(_ s: MappingReader, over base: TextStyle, fonts: [String: FontFamily], complete: Bool, name: String) -> TextStyle {
        s.checkKeys(Self.styleKeys)
        if complete {
            for key in Self.styleKeys where !Self.optionalStyleKeys.contains(key) && s.value(key) == nil { missing(key, in: s) }
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
        if let word = s.string("rules") {
            if let rules = StyleRules.names[word] {
                style.rules = rules
            } else {
                engine.emit(.error("bad-value", "rules: '\(word)' is none, above, below or above-below", at: s.range("rules"),
                                   hint: String.suggestion(for: word, among: StyleRules.names.keys.sorted(), what: "values")))
            }
        }
        if s.value("drop-cap") != nil {
            if name != StyleName.first.rawValue {
                engine.emit(.error("bad-key", "only the style 'first' (an article's first paragraph) takes drop-cap",
                                   at: s.range("drop-cap"), hint: "move `drop-cap:` to `first:`"))
            } else if let lines = s.int("drop-cap", in: 0...5, example: "2") {
                if lines == 1 {
                    engine.emit(.error("bad-value", "a drop cap one line tall is a capital: drop-cap spans 2 to 5 lines (0: none)",
                                       at: s.range("drop-cap"), hint: "write drop-cap: 2 or drop-cap: 3"))
                } else {
                    style.dropCap = lines
                }
            }
        }
        return style
    }
}

extension StyleName {
    static let allNames = allCases.map(\.rawValue).sorted()
}
