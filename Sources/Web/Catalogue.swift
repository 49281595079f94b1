import Foundation
import Model

/// Every article of the issues being published, with what cards and feeds need, and the
/// "Bài viết liên quan" of each: same section or shared tags, across issues.
struct Catalogue {
    struct Entry {
        var issue: Issue
        var section: Section
        var article: Article
        /// From the site's root: `2025-q1/hoi-nghi/index.html`.
        var path: String
        var date: ISODate
        var excerpt: String
        /// The article's first figure, or nil.
        var thumbnail: ImageRef?
    }

    let entries: [Entry]
    /// Issues newest first.
    let issues: [Issue]

    init(editions: [Issue]) {
        issues = editions.sorted { $0.date > $1.date }
        entries = editions.flatMap { issue in
            issue.sections.flatMap { section in
                section.articles.map { article in
                    Entry(issue: issue, section: section, article: article, path: "\(issue.id)/\(article.slug)/index.html",
                          date: article.date ?? issue.date, excerpt: Catalogue.excerpt(article),
                          thumbnail: article.figures.first?.image)
                }
            }
        }
    }

    /// The summary, or the start of the first paragraph, cut at a word boundary.
    static func excerpt(_ article: Article) -> String {
        if let summary = article.summary, !summary.isEmpty { return summary.excerpt(220) }
        for block in article.blocks {
            if case .paragraph(let inlines) = block.kind { return inlines.plainText.excerpt(220) }
        }
        return ""
    }

    /// Up to three articles: two points for the same section title, one per shared tag; the
    /// newest first among equals. When nothing is related, the newest other articles.
    func related(to entry: Entry, count: Int = 3) -> [Entry] {
        let tags = Set(entry.article.tags.map { $0.lowercased() })
        let scored = entries.filter { $0.path != entry.path }.map { other -> (Entry, Int) in
            var score = other.section.title == entry.section.title ? 2 : 0
            score += Set(other.article.tags.map { $0.lowercased() }).intersection(tags).count
            return (other, score)
        }
        let ranked = scored.sorted { a, b in
            a.1 != b.1 ? a.1 > b.1 : a.0.date != b.0.date ? a.0.date > b.0.date : a.0.path < b.0.path
        }
        return Array(ranked.prefix(count).map(\.0))
    }
}
