import Model

/// `opener:` — how an article opens: the kicker above its title, the rule under its byline, the standfirst's measure.
extension LayoutReader {
    func readOpener(_ spec: inout LayoutSpec) {
        guard let opener = section("opener", what: "opener") else { return }
        opener.checkKeys(["kicker", "kicker-below", "rule", "rule-above", "rule-width", "standfirst-width"])
        set(&spec.opener.kicker, opener, "kicker", bool)
        set(&spec.opener.rule, opener, "rule", bool)
        set(&spec.opener.standfirstWidth, opener, "standfirst-width") { m, key in fraction(m, key, in: 0.3...1) }
        set(&spec.opener.kickerBelow, opener, "kicker-below", length)
        set(&spec.opener.ruleAbove, opener, "rule-above", length)
        set(&spec.opener.ruleWidth, opener, "rule-width", length)
    }
}
