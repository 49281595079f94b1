import Diagnostics
import Foundation
import Model
import Yams

/// Reads `layouts/<name>.yaml` over `LayoutSpec.defaults`. Every error points into the layout file.
public struct LayoutLoader {
    public static let defaultName = "a4-two-column"

    let workspace: Workspace
    let engine: DiagnosticEngine

    public init(workspace: Workspace, engine: DiagnosticEngine) {
        self.workspace = workspace
        self.engine = engine
    }

    /// The names of `layouts/*.yaml`.
    public func available() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: workspace.layoutsDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    public func load(named name: String, referencedFrom reference: SourceRange?) -> LayoutSpec? {
        let url = workspace.layoutsDirectory.appendingPathComponent(name + ".yaml")
        guard !name.contains("/"), workspace.fileExists(url) else {
            engine.emit(.error("unknown-layout", "unknown layout '\(name)'",
                               at: reference ?? .file(workspace.displayPath(workspace.layoutsDirectory)),
                               hint: String.suggestion(for: name, among: available(), what: "layouts in layouts/")))
            return nil
        }
        guard let file = workspace.readText(url, referencedFrom: reference, engine: engine) else { return nil }
        let yaml = YAMLDocument(file: file, engine: engine)
        let errorsBefore = engine.errorCount
        var spec = LayoutSpec.defaults
        spec.name = name
        if let map = MappingReader(yaml.root, in: yaml, what: "the layout", engine: engine) {
            LayoutReader(map: map, workspace: workspace, engine: engine).apply(to: &spec)
        }
        if spec.pdfx {
            for profile in [spec.outputProfile, spec.rgbProfile] where !workspace.fileExists(workspace.layoutsDirectory.appendingPathComponent(profile)) {
                engine.emit(.error("missing-profile", "PDF/X-4 needs the ICC profile 'layouts/\(profile)', which is missing",
                                   at: .file(file.path),
                                   hint: "restore layouts/icc/ from the project, name another profile under `print:`, or set `print: { pdfx: none }`"))
            }
        }
        return engine.errorCount == errorsBefore && !yaml.failed ? spec : nil
    }
}

/// Applies the keys of a layout file to a spec, checking each.
struct LayoutReader {
    let map: MappingReader
    let workspace: Workspace
    let engine: DiagnosticEngine

    static let keys = ["page", "columns", "fonts", "fallback", "styles", "figures", "text", "masters", "articles",
                       "padding", "colophon", "opener", "contents", "print"]
    static let styleKeys = ["font", "bold", "italic", "size", "leading", "align", "indent",
                            "space-before", "space-after", "color", "uppercase", "tracking", "based-on"]

    func apply(to spec: inout LayoutSpec) {
        map.checkKeys(Self.keys)
        if let page = map.mapping("page", what: "page") {
            page.checkKeys(["trim", "bleed", "margins"])
            if let trim = page.value("trim") { spec.trim = paper(trim, in: page) ?? spec.trim }
            spec.bleed = length(page, "bleed") ?? spec.bleed
            if let m = page.mapping("margins", what: "margins") {
                m.checkKeys(["top", "bottom", "inside", "outside"])
                spec.margins.top = length(m, "top") ?? spec.margins.top
                spec.margins.bottom = length(m, "bottom") ?? spec.margins.bottom
                spec.margins.inside = length(m, "inside") ?? spec.margins.inside
                spec.margins.outside = length(m, "outside") ?? spec.margins.outside
            }
        }
        if let columns = map.mapping("columns", what: "columns") {
            columns.checkKeys(["count", "gutter"])
            spec.columns = columns.int("count", in: 1...6) ?? spec.columns
            spec.gutter = length(columns, "gutter") ?? spec.gutter
        }
        if let text = map.mapping("text", what: "text") {
            text.checkKeys(["breaking", "space-stretch", "space-shrink", "baseline-grid"])
            spec.breaking = choice(text, "breaking", what: "line breaking") ?? spec.breaking
            spec.spaceStretch = fraction(text, "space-stretch", in: 0...2) ?? spec.spaceStretch
            spec.spaceShrink = fraction(text, "space-shrink", in: 0...0.9) ?? spec.spaceShrink
            spec.baselineGrid = length(text, "baseline-grid") ?? spec.baselineGrid
        }
        if let masters = map.mapping("masters", what: "masters") {
            masters.checkKeys(["left", "right", "head-on-openers"])
            spec.masters.headOnOpeners = bool(masters, "head-on-openers") ?? spec.masters.headOnOpeners
            if let left = masters.mapping("left", what: "the left master") { read(left, into: &spec.masters.left) }
            if let right = masters.mapping("right", what: "the right master") { read(right, into: &spec.masters.right) }
        }
        if let articles = map.mapping("articles", what: "articles") {
            articles.checkKeys(["start"])
            if let start: ArticleStart = choice(articles, "start", what: "article start") { spec.articlesRunOn = start == .runOn }
        }
        spec.padding = choice(map, "padding", what: "padding") ?? spec.padding
        spec.colophon = bool(map, "colophon") ?? spec.colophon
        if let print = map.mapping("print", what: "print") {
            print.checkKeys(["pdfx", "marks", "output-profile", "output-condition", "rgb-profile"])
            if let pdfx = print.string("pdfx") {
                switch pdfx {
                case "x4": spec.pdfx = true
                case "none": spec.pdfx = false
                default:
                    engine.emit(.error("layout-value", "unknown PDF/X level '\(pdfx)'", at: print.range("pdfx"),
                                       hint: "use x4 (PDF/X-4, what printing shops expect) or none"))
                }
            }
            if let marks = print.string("marks") {
                switch marks {
                case "crop": spec.cropMarks = true
                case "none": spec.cropMarks = false
                default:
                    engine.emit(.error("layout-value", "unknown marks '\(marks)'", at: print.range("marks"), hint: "use crop or none"))
                }
            }
            for (key, path) in [("output-profile", \LayoutSpec.outputProfile), ("rgb-profile", \LayoutSpec.rgbProfile)] {
                guard let file = print.string(key) else { continue }
                let url = workspace.layoutsDirectory.appendingPathComponent(file)
                if file.hasPrefix("/") || file.contains("..") || !workspace.fileExists(url) {
                    engine.emit(.error("missing-profile", "no ICC profile '\(file)' under layouts/", at: print.range(key),
                                       hint: "put the printing shop's profile in layouts/icc/ and name it here, e.g. icc/shop.icc"))
                } else {
                    spec[keyPath: path] = file
                }
            }
            spec.outputCondition = print.string("output-condition") ?? spec.outputCondition
        }
        if let opener = map.mapping("opener", what: "opener") {
            opener.checkKeys(["kicker", "rule", "standfirst-width"])
            spec.opener.kicker = bool(opener, "kicker") ?? spec.opener.kicker
            spec.opener.rule = bool(opener, "rule") ?? spec.opener.rule
            spec.opener.standfirstWidth = fraction(opener, "standfirst-width", in: 0.3...1) ?? spec.opener.standfirstWidth
        }
        if let contents = map.mapping("contents", what: "contents") {
            contents.checkKeys(["title", "authors"])
            spec.contentsTitle = contents.string("title") ?? spec.contentsTitle
            spec.contentsAuthors = bool(contents, "authors") ?? spec.contentsAuthors
        }
        if let figures = map.mapping("figures", what: "figures") {
            figures.checkKeys(["max-height", "wide-ratio", "min-ppi"])
            if let node = figures.value("min-ppi") {
                if let v = node.scalar.flatMap({ Double($0.string) }), (72...1200).contains(v) {
                    spec.figureMinPPI = v
                } else {
                    engine.emit(.error("layout-value", "'min-ppi' must be a resolution between 72 and 1200",
                                       at: map.document.range(node), hint: "for example `min-ppi: 300`, what printing shops ask"))
                }
            }
            if let node = figures.value("wide-ratio") {
                if let v = node.scalar.flatMap({ Double($0.string) }), v >= 1 {
                    spec.figureWideRatio = v
                } else {
                    engine.emit(.error("layout-value", "'wide-ratio' must be a width-to-height ratio of 1 or more",
                                       at: map.document.range(node), hint: "for example `wide-ratio: 1.7`; a very large value keeps every figure in its column"))
                }
            }
            if let node = figures.value("max-height") {
                if let v = node.scalar.flatMap({ Double($0.string) }), v > 0.1, v <= 1 {
                    spec.figureMaxHeight = v
                } else {
                    engine.emit(.error("layout-value", "'max-height' must be a fraction of the column height between 0.1 and 1",
                                       at: map.document.range(node), hint: "for example `max-height: 0.6`"))
                }
            }
        }
        if let fonts = map.mapping("fonts", what: "fonts") {
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
        if let styles = map.mapping("styles", what: "styles") {
            let known = LayoutSpec.defaults.styles.keys.sorted()
            var declared: [String: MappingReader] = [:]
            for pair in styles.pairs {
                guard known.contains(pair.key) else {
                    engine.emit(.error("unknown-style", "unknown style '\(pair.key)'", at: map.document.range(pair.keyNode),
                                       hint: String.suggestion(for: pair.key, among: known, what: "styles")))
                    continue
                }
                declared[pair.key] = MappingReader(pair.value, in: map.document, what: "style '\(pair.key)'", engine: engine)
            }
            // A style declared with `based-on` starts from that style (declared or default), not from its own default.
            var resolved: [String: TextStyle] = [:]
            func resolve(_ name: String, _ chain: [String]) -> TextStyle {
                if let done = resolved[name] { return done }
                guard let reader = declared[name] else { return spec.styles[name] ?? TextStyle() }
                var base = spec.styles[name] ?? TextStyle()
                if let parent = reader.string("based-on") {
                    if chain.contains(parent) || parent == name {
                        engine.emit(.error("style-cycle", "style '\(name)' is based on itself" + (chain.count > 1 ? " (through \((chain + [parent]).joined(separator: " → ")))" : ""),
                                           at: reader.range("based-on"), hint: "base it on another style, such as \(name == "body" ? "first" : "body")"))
                    } else if known.contains(parent) {
                        base = resolve(parent, chain + [parent])
                    } else {
                        engine.emit(.error("unknown-style", "unknown style '\(parent)' in based-on", at: reader.range("based-on"),
                                           hint: String.suggestion(for: parent, among: known, what: "styles")))
                    }
                }
                let style = read(reader, over: base, fonts: spec.fonts)
                resolved[name] = style
                return style
            }
            for name in declared.keys.sorted() { spec.styles[name] = resolve(name, [name]) }
        }
    }

    private func read(_ m: MappingReader, into master: inout MasterPage) {
        m.checkKeys(["head", "folio"])
        if let head = m.string("head") {
            var rest = Substring(head)
            var ok = true
            while let open = rest.firstIndex(of: "{") {
                guard let close = rest[open...].firstIndex(of: "}") else { break }
                let field = String(rest[rest.index(after: open)..<close])
                if !Masters.fields.contains(field) {
                    ok = false
                    engine.emit(.error("layout-value", "unknown field '{\(field)}' in a running head", at: m.range("head"),
                                       hint: String.suggestion(for: field, among: Masters.fields, what: "fields")))
                }
                rest = rest[rest.index(after: close)...]
            }
            if ok { master.head = head }
        }
        master.folio = choice(m, "folio", what: "folio position") ?? master.folio
    }

    private func read(_ s: MappingReader, over base: TextStyle, fonts: [String: FontFamily]) -> TextStyle {
        s.checkKeys(Self.styleKeys)
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
        if let color = s.string("color") {
            if let c = Color(hex: color) {
                style.color = c
            } else {
                engine.emit(.error("layout-value", "bad colour '\(color)'", at: s.range("color"),
                                   hint: "write a colour as \"#rrggbb\" in quotes, e.g. \"#1a1a1a\""))
            }
        }
        return style
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

    /// One of an enumeration's names (`justify`, `run-on`…), or an error listing them.
    private func choice<T: RawRepresentable & CaseIterable>(_ map: MappingReader, _ key: String, what: String) -> T?
    where T.RawValue == String {
        guard let name = map.string(key) else { return nil }
        if let value = T(rawValue: name) { return value }
        engine.emit(.error("layout-value", "unknown \(what) '\(name)'", at: map.range(key),
                           hint: String.suggestion(for: name, among: T.allCases.map(\.rawValue), what: "valid values")))
        return nil
    }

    private func fraction(_ map: MappingReader, _ key: String, in bounds: ClosedRange<Double>) -> Double? {
        guard let node = map.value(key) else { return nil }
        guard let v = node.scalar.flatMap({ Double($0.string) }), bounds.contains(v) else {
            engine.emit(.error("layout-value", "'\(key)' must be a number between \(bounds.lowerBound) and \(bounds.upperBound)",
                               at: map.document.range(node), hint: "a fraction of the space's width, e.g. `\(key): 0.5`"))
            return nil
        }
        return v
    }

    private func bool(_ map: MappingReader, _ key: String) -> Bool? {
        guard let node = map.value(key) else { return nil }
        switch node.scalar?.string {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            engine.emit(.error("layout-value", "'\(key)' must be true or false", at: map.document.range(node)))
            return nil
        }
    }

    /// `3mm`, `10pt`, `1.5cm`: a number and a unit.
    func length(_ map: MappingReader, _ key: String) -> Pt? {
        guard let node = map.value(key) else { return nil }
        let text = (node.scalar?.string ?? "").trimmingCharacters(in: .whitespaces)
        if let pt = LayoutReader.parseLength(text) { return pt }
        engine.emit(.error("bad-unit", "'\(key)' must be a length like 3mm, 10pt or 1.2cm, not '\(text)'",
                           at: map.document.range(node), hint: "write a number followed by mm, cm or pt, with no space"))
        return nil
    }

    static func parseLength(_ text: String) -> Pt? {
        for (unit, factor) in [("mm", 72 / 25.4), ("cm", 720 / 25.4), ("pt", 1.0)] where text.hasSuffix(unit) {
            guard let v = Double(text.dropLast(unit.count).trimmingCharacters(in: .whitespaces)), v >= 0, v < 10_000
            else { return nil }
            return Pt(v * factor)
        }
        return nil
    }

    private func paper(_ node: Node, in map: MappingReader) -> Size? {
        let text = (node.scalar?.string ?? "").trimmingCharacters(in: .whitespaces)
        if let size = PaperSize.named[text.uppercased()] { return size }
        let parts = text.lowercased().split(separator: "x").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2, let w = LayoutReader.parseLength(parts[0]), let h = LayoutReader.parseLength(parts[1]), w > 0, h > 0 {
            return Size(width: w, height: h)
        }
        engine.emit(.error("bad-unit", "unknown trim size '\(text)'", at: map.document.range(node),
                           hint: "use A4, A5, B5 or a size such as `210mm x 297mm`"))
        return nil
    }
}

/// `articles: { start: … }`: every article on a new page, or a short one's successor below it.
enum ArticleStart: String, CaseIterable {
    case newPage = "new-page"
    case runOn = "run-on"
}
