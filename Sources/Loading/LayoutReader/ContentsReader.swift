import Model

/// `contents:` — the contents page's heading, whether entries name the authors, and its spacing.
extension LayoutReader {
    func readContents(_ spec: inout LayoutSpec) {
        guard let contents = section("contents", what: "contents") else { return }
        contents.checkKeys(["title", "authors", "title-below", "issue-below", "section", "page-width", "page-gap", "entry-below"])
        set(&spec.contents.title, contents, "title", text)
        set(&spec.contents.authors, contents, "authors", bool)
        set(&spec.contents.titleBelow, contents, "title-below", length)
        set(&spec.contents.issueBelow, contents, "issue-below", length)
        if let section = section("section", in: contents, what: "the contents' section") {
            section.checkKeys(["above", "below", "rule-width", "rule-below", "keep"])
            set(&spec.contents.sectionAbove, section, "above", length)
            set(&spec.contents.sectionBelow, section, "below", length)
            set(&spec.contents.sectionRuleWidth, section, "rule-width", length)
            set(&spec.contents.sectionRuleBelow, section, "rule-below", length)
            set(&spec.contents.sectionKeep, section, "keep", length)
        }
        set(&spec.contents.pageWidth, contents, "page-width", length)
        set(&spec.contents.pageGap, contents, "page-gap", length)
        set(&spec.contents.entryBelow, contents, "entry-below", length)
    }
}
