import Model

/// `page:` — trim size, bleed, margins; `columns:` — count and gutter.
extension LayoutReader {
    func readPage(_ spec: inout LayoutSpec) {
        guard let page = section("page", what: "page") else { return }
        page.checkKeys(["trim", "bleed", "margins"])
        set(&spec.trim, page, "trim", paper)
        set(&spec.bleed, page, "bleed", length)
        guard let m = section("margins", in: page, what: "margins") else { return }
        m.checkKeys(["top", "bottom", "inside", "outside"])
        set(&spec.margins.top, m, "top", length)
        set(&spec.margins.bottom, m, "bottom", length)
        set(&spec.margins.inside, m, "inside", length)
        set(&spec.margins.outside, m, "outside", length)
    }

    func readColumns(_ spec: inout LayoutSpec) {
        guard let columns = section("columns", what: "columns") else { return }
        columns.checkKeys(["count", "gutter"])
        set(&spec.columns, columns, "count") { m, key in m.int(key, in: 1...6) }
        set(&spec.gutter, columns, "gutter", length)
    }
}
