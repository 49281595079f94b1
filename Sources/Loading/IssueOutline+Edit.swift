import Diagnostics
import Foundation

/// Adding an article to a section of `issue.yaml` as an editor would: one line typed into the
/// text, every comment and every other line kept as it was.
extension IssueOutline {
    /// The section an editor means by `wanted`: the one of exactly that title, else the only one
    /// whose title is the same but for case, tones, đ and punctuation (`tin hoat dong` for
    /// `Tin hoạt động`); nil when none is, or several are.
    public func sectionIndex(named wanted: String) -> Int? {
        if let exact = sections.firstIndex(where: { $0.title == wanted }) { return exact }
        let key = wanted.slug
        let matches = sections.indices.filter { sections[$0].title.slug == key }
        return matches.count == 1 ? matches[0] : nil
    }

    /// "did you mean 'Tin hoạt động'? sections in issue.yaml: …" for a title no section has.
    public func sectionHint(for wanted: String) -> String {
        let titles = sections.map(\.title)
        if let near = titles.min(by: { wanted.slug.editDistance(to: $0.slug) < wanted.slug.editDistance(to: $1.slug) }),
           wanted.slug.editDistance(to: near.slug) <= Swift.max(2, wanted.slug.count / 3) {
            return "did you mean '\(near)'? sections in issue.yaml: " + titles.joined(separator: ", ")
        }
        return String.suggestion(for: wanted, among: titles, what: "sections in issue.yaml")
    }

    /// `text` — the issue.yaml this outline was read from — with `path` added after the last
    /// article of section `index` (`articles: []` becomes a block list), or nil when the list is
    /// written in a way this does not edit. The result is read again with the loader's readers:
    /// it comes back only when that section lists exactly its articles and `path`, and nothing
    /// else changed.
    public func adding(_ path: String, toSection index: Int, in text: String) -> String? {
        guard sections.indices.contains(index), let place = places[index] else { return nil }
        // On scalars: "\r\n" is one Character, and the columns are in scalars.
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        let candidates: [[[Unicode.Scalar]]?] = place.items.isEmpty
            ? [Self.addingFirst(path, at: place, to: lines, asBlock: true), Self.addingFirst(path, at: place, to: lines, asBlock: false)]
            : [Self.isFlow(place, in: lines) ? Self.addingToFlow(path, at: place, to: lines) : Self.addingToBlock(path, at: place, to: lines)]
        for candidate in candidates {
            guard let candidate else { continue }
            let edited = candidate.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
            if verify(edited, adding: path, toSection: index) { return edited }
        }
        return nil
    }

    /// True when `edited` reads without errors as this outline with `path` added to section `index`.
    private func verify(_ edited: String, adding path: String, toSection index: Int) -> Bool {
        let engine = DiagnosticEngine()
        guard let after = IssueOutline.read(edited, path: "issue.yaml", engine: engine), !engine.hasErrors else { return false }
        var expected = sections
        expected[index].articles.append(path)
        return after.sections == expected && after.number == number && after.year == year && after.quarter == quarter
            && after.layout == layout
    }

    /// After the last item's line, a line with the same indentation and dash.
    private static func addingToBlock(_ path: String, at place: ArticlesPlace, to lines: [[Unicode.Scalar]]) -> [[Unicode.Scalar]]? {
        guard let last = place.items.last, lines.indices.contains(last.line - 1) else { return nil }
        let line = lines[last.line - 1]
        guard last.column - 1 <= line.count else { return nil }
        let prefix = Array(line[..<(last.column - 1)])
        // `      - ` and nothing else before the item.
        guard prefix.filter({ $0 != " " }) == ["-"], prefix.last == " " else { return nil }
        var out = lines
        out.insert(prefix + Array(path.unicodeScalars) + lineEnd(line), at: last.line)
        return out
    }

    /// `, path` before the `]` that closes the list.
    private static func addingToFlow(_ path: String, at place: ArticlesPlace, to lines: [[Unicode.Scalar]]) -> [[Unicode.Scalar]]? {
        guard let last = place.items.last else { return nil }
        var l = last.line - 1, c = last.column - 1
        // Past the last item: a quoted one to its closing quote.
        guard lines.indices.contains(l) else { return nil }
        while c < lines[l].count, lines[l][c] == " " { c += 1 }
        var quote: Unicode.Scalar? = c < lines[l].count && ["\"", "'"].contains(lines[l][c]) ? lines[l][c] : nil
        if quote != nil { c += 1 }
        while lines.indices.contains(l) {
            while c < lines[l].count {
                let s = lines[l][c]
                if let q = quote {
                    if s == "\\" && q == "\"" { c += 2; continue }
                    if s == q {
                        if q == "'", c + 1 < lines[l].count, lines[l][c + 1] == "'" { c += 2; continue }
                        quote = nil
                    }
                } else if s == "]" {
                    var out = lines
                    out[l].insert(contentsOf: Array(", \(path)".unicodeScalars), at: c)
                    return out
                } else if s == "#" || s == "," {
                    return nil
                }
                c += 1
            }
            l += 1
            c = 0
        }
        return nil
    }

    /// Into an empty list (`articles: []` or `articles:`): as a block list under the key, or
    /// (`asBlock` false, for a section written in flow style) as `[path]`.
    private static func addingFirst(_ path: String, at place: ArticlesPlace, to lines: [[Unicode.Scalar]], asBlock: Bool) -> [[Unicode.Scalar]]? {
        var out = lines
        let keyLine = place.key.line - 1
        guard lines.indices.contains(keyLine) else { return nil }
        if let value = place.value {
            // `[]`: the brackets go (and the spaces before them); a comment after them stays.
            let l = value.line - 1, c = value.column - 1
            guard lines.indices.contains(l), c < lines[l].count, lines[l][c] == "[" else { return nil }
            var close = c + 1
            while close < lines[l].count, lines[l][close] == " " { close += 1 }
            guard close < lines[l].count, lines[l][close] == "]" else { return nil }
            if !asBlock {
                out[l].replaceSubrange(c...close, with: Array("[\(path)]".unicodeScalars))
                return out
            }
            guard l == keyLine else { return nil }
            var start = c
            while start > 0, lines[l][start - 1] == " " { start -= 1 }
            out[l].replaceSubrange(start...close, with: [])
        } else if !asBlock {
            return nil
        }
        let indent = [Unicode.Scalar](repeating: " ", count: place.key.column - 1 + 2)
        out.insert(indent + ["-", " "] + Array(path.unicodeScalars) + lineEnd(lines[keyLine]), at: keyLine + 1)
        return out
    }

    /// True when the list is written `[a, b]` (Yams keeps no style for the sequences it composes).
    private static func isFlow(_ place: ArticlesPlace, in lines: [[Unicode.Scalar]]) -> Bool {
        guard let value = place.value, lines.indices.contains(value.line - 1), value.column - 1 < lines[value.line - 1].count else { return false }
        return lines[value.line - 1][value.column - 1] == "["
    }

    /// `\r` for a line of a file with CRLF line ends, else nothing.
    private static func lineEnd(_ line: [Unicode.Scalar]) -> [Unicode.Scalar] {
        line.last == "\r" ? ["\r"] : []
    }
}
