import Model

/// The style declarations of the files read, lowest first (defaults.yaml, then the layout),
/// resolved into one style per name. A declaration starts from its `based-on` style as the
/// whole sheet resolves it, else from the same style in the files below; a defaults.yaml
/// declaration without `based-on` gives every key. So `contents-entry: { based-on: list, … }`
/// in defaults.yaml follows a layout's `list`.
struct StyleSheet {
    var layers: [[StyleName: MappingReader]] = []

    func resolve(with reader: LayoutReader, fonts: [String: FontFamily]) -> Styles {
        var resolver = Resolver(layers: layers, reader: reader, fonts: fonts)
        // The top file's declarations first, so a cycle is reported from where it was written.
        let top = Set(layers.last?.keys.map { $0 } ?? [])
        for name in StyleName.allCases.sorted() where top.contains(name) { _ = resolver.value(name, chain: [name]) }
        return Styles { resolver.value($0, chain: [$0]) }
    }
}

private struct Resolver {
    let layers: [[StyleName: MappingReader]]
    let reader: LayoutReader
    let fonts: [String: FontFamily]
    var done: [Key: TextStyle] = [:]

    struct Key: Hashable {
        var name: StyleName
        var layer: Int
    }

    /// `name` as every file up to `top` declares it (all files when nil).
    mutating func value(_ name: StyleName, upTo top: Int? = nil, chain: [StyleName]) -> TextStyle {
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
        let style = reader.read(declaration, over: base, fonts: fonts, complete: complete)
        done[key] = style
        return style
    }

    /// The parent style, or nil after an error (unknown, or a cycle).
    private mutating func basedOn(_ parentName: String, _ name: StyleName, _ declaration: MappingReader,
                                  chain: [StyleName]) -> TextStyle? {
        guard let parent = StyleName(rawValue: parentName) else {
            reader.engine.emit(.error("unknown-style", "unknown style '\(parentName)' in based-on", at: declaration.range("based-on"),
                                      hint: String.suggestion(for: parentName, among: StyleName.allNames, what: "styles")))
            return nil
        }
        if chain.contains(parent) {
            let through = chain.count > 1 ? " (through \((chain + [parent]).map(\.rawValue).joined(separator: " → ")))" : ""
            reader.engine.emit(.error("style-cycle", "style '\(name.rawValue)' is based on itself" + through,
                                      at: declaration.range("based-on"),
                                      hint: "base it on another style, such as \(name == .body ? "first" : "body")"))
            return nil
        }
        return value(parent, chain: chain + [parent])
    }
}
