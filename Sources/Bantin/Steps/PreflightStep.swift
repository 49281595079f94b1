import Diagnostics
import Foundation
import Loading
import Output
import Pages
import PDF

/// Step 6: what the printing shop would complain about, from the pages and the finished
/// print.pdf; written as preflight.json and preflight.html beside it. Its errors fail the run.
struct PreflightStep: BuildStep {
    static let name = "Preflight"
    let engine: DiagnosticEngine

    func run(_ input: (loaded: LoadedIssue, pages: [Page], printPDF: URL)) throws -> PreflightReport? {
        let report = Preflight().check(input.pages, pdf: input.printPDF, pdfx: input.loaded.layout.pdfx)
        let folder = input.printPDF.deletingLastPathComponent()
        try OutputFile.write(try report.json(), to: folder.appendingPathComponent("preflight.json"))
        try OutputFile.write(Data(report.html(title: input.loaded.issue.pdfMetadata.title).utf8),
                             to: folder.appendingPathComponent("preflight.html"))
        report.emit(into: engine, id: input.loaded.issue.id)
        return report
    }
}

extension PreflightReport {
    /// The findings as diagnostics of the run: an error fails it (exit status 1).
    func emit(into engine: DiagnosticEngine, id: String) {
        for f in findings {
            let severity: Diagnostics.Severity = f.severity == .error ? .error : .warning
            engine.emit(Diagnostic(severity, id: "preflight-" + f.check, "preflight (\(id)): " + f.message, at: nil, hint: f.hint))
        }
    }
}
