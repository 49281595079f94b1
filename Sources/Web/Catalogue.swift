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
        /// About 300 characters of the article's text (never its summary), cut at a word: what
        /// a related-article card says of it.
        var opening: String
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
                          date: article.date ?? issue.date, excerpt: Catalogue.excerpt(article), opening: Catalogue.opening(article),
                          thumbnail: article.figures.first?.image, tags: Set(article.tags.map { $0.lowercased() }))
                }
            }
        }
        var index: [String: Int] = [:]
        for (i, e) in entries.enumerated() { index[e.path] = i }
        byPath = index
        relatedByIndex = Catalogue.rankRelated(entries)
    }

    /// Where each entry is, by its path.
    private let byPath: [String: Int]
    /// For each entry, the indices of its related articles, best first (as many as a page shows).
    private let relatedByIndex: [[Int]]
    static let relatedCount = 3

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

    /// The article's text from its first paragraph on, up to `limit` characters cut at a word,
    /// with "…" when cut: the body only, not the summary the page's header already shows.
    static func opening(_ article: Article, limit: Int = 300) -> String {
        var text = ""
        for block in article.blocks where text.count <= limit {
            if case .paragraph(let inlines) = block.kind {
                let paragraph = inlines.plainText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                text += (text.isEmpty || paragraph.isEmpty ? "" : " ") + paragraph
            }
        }
        return text.excerpt(limit)
    }

    /// Up to three articles: two points for the same section title, one per shared tag; the
    /// newest first among equals. When nothing is related, the newest other articles.
    func related(to entry: Entry) -> [Entry] {
        byPath[entry.path].map { relatedByIndex[$0].map { entries[$0] } } ?? []
    }

    /// Every entry's related articles. The ranking depends only on an entry's section title
    /// and tags, so it is made once per such pair (and the entry itself then left out), not once
    /// per article: an issue's articles share a few sections and tags.
    private static func rankRelated(_ entries: [Entry]) -> [[Int]] {
        struct Signature: Hashable {
            var section: String
            var tags: Set<String>
        }
        var rankings: [Signature: [Int]] = [:]
        return entries.indices.map { i in
            let entry = entries[i]
            let signature = Signature(section: entry.section.title, tags: entry.tags)
            let ranking = rankings[signature] ?? {
                // Scores by index (entries are large values: they are not copied to be sorted).
                let scores = entries.map { ($0.section.title == signature.section ? 2 : 0) + $0.tags.intersection(signature.tags).count }
                let ranked = entries.indices.sorted { a, b in
                    let x = entries[a], y = entries[b]
                    return scores[a] != scores[b] ? scores[a] > scores[b] : x.date != y.date ? x.date > y.date : x.path < y.path
                }
                rankings[signature] = ranked
                return ranked
            }()
            return Array(ranking.lazy.filter { entries[$0].path != entry.path }.prefix(relatedCount))
        }
    }
}
