import Model

/// A stretch of text with one look, before it is cut into words.
struct StyledRun {
    var text: String
    var bold = false
    var italic = false
    var code = false
    var link: String?
    var forcedBreak = false
}

public enum StyledText {
    /// `12` → `¹²`: how print sets a footnote's number in the text (pdftotext reads it back as
    /// the same characters).
    public static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }

    /// The link a footnote reference's run carries while it is set.
    public static func footnoteLink(_ n: Int) -> String { "bantin-footnote:\(n)" }
    public static func footnoteNumber(_ link: String?) -> Int? {
        guard let link, link.hasPrefix("bantin-footnote:") else { return nil }
        return Int(link.dropFirst("bantin-footnote:".count))
    }

    /// Flattens inlines into runs; soft breaks become spaces, hard breaks forced breaks.
    static func runs(_ inlines: [Inline], uppercase: Bool = false) -> [StyledRun] {
        var out: [StyledRun] = []
        func walk(_ inlines: [Inline], _ base: StyledRun) {
            for inline in inlines {
                var run = base
                switch inline {
                case .text(let s):
                    run.text = uppercase ? s.uppercased() : s
                    out.append(run)
                case .code(let s):
                    run.text = s
                    run.code = true
                    out.append(run)
                case .softBreak:
                    run.text = " "
                    out.append(run)
                case .lineBreak:
                    run.text = ""
                    run.forcedBreak = true
                    out.append(run)
                case .footnote(let n):
                    // A superscript number; the link marks the line that refers to the note, and is
                    // taken off by the composer.
                    run.text = StyledText.superscript(n)
                    run.link = StyledText.footnoteLink(n)
                    out.append(run)
                case .emphasis(let c):
                    run.italic.toggle()
                    walk(c, run)
                case .strong(let c):
                    run.bold = true
                    walk(c, run)
                case .link(let url, let c):
                    run.link = url
                    walk(c, run)
                }
            }
        }
        walk(inlines, StyledRun(text: ""))
        return out
    }
}

