import Model

/// `figures:` — how tall an image may be, which span all columns, the least resolution of one that does.
extension LayoutReader {
    func readFigures(_ spec: inout LayoutSpec) {
        guard let figures = section("figures", what: "figures") else { return }
        figures.checkKeys(["max-height", "wide-ratio", "min-ppi"])
        set(&spec.figureMinPPI, figures, "min-ppi") { m, key in
            number(m, key, { (72...1200).contains($0) }, "'min-ppi' must be a resolution between 72 and 1200",
                   hint: "for example `min-ppi: 300`, what printing shops ask")
        }
        set(&spec.figureWideRatio, figures, "wide-ratio") { m, key in
            number(m, key, { $0 >= 1 }, "'wide-ratio' must be a width-to-height ratio of 1 or more",
                   hint: "for example `wide-ratio: 1.7`; a very large value keeps every figure in its column")
        }
        set(&spec.figureMaxHeight, figures, "max-height") { m, key in
            number(m, key, { $0 > 0.1 && $0 <= 1 }, "'max-height' must be a fraction of the column height between 0.1 and 1",
                   hint: "for example `max-height: 0.6`")
        }
    }
}
