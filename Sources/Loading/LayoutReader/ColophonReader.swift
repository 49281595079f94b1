import Model

/// `colophon:` — `true` or `false`, or the imprint's words and measures (`page:` says whether there is one).
extension LayoutReader {
    func readColophon(_ spec: inout LayoutSpec) {
        if let node = map.value("colophon"), node.scalar != nil, !complete {
            spec.colophon = bool(map, "colophon") ?? spec.colophon
            return
        }
        guard let colophon = section("colophon", what: "colophon") else { return }
        colophon.checkKeys(["page", "width", "board", "publisher", "issn", "date", "bottom", "rule"])
        set(&spec.colophon, colophon, "page", bool)
        set(&spec.colophonPage.width, colophon, "width") { m, key in fraction(m, key, in: 0.2...1) }
        set(&spec.colophonPage.board, colophon, "board", text)
        set(&spec.colophonPage.publisher, colophon, "publisher", text)
        set(&spec.colophonPage.issn, colophon, "issn") { m, key in template(m, key, fields: ["issn"]) }
        set(&spec.colophonPage.date, colophon, "date") { m, key in template(m, key, fields: ["date"]) }
        set(&spec.colophonPage.bottom, colophon, "bottom", length)
        if let rule = section("rule", in: colophon, what: "the colophon's rule") {
            rule.checkKeys(["above", "width"])
            set(&spec.colophonPage.ruleAbove, rule, "above", length)
            set(&spec.colophonPage.ruleWidth, rule, "width", length)
        }
    }
}
