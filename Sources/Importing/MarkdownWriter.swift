import Foundation
import Loading

/// Paragraph text cleaned as an editor would: spaces and tabs collapsed, none before a closing
/// full stop or comma, no-break spaces kept only where they bind (a number to its unit, a title
/// to a name), line breaks that only wrapped the text joined, and nothing at either end.
enum TextCleaner {
    static func clean(_ atoms: [Atom]) -> [Atom] {
        var out: [Atom] = []
        var i = 0
        while i < atoms.count {
            let atom = atoms[i]
            guard case .char(let c, let format) = atom, isSpace(c) else {
                out.append(atom)
                i += 1
                continue
            }
            // A run of white space: one space, or one no-break space where it binds.
            var j = i, hasNoBreak = false
            while j < atoms.count, case .char(let d, _) = atoms[j], isSpace(d) {
                if d == "\u{A0}" || d == "\u{202F}" { hasNoBreak = true }
                j += 1
            }
            // None before a full stop, comma, colon … that ends a word ("yêu cầu ." → "yêu cầu.").
            if j < atoms.count, case .char(let next, _) = atoms[j], ".,;:!?".contains(next),
               j + 1 == atoms.count || atoms[j + 1].character.map(isSpace) ?? true {
                i = j
                continue
            }
            let space: Character = hasNoBreak && binds(before: out, after: atoms[j...]) ? "\u{A0}" : " "
            out.append(.char(space, format))
            i = j
        }
        // Line breaks: dropped at either end, a space where they only wrapped a sentence.
        var joined: [Atom] = []
        for (k, atom) in out.enumerated() {
            guard case .lineBreak = atom else {
                joined.append(atom)
                continue
            }
            let before = joined.reversed().lazy.compactMap(\.character).first { !isSpace($0) }
            let after = out[(k + 1)...].lazy.compactMap(\.character).first { !isSpace($0) }
            guard let before, let after else { continue }
            if (before.isLetter || before.isNumber || before == ",") && after.isLowercase {
                trimTrailingSpace(&joined)
                joined.append(.char(" ", Format()))
            } else {
                trimTrailingSpace(&joined)
                joined.append(.lineBreak)
            }
        }
        // No space at either end, none right after a kept line break.
        var result: [Atom] = []
        for atom in joined {
            if case .char(let c, _) = atom, isSpace(c) {
                if result.isEmpty { continue }
                if case .lineBreak = result.last! { continue }
            }
            result.append(atom)
        }
        trimTrailingSpace(&result)
        while case .lineBreak? = result.last { result.removeLast() }
        return result
    }

    private static func trimTrailingSpace(_ atoms: inout [Atom]) {
        while case .char(let c, _)? = atoms.last, isSpace(c) { atoms.removeLast() }
    }

    static func isSpace(_ c: Character) -> Bool {
        c == " " || c == "\t" || c == "\u{A0}" || c == "\u{202F}" || c == "\u{2002}" || c == "\u{2003}" || c == "\u{2009}"
    }

    /// Titles that bind to the name after them.
    static let titles: Set<String> = ["ông", "bà", "anh", "chị", "GS.", "PGS.", "TS.", "ThS.", "KS.", "BS.", "CN.", "PGS.TS.", "GS.TS.", "TP."]

    /// A no-break space is kept between a number and its unit (`25 km`, `10 %`) and between a
    /// title and a name (`TS. Lê`, `ông Hòa`).
    private static func binds(before: [Atom], after: ArraySlice<Atom>) -> Bool {
        var word = ""
        for atom in before.reversed() {
            guard let c = atom.character, !isSpace(c) else { break }
            word.insert(c, at: word.startIndex)
        }
        guard let next = after.first?.character else { return false }
        if let last = word.last, last.isNumber, next.isLetter || next == "%" || next == "‰" || next == "°" { return true }
        return titles.contains(word) || titles.contains(word.lowercased()) && next.isUppercase
    }
}

extension Atom {
    var character: Character? {
        if case .char(let c, _) = self { return c }
        return nil
    }
}

/// Atoms as CommonMark inline text.
struct InlineWriter {
    /// Footnote keys in the order they are first referred to; their numbers are index + 1.
    var footnotes: [String] = []

    mutating func write(_ atoms: [Atom], context: Context = .paragraph) -> String {
        var out = ""
        var i = 0
        while i < atoms.count {
            switch atoms[i] {
            case .lineBreak:
                out += context == .cell ? " " : "\\\n"
                i += 1
            case .footnote(let key):
                if !footnotes.contains(key) { footnotes.append(key) }
                out += "[^\(footnotes.firstIndex(of: key)! + 1)]"
                i += 1
            case .image:
                i += 1
            case .char(_, let format):
                // The longest stretch of characters with one link.
                var j = i
                var stretch: [(Character, Format)] = []
                while j < atoms.count, case .char(let c, let f) = atoms[j], f.link == format.link {
                    stretch.append((c, f))
                    j += 1
                }
                let inner = emphasised(stretch, context: context)
                if let link = format.link, !inner.isEmpty {
                    let target = link.contains(where: { $0 == " " || $0 == "(" || $0 == ")" }) ? "<\(link)>" : link
                    out += "[\(inner)](\(target))"
                } else {
                    out += inner
                }
                i = j
            }
        }
        return out
    }

    enum Context { case paragraph, cell, heading }

    /// Characters with bold and italic as `**`, `*` and `***`, the markers inside any white space.
    private func emphasised(_ stretch: [(Character, Format)], context: Context) -> String {
        var out = ""
        var i = 0
        while i < stretch.count {
            let format = stretch[i].1
            var j = i
            var text = ""
            while j < stretch.count, stretch[j].1.bold == format.bold, stretch[j].1.italic == format.italic {
                text.append(stretch[j].0)
                j += 1
            }
            var escaped = escape(text, context: context)
            let marker = context == .heading ? "" : (format.bold ? "**" : "") + (format.italic ? "*" : "")
            if !marker.isEmpty, !text.allSatisfy(TextCleaner.isSpace) {
                let leading = escaped.prefix { TextCleaner.isSpace($0) }
                let trailing = String(escaped.reversed().prefix { TextCleaner.isSpace($0) }.reversed())
                escaped = String(escaped.dropFirst(leading.count).dropLast(trailing.count))
                out += leading + marker + escaped + marker + trailing
            } else {
                out += escaped
            }
            i = j
        }
        return out
    }

    private func escape(_ text: String, context: Context) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\", "*", "_", "`", "[", "]", "<": out += "\\" + String(c)
            case "|" where context == .cell: out += "\\|"
            default: out.append(c)
            }
        }
        return out
    }

    /// A paragraph's first characters that CommonMark would read as a block marker, escaped.
    static func guardLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        let second = line.dropFirst().first
        let hashes = line.prefix { $0 == "#" }
        if first == ">" || ("+-".contains(first) && (second == " " || second == nil))
            || (first == "#" && hashes.count <= 6 && (line.dropFirst(hashes.count).first ?? " ") == " ")
            || (line.allSatisfy { $0 == "=" || $0 == " " }) || (line.allSatisfy { "-*_ ".contains($0) } && line.count >= 3) {
            return "\\" + line
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9, let next = line.dropFirst(digits.count).first, next == "." || next == ")",
           (line.dropFirst(digits.count + 1).first ?? " ") == " " {
            return String(digits) + "\\" + line.dropFirst(digits.count)
        }
        return line
    }
}
