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
        /// Its tags, lowercased, for relating articles.
        var tags: Set<String>
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
                          thumbnail: article.figures.first?.image, tags: Set(article.tags.map { $0.lowercased() }))
                }
            }
        }
        var index: [String: Int] = [:]
        for (i, e) in entries.enumerated() { index[e.path] = i }
        byPath = index
    }

    /// Where each entry is, by its path.
    private let byPath: [String: Int]

    func entry(issue: String, slug: String) -> Entry? {
        byPath["\(issue)/\(slug)/index.html"].map { entries[$0] }
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
        // Scores by index (entries are large values: they are not copied to be sorted).
        var scored: [(index: Int, score: Int)] = []
        scored.reserveCapacity(entries.count)
        for (i, other) in entries.enumerated() where other.path != entry.path {
            let score = (other.section.title == entry.section.title ? 2 : 0) + other.tags.intersection(entry.tags).count
            scored.append((i, score))
        }
        let ranked = scored.sorted { a, b in
            let x = entries[a.index], y = entries[b.index]
            return a.score != b.score ? a.score > b.score : x.date != y.date ? x.date > y.date : x.path < y.path
        }
        return ranked.prefix(count).map { entries[$0.index] }
    }
}
