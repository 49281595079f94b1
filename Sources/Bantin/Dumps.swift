import Foundation
import Layout
import Loading
import PDF

extension Pipeline {
    /// An issue loaded, checked, typeset and paginated, for the commands that write no PDF.
    struct Laid {
        var loaded: LoadedIssue
        var composition: Paginator.Composition
        var result: Paginator.Result
    }

    /// Steps 1 to 4 without outputs; the layout's own problems (a figure too tall) are reported.
    func lay(_ folder: URL) -> Laid? {
        guard let loaded = load(folder), let typesetter = check(loaded) else { return nil }
        let paginator = Paginator(issue: loaded.issue, layout: loaded.layout, typesetter: typesetter)
        do {
            let composition = try paginator.compose()
            let result = try paginator.paginate(composition)
            engine.emit(contentsOf: result.problems)
            return Laid(loaded: loaded, composition: composition, result: result)
        } catch {
            engine.emit(.error("build", "\(loaded.issue.id): \(error)", at: nil))
            return nil
        }
    }

    public enum DumpStage: String, CaseIterable, Sendable {
        case document, lines, pages
    }

    /// An IR as text: the document, every paragraph's lines at the column width, or the pages.
    public func dump(_ stage: DumpStage, _ folder: URL) -> String? {
        if stage == .document { return load(folder)?.issue.dump }
        guard let laid = lay(folder) else { return nil }
        return stage == .lines ? laid.composition.dump : laid.result.pages.map(\.dump).joined(separator: "\n")
    }

    /// The quality report of `bantin check`: a line per article (lines, overfull, loose, the
    /// worst paragraph and where it is), then the issue's totals and the preflight's verdict.
    public func checkReport(_ folder: URL) -> String? {
        guard let laid = lay(folder) else { return nil }
        let issue = laid.loaded.issue
        let report = Preflight().check(laid.result.pages, pdf: nil, pdfx: laid.loaded.layout.pdfx)
        emit(report, id: issue.id)
        let quality = laid.composition.quality
        var out: [String] = []
        for (article, q) in zip(issue.articles, quality) {
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
        out.append("\(issue.id): \(issue.articles.count) articles, \(laid.result.pages.count) pages, \(lines) lines, "
            + "\(overfull) overfull, \(loose) loose (\(String(format2: share)) %, adjustment ratio above 1)")
        out.append("preflight: \(report.verdict) (\(report.errors) error(s), \(report.warnings) warning(s))")
        return out.joined(separator: "\n")
    }
}
