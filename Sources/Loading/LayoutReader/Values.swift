import Diagnostics
import Foundation
import Model
import Yams

/// The values a layout key may hold, each parsed with a located error: lengths, fractions,
/// switches, names from a list, texts, templates, colours, paper sizes.
extension LayoutReader {
    /// One of an enumeration's names (`justify`, `run-on`…), or an error listing them.
    func choice<T: RawRepresentable & CaseIterable>(_ map: MappingReader, _ key: String, what: String) -> T?
    where T.RawValue == String {
        guard let name = map.string(key) else { return nil }
        if let value = T(rawValue: name) { return value }
        engine.emit(.error("layout-value", "unknown \(what) '\(name)'", at: map.range(key),
                           hint: String.suggestion(for: name, among: T.allCases.map(\.rawValue), what: "valid values")))
        return nil
    }

    func fraction(_ map: MappingReader, _ key: String, in bounds: ClosedRange<Double>) -> Double? {
        guard let node = map.value(key) else { return nil }
        guard let v = node.scalar.flatMap({ Double($0.string) }), bounds.contains(v) else {
            engine.emit(.error("layout-value", "'\(key)' must be a number between \(bounds.lowerBound) and \(bounds.upperBound)",
                               at: map.document.range(node), hint: "a fraction of the space's width, e.g. `\(key): 0.5`"))
            return nil
        }
        return v
    }

    func bool(_ map: MappingReader, _ key: String) -> Bool? {
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
        if map.decimalComma(key) != nil { return nil }  // reported with the mapping's keys
        if text.contains(","), LayoutReader.parseLength(text.replacingOccurrences(of: ",", with: ".")) != nil {
            map.reportDecimalComma(key, text, at: node)
            return nil
        }
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

    /// A text as written (furniture words such as "Ghi chú").
    func text(_ map: MappingReader, _ key: String) -> String? {
        map.string(key)
    }

    /// A text that may name `{field}`s, each one of `fields`.
    func template(_ map: MappingReader, _ key: String, fields: [String]) -> String? {
        guard let text = map.string(key) else { return nil }
        return checkFields(text, fields: fields, at: map.range(key)) ? text : nil
    }

    /// Reports each `{field}` of `text` that is not one of `fields`.
    func checkFields(_ text: String, fields: [String], at range: SourceRange) -> Bool {
        var rest = Substring(text)
        var ok = true
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let field = String(rest[rest.index(after: open)..<close])
            if !fields.contains(field) {
                ok = false
                engine.emit(.error("layout-value", "unknown field '{\(field)}' in '\(text)'", at: range,
                                   hint: String.suggestion(for: field, among: fields, what: "fields")))
            }
            rest = rest[rest.index(after: close)...]
        }
        return ok
    }

    /// `"#1a1a1a"`, or `"rgb(30%, 30%, 30%)"` for an exact share of each primary.
    func color(_ map: MappingReader, _ key: String) -> Color? {
        guard let text = map.string(key) else { return nil }
        if let c = Color(hex: text) ?? Self.parsePercentRGB(text) { return c }
        engine.emit(.error("layout-value", "bad colour '\(text)'", at: map.range(key),
                           hint: "write a colour as \"#rrggbb\" in quotes, e.g. \"#1a1a1a\", or \"rgb(30%, 30%, 30%)\""))
        return nil
    }

    static func parsePercentRGB(_ text: String) -> Color? {
        guard text.hasPrefix("rgb("), text.hasSuffix(")") else { return nil }
        let parts = text.dropFirst(4).dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parts.compactMap { part -> Double? in
            guard part.hasSuffix("%"), let v = Double(part.dropLast()), (0...100).contains(v) else { return nil }
            return v / 100
        }
        guard parts.count == 3, values.count == 3 else { return nil }
        return Color(red: values[0], green: values[1], blue: values[2])
    }

    func paper(_ map: MappingReader, _ key: String) -> Size? {
        guard let node = map.value(key) else { return nil }
        let text = (node.scalar?.string ?? "").trimmingCharacters(in: .whitespaces)
        if let size = PaperSize.named[text.uppercased()] { return size }
        let parts = text.lowercased().split(separator: "x").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2, let w = LayoutReader.parseLength(parts[0]), let h = LayoutReader.parseLength(parts[1]), w > 0, h > 0 {
            return Size(width: w, height: h)
        }
        if map.decimalComma(key) != nil { return nil }  // reported with the mapping's keys
        if text.contains(",") {
            let pointed = text.lowercased().replacingOccurrences(of: ",", with: ".").split(separator: "x")
            if pointed.count == 2, pointed.allSatisfy({ LayoutReader.parseLength($0.trimmingCharacters(in: .whitespaces)) != nil }) {
                map.reportDecimalComma(key, text, at: node)
                return nil
            }
        }
        engine.emit(.error("bad-unit", "unknown trim size '\(text)'", at: map.document.range(node),
                           hint: "use A4, A5, B5 or a size such as `210mm x 297mm`"))
        return nil
    }

    /// A number checked against `bounds`, with an example in the hint.
    func number(_ map: MappingReader, _ key: String, _ accept: (Double) -> Bool, _ message: String, hint: String) -> Double? {
        guard let node = map.value(key) else { return nil }
        if let v = node.scalar.flatMap({ Double($0.string) }), accept(v) { return v }
        engine.emit(.error("layout-value", message, at: map.document.range(node), hint: hint))
        return nil
    }
}

/// Paper sizes a designer may name instead of writing millimetres.
public enum PaperSize {
    public static let a4 = Size(width: .mm(210), height: .mm(297))
    public static let a5 = Size(width: .mm(148), height: .mm(210))
    public static let b5 = Size(width: .mm(176), height: .mm(250))
    public static let named: [String: Size] = ["A4": a4, "A5": a5, "B5": b5]
}
