import Diagnostics
import Model
import Typesetting

/// Every character of every article must be drawable by the family of the style that sets it
/// or by a family of the layout's fallback list. One that no face has would come out as an
/// empty box, so it is reported — the character, the article, its line and column.
struct GlyphCoverage {
    let layout: LayoutSpec
    let fonts: FontLibrary
    let engine: DiagnosticEngine

    func check(_ issue: Issue) {
        var answers: [String: DrawableScalars] = [:]  // family → what is known drawable, across articles
        for article in issue.articles { check(article, answers: &answers) }
    }

    private func check(_ article: Article, answers: inout [String: DrawableScalars]) {
        var reported = Set<Unicode.Scalar>()
        TextWalker.walk(article) { text, style, range in
            let family = layout.style(style).family
            var known = answers.removeValue(forKey: family) ?? DrawableScalars()
            defer { answers[family] = known }
            for scalar in text.unicodeScalars where !scalar.isASCII || scalar.value < 0x20 {
                if known.answer(scalar, { drawable($0, family: family) }) || reported.contains(scalar) { continue }
                reported.insert(scalar)
                let hex = String(scalar.value, radix: 16, uppercase: true)
                engine.emit(.warning("missing-glyph",
                                     "no font of the layout has '\(scalar)' (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))",
                                     at: locate(scalar, in: range),
                                     hint: "add a font that has it to the layout's `fallback:` list, or replace the character"))
            }
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

/// Whether each scalar is drawable in one family, asked once per scalar for the whole issue:
/// a flag per scalar below U+3000 (Latin, Vietnamese, punctuation), a dictionary above.
struct DrawableScalars {
    /// 0 not asked yet, 1 drawable, 2 not.
    private var low = [UInt8](repeating: 0, count: 0x3000)
    private var high: [UInt32: Bool] = [:]

    mutating func answer(_ scalar: Unicode.Scalar, _ ask: (Unicode.Scalar) -> Bool) -> Bool {
        let v = scalar.value
        guard v < 0x3000 else {
            if let known = high[v] { return known }
            let answer = ask(scalar)
            high[v] = answer
            return answer
        }
        switch low[Int(v)] {
        case 1: return true
        case 2: return false
        default:
            let answer = ask(scalar)
            low[Int(v)] = answer ? 1 : 2
            return answer
        }
    }
}
