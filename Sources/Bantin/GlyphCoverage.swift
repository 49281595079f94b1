import Foundation
import Layout
import Loading

/// Part of the check step: every character of every article must be drawable by its style's
/// family or a family of the layout's fallback list. One that no face has would come out as an
/// empty box, so it is reported — the character, the article, its line and column.
struct GlyphCoverage {
    let layout: LayoutSpec
    let fonts: FontLibrary
    let engine: DiagnosticEngine

    func check(_ article: Article) {
        var reported = Set<Unicode.Scalar>()
        var known: [String: Set<Unicode.Scalar>] = [:]  // family → scalars already found drawable
        func visit(_ text: String, family: String, range: SourceRange) {
            for scalar in text.unicodeScalars where !scalar.isASCII || scalar.value < 0x20 {
                if reported.contains(scalar) || known[family]?.contains(scalar) == true { continue }
                if drawable(scalar, family: family) {
                    known[family, default: []].insert(scalar)
                    continue
                }
                reported.insert(scalar)
                let hex = String(scalar.value, radix: 16, uppercase: true)
                engine.emit(.warning("missing-glyph",
                                     "no font of the layout has '\(scalar)' (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))",
                                     at: locate(scalar, in: range),
                                     hint: "add a font that has it to the layout's `fallback:` list, or replace the character"))
            }
        }
        let title = SourceRange(path: article.path, line: 1, column: 1)
        visit(article.title + (article.subtitle ?? "") + (article.summary ?? ""), family: layout.style(.title).family, range: title)
        for block in article.blocks { walk(block) { visit($0, family: $1, range: $2) } }
    }

    private func walk(_ block: Block, _ visit: (String, String, SourceRange) -> Void) {
        switch block.kind {
        case .paragraph(let inlines): visit(inlines.plainText, layout.style(.body).family, block.range)
        case .heading(_, let inlines): visit(inlines.plainText, layout.style(.heading2).family, block.range)
        case .code(_, let text): visit(text, layout.style(.code).family, block.range)
        case .figure(let figure): visit(figure.caption.plainText + (figure.credit ?? ""), layout.style(.caption).family, block.range)
        case .list(_, _, let items): for item in items { for b in item { walk(b, visit) } }
        case .quote(let blocks): for b in blocks { walk(b, visit) }
        case .rule: break
        }
    }

    private func drawable(_ scalar: Unicode.Scalar, family: String) -> Bool {
        if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            || scalar.properties.generalCategory == .format { return true }
        for name in [family] + layout.fallback {
            guard let faces = layout.fonts[name], let font = try? fonts.font(faces.regular) else { continue }
            if font.covers(scalar) { return true }
        }
        return false
    }

    /// The first place at or after the block's start where the character stands in the source.
    private func locate(_ scalar: Unicode.Scalar, in range: SourceRange) -> SourceRange {
        guard let file = engine.sourceFile(range.path) else { return range }
        for n in range.start.line...max(range.start.line, file.lineCount) {
            guard let line = file.line(n) else { break }
            if let i = line.unicodeScalars.firstIndex(of: scalar) {
                return SourceRange(path: range.path, line: n, column: line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: i) + 1)
            }
        }
        return range
    }
}
