import Diagnostics
import Foundation
import Model
import Yams

/// A YAML text (a whole manifest or an article's front matter) parsed into Yams nodes, with the
/// means to turn any node back into a `SourceRange` in the file it came from.
struct YAMLDocument {
    let file: SourceFile
    /// Lines before the YAML text in its file (1 for front matter after `---`).
    let lineOffset: Int
    let root: Node?
    /// True when the text had a syntax error (already reported).
    let failed: Bool

    /// Parses `text`; a syntax error becomes one located diagnostic and a nil root.
    init(file: SourceFile, text: String? = nil, lineOffset: Int = 0, engine: DiagnosticEngine) {
        self.file = file
        self.lineOffset = lineOffset
        let yaml = text ?? file.text
        do {
            // UTF-8 named here: Yams' `.default` encoding reads the whole environment on every call.
            // The basic resolver tags every plain scalar a string: the readers take each value's
            // text and convert it themselves, so the default resolver's regular expressions (run
            // on every scalar, and again to hash each key for the duplicate check) bought nothing.
            let composed = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
            if let composed, YAMLDocument.expands(composed, beyond: YAMLDocument.maximumValues) {
                root = nil
                failed = true
                engine.emit(.error("yaml-too-large", "this YAML holds more than \(YAMLDocument.maximumValues) values once its aliases are expanded",
                                   at: SourceRange(path: file.path, line: lineOffset + 1, column: 1),
                                   hint: "an alias (`*name`) repeats what its anchor (`&name`) holds; write the values out instead"))
                return
            }
            root = composed
            failed = false
        } catch {
            root = nil
            failed = true
            engine.emit(YAMLDocument.diagnostic(for: error, file: file, yaml: yaml, lineOffset: lineOffset))
        }
    }

    func range(_ node: Node) -> SourceRange {
        guard let mark = node.mark else { return .file(file.path) }
        return SourceRange(path: file.path, line: mark.line + lineOffset, column: mark.column)
    }

    /// More values than any manifest, front matter or layout has: past it, a document is an
    /// alias bomb (`&a [x, x]`, `&b [*a, *a]` … doubles at every line) and is refused before
    /// any reader walks it.
    static let maximumValues = 100_000

    /// True when the tree, aliases expanded (an alias is its anchor's node, again), has more
    /// than `limit` nodes; stops counting there, so the walk is bounded too.
    static func expands(_ root: Node, beyond limit: Int) -> Bool {
        var count = 0, stack = [root]
        while let node = stack.popLast() {
            count += 1
            if count > limit { return true }
            switch node {
            case .sequence(let s): stack.append(contentsOf: s)
            case .mapping(let m): for (key, value) in m { stack.append(key); stack.append(value) }
            default: break
            }
        }
        return false
    }

    /// The start of the YAML text, for "missing key" errors.
    var startRange: SourceRange { SourceRange(path: file.path, line: 1 + lineOffset, column: 1) }

    private static func diagnostic(for error: Error, file: SourceFile, yaml: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark?) -> SourceRange {
            SourceRange(path: file.path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
        }
        var hint = "check the indentation and that every `key: value` has a space after the colon"
        let message: String
        let range: SourceRange
        switch error {
        case YamlError.scanner(let context, let problem, let mark, _),
             YamlError.parser(let context, let problem, let mark, _),
             YamlError.composer(let context, let problem, let mark, _):
            message = "YAML syntax error: \(problem)" + (context.map { " (\($0.text))" } ?? "")
            range = at(mark)
            if problem.hasPrefix("mapping values are not allowed"), let line = file.line(range.start.line),
               let quoted = quotingHint(line, column: range.start.column) {
                hint = quoted
            }
        case YamlError.duplicatedKeysInMapping(let duplicates, let context):
            message = "duplicate key " + duplicates.map { "'\($0)'" }.joined(separator: ", ")
            range = at(context.mark)
            hint = "each key may appear once in a mapping; remove or merge the repeated one"
        case YamlError.reader(let problem, _, _, _):
            message = "YAML cannot be read: \(problem)"
            range = at(nil)
        default:
            message = "YAML error: \(error)"
            range = at(nil)
        }
        if let line = file.line(range.start.line), line.contains("\t") {
            hint = "YAML does not allow tabs for indentation; indent with spaces"
        }
        return .error("yaml-syntax", message, at: range, hint: hint)
    }

    /// "put the value in quotes: title: \"Hội nghị: tổng kết năm\"" for a `key: value` line whose
    /// value holds a colon YAML read as a second key (the error's `column`, after the first colon);
    /// nil when the line is not of that shape or its value is already quoted or a flow collection.
    static func quotingHint(_ line: Substring, column: Int) -> String? {
        let scalars = Array(line.unicodeScalars)
        var start = 0
        while start < scalars.count, scalars[start] == " " { start += 1 }
        if start + 1 < scalars.count, scalars[start] == "-", scalars[start + 1] == " " { start += 2 }
        guard let colon = (start..<scalars.count).first(where: { scalars[$0] == ":" && ($0 + 1 == scalars.count || scalars[$0 + 1] == " ") }),
              column - 1 > colon
        else { return nil }
        // A comment (` #` onwards) stays outside the quotes.
        let end = (colon..<scalars.count).first { scalars[$0] == "#" && scalars[$0 - 1] == " " } ?? scalars.count
        func text(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(scalars[range])).trimmingCharacters(in: .whitespaces)
        }
        let key = text(start..<colon), value = text((colon + 1)..<end)
        guard !key.isEmpty, let first = value.unicodeScalars.first, !"\"'[{|>&*!".unicodeScalars.contains(first) else { return nil }
        return "put the value in quotes: \(key): \(YAMLText.quoted(value))"
    }
}

/// Reads a YAML mapping key by key, reporting unknown keys, missing keys and wrong types.
struct MappingReader {
    let document: YAMLDocument
    let node: Node
    let pairs: [(key: String, keyNode: Node, value: Node)]
    let engine: DiagnosticEngine
    /// What the mapping is, for messages: "issue.yaml", "front matter", "cover".
    let what: String

    init?(_ node: Node?, in document: YAMLDocument, what: String, engine: DiagnosticEngine, at fallback: SourceRange? = nil) {
        guard let node else { return nil }
        guard let mapping = node.mapping else {
            engine.emit(.error("yaml-type", "\(what) must be a mapping of `key: value` lines", at: document.range(node),
                               hint: "write one `key: value` per line"))
            return nil
        }
        self.document = document
        self.node = node
        self.engine = engine
        self.what = what
        self.pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    /// Reports every key that is not in `known`, with a hint listing the valid ones; a key that
    /// is the tail of a decimal comma (`{ size: 10,5pt }`) is reported as that.
    func checkKeys(_ known: [String]) {
        for (index, pair) in pairs.enumerated() where !known.contains(pair.key) {
            if index > 0, let written = decimalComma(pairs[index - 1].key) {
                reportDecimalComma(pairs[index - 1].key, written, at: pairs[index - 1].value)
                continue
            }
            engine.emit(.error("unknown-key", "unknown key '\(pair.key)' in \(what)", at: document.range(pair.keyNode),
                               hint: String.suggestion(for: pair.key, among: known, what: "valid keys")))
        }
    }

    func value(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }

    /// `10,5pt` as written, when `key`'s value is a number cut short by a comma in a flow mapping:
    /// `{ size: 10,5pt }` reads as `size: 10` and a key `5pt` with no value right after the comma.
    func decimalComma(_ key: String) -> String? {
        guard let index = pairs.firstIndex(where: { $0.key == key }), index + 1 < pairs.count,
              let head = pairs[index].value.scalar, head.style == .plain, head.string.last?.isNumber == true,
              let headMark = head.mark else { return nil }
        let next = pairs[index + 1]
        let headEnd = headMark.column + head.string.unicodeScalars.count
        guard next.key.first?.isNumber == true, next.value.scalar?.string.isEmpty == true,
              let tailMark = next.keyNode.mark, tailMark.line == headMark.line, tailMark.column == headEnd + 1,
              let line = document.file.line(headMark.line + document.lineOffset),
              line.unicodeScalars.dropFirst(headEnd - 1).first == ","
        else { return nil }
        return head.string + "," + next.key
    }

    /// An error at a value written with a decimal comma, whose hint writes it with a point.
    func reportDecimalComma(_ key: String, _ written: String, at node: Node) {
        engine.emit(.error("decimal-comma", "'\(key)' has a decimal comma: \(written)", at: document.range(node),
                           hint: "use a decimal point: " + written.replacingOccurrences(of: ",", with: ".")))
    }

    func range(_ key: String) -> SourceRange {
        value(key).map(document.range) ?? document.range(node)
    }

    private func missing(_ key: String, example: String) {
        engine.emit(.error("missing-key", "\(what) has no '\(key)'", at: document.range(node), hint: "add a line `\(key): \(example)`"))
    }

    private func wrongType(_ key: String, _ node: Node, expected: String) {
        engine.emit(.error("yaml-type", "'\(key)' must be \(expected)", at: document.range(node), hint: nil))
    }

    func string(_ key: String, required: Bool = false, example: String = "…") -> String? {
        guard let node = value(key) else {
            if required { missing(key, example: example) }
            return nil
        }
        guard let scalar = node.scalar else {
            wrongType(key, node, expected: "a text")
            return nil
        }
        let text = withoutControls(scalar.string, at: node).trimmingCharacters(in: .whitespacesAndNewlines)
        if required && text.isEmpty {
            engine.emit(.error("missing-key", "'\(key)' is empty", at: document.range(node), hint: "write a value after `\(key):`"))
            return nil
        }
        return text
    }

    func int(_ key: String, required: Bool = false, in bounds: ClosedRange<Int>? = nil, example: String = "1") -> Int? {
        guard let node = value(key) else {
            if required { missing(key, example: example) }
            return nil
        }
        guard let n = node.scalar.flatMap({ Int($0.string) }) else {
            wrongType(key, node, expected: "a whole number")
            return nil
        }
        if let bounds, !bounds.contains(n) {
            engine.emit(.error("yaml-range", "'\(key)' must be between \(bounds.lowerBound) and \(bounds.upperBound), not \(n)",
                               at: document.range(node)))
            return nil
        }
        return n
    }

    func date(_ key: String, required: Bool = false) -> ISODate? {
        guard let node = value(key) else {
            if required { missing(key, example: "2025-03-31") }
            return nil
        }
        let text = (node.scalar?.string ?? "").trimmingCharacters(in: .whitespaces)
        if let date = ISODate(text) { return date }
        let (message, hint) = Self.dateProblem(key, text)
        engine.emit(.error("bad-date", message, at: document.range(node), hint: hint))
        return nil
    }

    /// The message and hint for a value of `key` that is not a `YYYY-MM-DD` date: the date it
    /// reads as in another order, or why it cannot be one.
    static func dateProblem(_ key: String, _ text: String) -> (message: String, hint: String) {
        switch ISODate.misreading(text) {
        case .writtenAs(let date):
            return ("'\(key)' must be written YYYY-MM-DD, not '\(text)'", "did you mean \(date.iso)?")
        case .noSuchMonth(let month):
            return ("'\(key)' is not a date: there is no month \(month)", "write YYYY-MM-DD, with the month from 01 to 12")
        case .noSuchDay(let day, let month, let year):
            let days = ISODate.days(inMonth: month, year: year), name = "\(ISODate.monthNames[month - 1]) \(year)"
            let edge = ISODate(year: year, month: month, day: day < 1 ? 1 : days)!
            return ("'\(key)' is not a date: " + (day < 1 ? "there is no day 0" : "\(name) has \(days) days"),
                    "the \(day < 1 ? "first" : "last") day of \(name) is \(edge.iso)")
        case .notADate:
            return ("'\(key)' must be a date written YYYY-MM-DD", "for example `\(key): 2025-03-31`")
        }
    }

    /// A list of texts; a single text is accepted as a list of one.
    func strings(_ key: String) -> [(text: String, range: SourceRange)]? {
        guard let node = value(key) else { return nil }
        if let scalar = node.scalar {
            let text = withoutControls(scalar.string, at: node).trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? [] : [(text, document.range(node))]
        }
        guard let sequence = node.sequence else {
            wrongType(key, node, expected: "a list such as `[a, b]`")
            return nil
        }
        var out: [(String, SourceRange)] = []
        for item in sequence {
            guard let s = item.scalar?.string else {
                wrongType(key, item, expected: "a list of texts")
                continue
            }
            out.append((withoutControls(s, at: item).trimmingCharacters(in: .whitespaces), document.range(item)))
        }
        return out
    }

    /// A value with control characters written as YAML escapes (`"\f"`, `"\x0B"`) replaced by
    /// spaces, with a warning at the value; those typed into the file were replaced when it was read.
    private func withoutControls(_ text: String, at node: Node) -> String {
        let (clean, found) = Unicode.replacingControls(text)
        if let first = found.first {
            engine.emit(.warning("control-character", "a control character (U+\(String(format: "%04X", first.scalar.value))) in this value was replaced by a space",
                                 at: document.range(node), hint: "remove the escape from the value"))
        }
        return clean
    }

    func mapping(_ key: String, what: String) -> MappingReader? {
        MappingReader(value(key), in: document, what: what, engine: engine)
    }
}
