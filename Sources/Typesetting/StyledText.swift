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

enum StyledText {
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

