/// Inline content of a paragraph, heading or caption.
public indirect enum Inline: Sendable, Hashable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case code(String)
    case link(url: String, [Inline])
    /// A line end inside a paragraph: a space when typeset.
    case softBreak
    /// A forced line break (two spaces or a backslash at the end of a line).
    case lineBreak
    /// A reference to the article's footnote with this number.
    case footnote(Int)
}

extension Array where Element == Inline {
    /// The text as a reader sees it, with soft breaks as spaces.
    public var plainText: String {
        var out = ""
        for inline in self { inline.appendPlainText(to: &out) }
        return out
    }
}

extension Inline {
    func appendPlainText(to out: inout String) {
        switch self {
        case .text(let s), .code(let s): out += s
        case .emphasis(let c), .strong(let c), .link(_, let c): for i in c { i.appendPlainText(to: &out) }
        case .softBreak, .lineBreak: out += " "
        case .footnote: break
        }
    }
}
