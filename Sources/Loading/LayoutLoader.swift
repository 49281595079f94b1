import Diagnostics
import Foundation
import Model
import Yams

/// Reads `layouts/defaults.yaml`, then `layouts/<name>.yaml` over it. Every error points into
/// the file it is in; defaults.yaml must give every key, a layout only what it changes.
public struct LayoutLoader {
    public static let defaultName = "a4-two-column"
    /// The file of defaults, which no issue can name as its layout.
    public static let defaultsName = "defaults"

    let workspace: Workspace
    let engine: DiagnosticEngine

    public init(workspace: Workspace, engine: DiagnosticEngine) {
        self.workspace = workspace
        self.engine = engine
    }

    /// The names of `layouts/*.yaml`, but defaults.yaml.
    public func available() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: workspace.layoutsDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.filter { $0 != Self.defaultsName }.sorted()
    }

    public func load(named name: String, referencedFrom reference: SourceRange?) -> LayoutSpec? {
        let url = url(name)
        guard name != Self.defaultsName, !name.contains("/"), workspace.fileExists(url) else {
            engine.emit(.error("unknown-layout", "unknown layout '\(name)'",
                               at: reference ?? .file(workspace.displayPath(workspace.layoutsDirectory)),
                               hint: String.suggestion(for: name, among: available(), what: "layouts in layouts/")))
            return nil
        }
        guard let defaults = read(Self.defaultsName, referencedFrom: reference, over: nil),
              let layout = read(name, referencedFrom: reference, over: defaults) else { return nil }
        let spec = layout.spec
        guard checkRoom(spec, file: url) else { return nil }
        let missing = !spec.pdfx ? [] : [spec.outputProfile, spec.rgbProfile].filter {
            !workspace.fileExists(workspace.layoutsDirectory.appendingPathComponent($0))
        }
        for profile in missing {
            engine.emit(.error("missing-profile", "PDF/X-4 needs the ICC profile 'layouts/\(profile)', which is missing",
                               at: .file(workspace.displayPath(url)),
                               hint: "restore layouts/icc/ from the project, name another profile under `print:`, or set `print: { pdfx: none }`"))
        }
        return missing.isEmpty ? spec : nil
    }

    /// A column narrower than this, or a type area lower, leaves no room to set text: margins
    /// (or a gutter) wider than the page, or a slip of a unit (`120mm` for `12mm`).
    static let minimumColumn: Pt = .mm(20)
    static let minimumHeight: Pt = .mm(40)

    /// Whether the page leaves room for the columns; else an error at the layout's `margins:`
    /// line (or `columns:`, for a gutter), which is where the room went.
    private func checkRoom(_ spec: LayoutSpec, file url: URL) -> Bool {
        let m = spec.margins
        let frameWidth = spec.trim.width - m.inside - m.outside
        let column = (frameWidth - spec.gutter * Double(spec.columns - 1)) / Double(spec.columns)
        let height = spec.trim.height - m.top - m.bottom
        func at(_ key: String) -> SourceRange {
            for candidate in [url, self.url(Self.defaultsName)] {
                guard let text = try? String(contentsOf: candidate, encoding: .utf8) else { continue }
                for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    // `margins:` as a key: at the line's start (indented) or after `{` or `,`.
                    if let r = line.range(of: key + ":"), [nil, "{", ","].contains(line[..<r.lowerBound].last { $0 != " " }) {
                        return SourceRange(path: workspace.displayPath(candidate), line: n + 1, column: line.distance(from: line.startIndex, to: r.lowerBound) + 1)
                    }
                }
            }
            return .file(workspace.displayPath(url))
        }
        func mm(_ v: Pt) -> String { String(format: "%.0f mm", v.millimetres) }
        if height < Self.minimumHeight {
            engine.emit(.error("no-room", "the top and bottom margins (\(mm(m.top)) + \(mm(m.bottom))) leave \(mm(height)) of a \(mm(spec.trim.height)) page for text",
                               at: at("margins"), hint: "the type area needs at least \(mm(Self.minimumHeight)); check the margins' units"))
            return false
        }
        if column < Self.minimumColumn {
            let marginsTakeIt = m.inside + m.outside >= spec.gutter * Double(spec.columns - 1)
            engine.emit(.error("no-room", "\(spec.columns) column(s) of \(mm(column)) fit between the margins (\(mm(m.inside)) + \(mm(m.outside))) of a \(mm(spec.trim.width)) page",
                               at: at(marginsTakeIt ? "margins" : "columns"),
                               hint: "a column needs at least \(mm(Self.minimumColumn)); narrow the margins or the gutter, or use fewer columns"))
            return false
        }
        return true
    }

    /// `layouts/defaults.yaml` alone: what a layout that says nothing gets.
    public func loadDefaults() -> LayoutSpec? {
        read(Self.defaultsName, referencedFrom: nil, over: nil)?.spec
    }

    private func url(_ name: String) -> URL {
        workspace.layoutsDirectory.appendingPathComponent(name + ".yaml")
    }

    /// A spec and the style declarations it was resolved from, so a file read over it can re-resolve them.
    private struct Read {
        var spec: LayoutSpec
        var styles: StyleSheet
    }

    /// One file over `base`; nil base: defaults.yaml, which must give every key.
    private func read(_ name: String, referencedFrom reference: SourceRange?, over base: Read?) -> Read? {
        let url = url(name)
        if base == nil, !workspace.fileExists(url) {
            engine.emit(.error("missing-defaults", "layouts/defaults.yaml is missing", at: .file(workspace.displayPath(workspace.layoutsDirectory)),
                               hint: "restore layouts/defaults.yaml from the project: it gives every layout's defaults"))
            return nil
        }
        guard let file = workspace.readText(url, referencedFrom: reference, engine: engine) else { return nil }
        let yaml = YAMLDocument(file: file, engine: engine)
        let errorsBefore = engine.errorCount
        var spec = base?.spec ?? .unread
        spec.name = name
        var styles = base?.styles ?? StyleSheet()
        if let map = MappingReader(yaml.root, in: yaml, what: name == Self.defaultsName ? "defaults.yaml" : "the layout", engine: engine) {
            let reader = LayoutReader(map: map, workspace: workspace, engine: engine, complete: base == nil)
            reader.apply(to: &spec)
            styles.layers.append(reader.readStyles())
            spec.styles = styles.resolve(with: reader, fonts: spec.fonts)
        } else if base == nil, !yaml.failed {
            engine.emit(.error("missing-key", "layouts/defaults.yaml is empty", at: .file(file.path),
                               hint: "restore layouts/defaults.yaml from the project: it gives every layout's defaults"))
        }
        return engine.errorCount == errorsBefore && !yaml.failed ? Read(spec: spec, styles: styles) : nil
    }
}

extension LayoutSpec {
    /// Placeholders, every one replaced by `layouts/defaults.yaml` (which must give every key)
    /// before a spec leaves the loader: these are not defaults.
    static let unread = LayoutSpec(
        name: "", trim: Size(width: 0, height: 0), bleed: 0, margins: Margins(top: 0, bottom: 0, inside: 0, outside: 0),
        columns: 1, gutter: 0, fonts: [:], styles: Styles { _ in .unread }, figureMaxHeight: 0, articlesRunOn: false,
        runOn: RunOn(above: 0, ruleWidth: 0, below: 0, room: 0),
        masters: Masters(left: MasterPage(head: "", folio: .none), right: MasterPage(head: "", folio: .none), headOnOpeners: false,
                         headAbove: 0, headRuleGap: 0, headRuleWidth: 0, folioBelow: 0),
        padding: .none,
        paddingPages: PaddingFurniture(blankText: "", notesTitle: "", notesFirstLine: 0, notesLineSpacing: 0, notesBottom: 0,
                                       notesRuleWidth: 0, notesRuleColor: .black, advertTop: 0, advertBarAbove: 0,
                                       advertBarHeight: 0, advertTitle: "", advertTitleAbove: 0, advertTitleBelow: 0,
                                       advertLines: [], advertLineBelow: 0, nextIssue: ""),
        colophon: false,
        colophonPage: ColophonFurniture(width: 0, board: "", publisher: "", issn: "", date: "", bottom: 0, ruleAbove: 0, ruleWidth: 0),
        opener: Opener(kicker: false, rule: false, standfirstWidth: 0, kickerBelow: 0, ruleAbove: 0, ruleWidth: 0),
        pdfx: false, cropMarks: false, outputProfile: "", outputCondition: "", rgbProfile: "",
        cover: CoverFurniture(inset: 0, top: 0, ruleAbove: 0, ruleLength: 0, ruleWidth: 0, ruleBelow: 0, headlineAbove: 0, headlineWidth: 0),
        contents: ContentsFurniture(title: "", authors: false, titleBelow: 0, issueBelow: 0, sectionAbove: 0, sectionBelow: 0,
                                    sectionRuleWidth: 0, sectionRuleBelow: 0, sectionKeep: 0, pageWidth: 0, pageGap: 0, entryBelow: 0),
        figureWideRatio: 0, figureMinPPI: 0, fallback: [], spaceStretch: 0, spaceShrink: 0, breaking: .totalFit,
        baselineGrid: nil, blocks: BlockSpacing(listIndent: 0, quoteIndent: 0, breakSpace: 0))
}

extension TextStyle {
    /// A placeholder that defaults.yaml's complete declarations replace key by key.
    static let unread = TextStyle(family: "", bold: false, italic: false, size: 0, leading: 0, align: .left, firstLineIndent: 0,
                                  spaceBefore: 0, spaceAfter: 0, color: .black, uppercase: false, tracking: 0)
}
