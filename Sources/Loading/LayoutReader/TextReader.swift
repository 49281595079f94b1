import Model

/// `text:` — line breaking, how far spaces stretch and shrink, the baseline grid, and the
/// indents of lists and quotations.
extension LayoutReader {
    func readText(_ spec: inout LayoutSpec) {
        guard let text = section("text", what: "text") else { return }
        text.checkKeys(["breaking", "space-stretch", "space-shrink", "baseline-grid", "list-indent", "quote-indent", "break-space", "nbsp", "footnotes"])
        set(&spec.breaking, text, "breaking") { m, key in choice(m, key, what: "line breaking") }
        set(&spec.noBreakSpace, text, "nbsp") { m, key in choice(m, key, what: "treatment of non-breaking spaces") }
        set(&spec.spaceStretch, text, "space-stretch") { m, key in fraction(m, key, in: 0...2) }
        set(&spec.spaceShrink, text, "space-shrink") { m, key in fraction(m, key, in: 0...0.9) }
        set(&spec.baselineGrid, text, "baseline-grid") { m, key -> Pt?? in
            m.string(key) == "none" ? .some(nil) : length(m, key).map { Optional($0) }
        }
        set(&spec.blocks.listIndent, text, "list-indent", length)
        set(&spec.blocks.quoteIndent, text, "quote-indent", length)
        set(&spec.blocks.breakSpace, text, "break-space", length)
        set(&spec.blocks.footnotes, text, "footnotes") { m, key in choice(m, key, what: "footnote place") }
    }
}
