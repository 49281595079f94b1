import Foundation
import Layout
import Loading
import PDF

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
    /// The quality report of `bantin check`: a line per article (lines, overfull, loose, the
    /// worst paragraph and where it is), then the issue's totals.
    public func checkReport(_ folder: URL) -> String? {
        guard let loaded = load(folder), let typesetter = check(loaded) else { return nil }
        let paginator = Paginator(issue: loaded.issue, layout: loaded.layout, typesetter: typesetter)
        do {
            let composition = try paginator.compose()
            let result = try paginator.paginate(composition)
            engine.emit(contentsOf: result.problems)
            let pages = result.pages.count
            let report = Preflight().check(result.pages, pdf: nil, pdfx: loaded.layout.pdfx)
            emit(report, id: loaded.issue.id)
            let quality = composition.quality
            var out: [String] = []
            for (article, q) in zip(loaded.issue.articles, quality) {
                var line = "\(article.path): \(q.lineCount) lines, \(q.overfull) overfull, \(q.loose) loose"
                if let worst = q.worst, let source = worst.source {
                    line += "; worst paragraph \(source.start) (largest |r| \(String(format2: worst.worstRatio)))"
                }
                out.append(line)
            }
            let lines = quality.reduce(0) { $0 + $1.lineCount }
            let loose = quality.reduce(0) { $0 + $1.loose }
            let overfull = quality.reduce(0) { $0 + $1.overfull }
            let share = lines > 0 ? Double(loose) * 100 / Double(lines) : 0
            out.append("\(loaded.issue.id): \(loaded.issue.articles.count) articles, \(pages) pages, \(lines) lines, "
                + "\(overfull) overfull, \(loose) loose (\(String(format2: share)) %, adjustment ratio above 1)")
            out.append("preflight: \(report.verdict) (\(report.errors) error(s), \(report.warnings) warning(s))")
            return out.joined(separator: "\n")
        } catch {
            engine.emit(.error("build", "\(error)", at: nil))
            return nil
        }
    }
}
