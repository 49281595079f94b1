import Model

/// `articles:` — whether an article starts a page or may run on below the last one, and the
/// rule between them; `padding:` — what fills the issue to a multiple of four pages.
extension LayoutReader {
    func readArticles(_ spec: inout LayoutSpec) {
        if let articles = section("articles", what: "articles") {
            articles.checkKeys(["start", "run-on"])
            set(&spec.articlesRunOn, articles, "start") { m, key in
                (choice(m, key, what: "article start") as ArticleStart?).map { $0 == .runOn }
            }
            if let runOn = section("run-on", in: articles, what: "run-on") {
                runOn.checkKeys(["above", "rule-width", "below", "room"])
                set(&spec.runOn.above, runOn, "above", length)
                set(&spec.runOn.ruleWidth, runOn, "rule-width", length)
                set(&spec.runOn.below, runOn, "below", length)
                set(&spec.runOn.room, runOn, "room") { m, key in fraction(m, key, in: 0...1) }
            }
        }
        set(&spec.padding, map, "padding") { m, key in choice(m, key, what: "padding") }
    }
}

/// `articles: { start: … }`: every article on a new page, or a short one's successor below it.
enum ArticleStart: String, CaseIterable {
    case newPage = "new-page"
    case runOn = "run-on"
}
