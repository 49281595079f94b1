import Model

/// The style declarations of the files read, lowest first (defaults.yaml, then the layout),
/// resolved into one style per name. A declaration starts from its `based-on` style as the
/// whole sheet resolves it, else from the same style in the files below; a defaults.yaml
/// declaration without `based-on` gives every key. So `contents-entry: { based-on: list, … }`
/// in defaults.yaml follows a layout's `list`. A name that is no `StyleName` is a style the
/// layout defines (it has a `based-on`), kept in `Styles.custom`.
struct StyleSheet {
    var layers: [[String: MappingReader]] = []

    func resolve(with reader: LayoutReader, fonts: [String: FontFamily]) -> Styles {
        var resolver = Resolver(layers: layers, reader: reader, fonts: fonts)
        // The top file's declarations first, so a cycle is reported from where it was written.
        for name in (layers.last?.keys.sorted() ?? []) { _ = resolver.value(name, chain: [name]) }
        var styles = Styles { resolver.value($0.rawValue, chain: [$0.rawValue]) }
        let custom = Set(layers.flatMap(\.keys)).filter { StyleName(rawValue: $0) == nil }
        for name in custom.sorted() { styles.custom[name] = resolver.value(name, chain: [name]) }
        return styles
    }
}

private struct Resolver {
    let layers: [[String: MappingReader]]
    let reader: LayoutReader
    let fonts: [String: FontFamily]
    var done: [Key: TextStyle] = [:]

    struct Key: Hashable {
        var name: String
        var layer: Int
    }

    /// `name` as every file up to `top` declares it (all files when nil).
    mutating func value(_ name: String, upTo top: Int? = nil, chain: [String]) -> TextStyle {
        let top = top ?? layers.count - 1
        // defaults.yaml lacking the style is reported where it is read.
        guard let layer = (0...max(top, 0)).last(where: { $0 < layers.count && layers[$0][name] != nil }) else { return .unread }
        let key = Key(name: name, layer: layer)
        if let style = done[key] { return style }
        let declaration = layers[layer][name]!
        let parent = declaration.string("based-on").flatMap { basedOn($0, name, declaration, chain: chain) }
        let base = parent ?? (layer > 0 ? value(name, upTo: layer - 1, chain: chain) : .unread)
        // defaults.yaml's own declarations give every key.
        let complete = layer == 0 && declaration.value("based-on") == nil
        var style = reader.read(declaration, over: base, fonts: fonts, complete: complete, name: name)
        // A drop cap belongs to `first` itself: a style based on it does not inherit one.
        if parent != nil, declaration.value("drop-cap") == nil, name != StyleName.first.rawValue { style.dropCap = 0 }
        done[key] = style
        return style
    }

    /// The parent style, or nil after an error (unknown, or a cycle).
    private mutating func basedOn(_ parent: String, _ name: String, _ declaration: MappingReader,
                                  chain: [String]) -> TextStyle? {
        let known = Set(layers.flatMap(\.keys)).union(StyleName.allNames)
        guard known.contains(parent) else {
            reader.engine.emit(.error("unknown-style", "unknown style '\(parent)' in based-on", at: declaration.range("based-on"),
                                      hint: String.suggestion(for: parent, among: known.sorted(), what: "styles")))
            return nil
        }
        if chain.contains(parent) {
            let through = chain.count > 1 ? " (through \((chain + [parent]).joined(separator: " → ")))" : ""
            reader.engine.emit(.error("style-cycle", "style '\(name)' is based on itself" + through,
                                      at: declaration.range("based-on"),
                                      hint: "base it on another style, such as \(name == "body" ? "first" : "body")"))
            return nil
        }
        return value(parent, chain: chain + [parent])
    }
}
