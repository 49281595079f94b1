/// Texts written into YAML (by `bantin new` and `bantin import`, and in hints): as an editor
/// would type them when that is safe, double-quoted with escapes otherwise.
public enum YAMLText {
    /// `"Tiêu đề \"có\" ngoặc"`: any text, on one line.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Plain when the text is words (letters, digits, spaces and `.,()/-` inside), which YAML
    /// reads back as the same text; quoted otherwise (`Hỏi: đáp`, `#1`, `yes`, `2025`).
    public static func scalar(_ text: String) -> String {
        let words = text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || " .,()/-".unicodeScalars.contains($0) }
        let plain = words && text.first?.isLetter == true && text.last.map { $0.isLetter || $0.isNumber || $0 == ")" || $0 == "." } == true
            && !["yes", "no", "true", "false", "on", "off", "null", "y", "n"].contains(text.lowercased())
        return plain ? text : quoted(text)
    }
}
