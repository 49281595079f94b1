import Foundation
import Layout
import Loading

extension Pipeline {
    public enum DumpStage: String, CaseIterable, Sendable {
        case document, lines, pages
    }

    /// An IR as text: the document, every paragraph's lines at the column width, or the pages.
    public func dump(_ stage: DumpStage, _ folder: URL) -> String? {
        guard let loaded = load(folder) else { return nil }
        if stage == .document { return loaded.issue.dump }
        guard let typesetter = check(loaded) else { return nil }
        let paginator = Paginator(issue: loaded.issue, layout: loaded.layout, typesetter: typesetter)
        do {
            let composition = try paginator.compose()
            if stage == .lines { return composition.dump }
            return try paginator.paginate(composition).pages.map(\.dump).joined(separator: "\n")
        } catch {
            engine.emit(.error("build", "\(error)", at: nil))
            return nil
        }
    }
}

extension Pipeline {
    /// `2025-q1: 9 articles, 1530 lines, 0 overfull, 129 loose (r > 1)` — what `bantin check` prints.
    public func checkSummary(_ folder: URL) -> String? {
        guard let loaded = load(folder), let typesetter = check(loaded) else { return nil }
        let paginator = Paginator(issue: loaded.issue, layout: loaded.layout, typesetter: typesetter)
        do {
            let composition = try paginator.compose()
            let lines = composition.lines
            let overfull = lines.filter(\.isOverfull).count
            let loose = lines.filter { $0.ratio > 1 }.count
            let pages = try paginator.paginate(composition).pages.count
            return "\(loaded.issue.id): \(loaded.issue.articles.count) articles, \(pages) pages, \(lines.count) lines, "
                + "\(overfull) overfull, \(loose) loose (adjustment ratio above 1)"
        } catch {
            engine.emit(.error("build", "\(error)", at: nil))
            return nil
        }
    }
}
