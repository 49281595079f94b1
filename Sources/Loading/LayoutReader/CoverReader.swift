import Model

/// `cover:` — where the type stands over the cover image: inset, top, the rule under the title, the headline.
extension LayoutReader {
    func readCover(_ spec: inout LayoutSpec) {
        guard let cover = section("cover", what: "cover") else { return }
        cover.checkKeys(["inset", "top", "rule", "headline"])
        set(&spec.cover.inset, cover, "inset", length)
        set(&spec.cover.top, cover, "top", length)
        if let rule = section("rule", in: cover, what: "the cover's rule") {
            rule.checkKeys(["above", "length", "width", "below"])
            set(&spec.cover.ruleAbove, rule, "above", length)
            set(&spec.cover.ruleLength, rule, "length", length)
            set(&spec.cover.ruleWidth, rule, "width", length)
            set(&spec.cover.ruleBelow, rule, "below", length)
        }
        if let headline = section("headline", in: cover, what: "the cover's headline") {
            headline.checkKeys(["above", "width"])
            set(&spec.cover.headlineAbove, headline, "above", length)
            set(&spec.cover.headlineWidth, headline, "width") { m, key in fraction(m, key, in: 0.2...1) }
        }
    }
}
