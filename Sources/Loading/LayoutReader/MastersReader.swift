import Model

/// `masters:` — the running head and folio of left and right pages, and where they stand.
extension LayoutReader {
    func readMasters(_ spec: inout LayoutSpec) {
        guard let masters = section("masters", what: "masters") else { return }
        masters.checkKeys(["left", "right", "head-on-openers", "head-above", "head-rule-gap", "head-rule-width", "folio-below"])
        set(&spec.masters.headOnOpeners, masters, "head-on-openers", bool)
        if let left = section("left", in: masters, what: "the left master") { read(left, into: &spec.masters.left) }
        if let right = section("right", in: masters, what: "the right master") { read(right, into: &spec.masters.right) }
        set(&spec.masters.headAbove, masters, "head-above", length)
        set(&spec.masters.headRuleGap, masters, "head-rule-gap", length)
        set(&spec.masters.headRuleWidth, masters, "head-rule-width", length)
        set(&spec.masters.folioBelow, masters, "folio-below", length)
    }

    private func read(_ m: MappingReader, into master: inout MasterPage) {
        m.checkKeys(["head", "folio"])
        set(&master.head, m, "head") { m, key in template(m, key, fields: Masters.fields) }
        set(&master.folio, m, "folio") { m, key in choice(m, key, what: "folio position") }
    }
}
