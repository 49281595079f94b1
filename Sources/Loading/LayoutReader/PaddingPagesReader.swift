import Model

/// `padding-pages:` — the words and measures of the blank, notes and advertisement pages.
extension LayoutReader {
    static let advertFields = ["publication", "next", "contact", "url"]

    func readPaddingPages(_ spec: inout LayoutSpec) {
        guard let pages = section("padding-pages", what: "padding-pages") else { return }
        pages.checkKeys(["blank", "notes", "advert"])
        if let blank = section("blank", in: pages, what: "the blank page") {
            blank.checkKeys(["text"])
            set(&spec.paddingPages.blankText, blank, "text", text)
        }
        if let notes = section("notes", in: pages, what: "the notes page") {
            notes.checkKeys(["title", "first-line", "line-spacing", "bottom", "rule-width", "rule-color"])
            set(&spec.paddingPages.notesTitle, notes, "title", text)
            set(&spec.paddingPages.notesFirstLine, notes, "first-line", length)
            set(&spec.paddingPages.notesLineSpacing, notes, "line-spacing") { m, key in
                length(m, key).flatMap { $0 > .mm(1) ? $0 : nil }
            }
            set(&spec.paddingPages.notesBottom, notes, "bottom", length)
            set(&spec.paddingPages.notesRuleWidth, notes, "rule-width", length)
            set(&spec.paddingPages.notesRuleColor, notes, "rule-color", color)
        }
        guard let advert = section("advert", in: pages, what: "the advertisement page") else { return }
        readAdvert(advert, into: &spec.paddingPages)
    }

    private func readAdvert(_ advert: MappingReader, into pages: inout PaddingFurniture) {
        advert.checkKeys(["top", "bar", "title", "title-above", "title-below", "lines", "line-below", "next-issue"])
        set(&pages.advertTop, advert, "top") { m, key in fraction(m, key, in: 0...0.9) }
        if let bar = section("bar", in: advert, what: "the advertisement's bar") {
            bar.checkKeys(["above", "height"])
            set(&pages.advertBarAbove, bar, "above", length)
            set(&pages.advertBarHeight, bar, "height", length)
        }
        set(&pages.advertTitle, advert, "title") { m, key in template(m, key, fields: Self.advertFields) }
        set(&pages.advertTitleAbove, advert, "title-above", length)
        set(&pages.advertTitleBelow, advert, "title-below", length)
        set(&pages.advertLines, advert, "lines") { m, key in
            m.strings(key).map { lines in lines.filter { checkFields($0.text, fields: Self.advertFields, at: $0.range) }.map(\.text) }
        }
        set(&pages.advertLineBelow, advert, "line-below", length)
        set(&pages.nextIssue, advert, "next-issue") { m, key in template(m, key, fields: ["quarter", "year", "number"]) }
    }
}
