import Diagnostics
import Foundation
import Layout
import Model
import Loading
import Output
import Pages
import PDF

/// Step 6: what the printing shop would complain about, from the pages and the finished
/// print.pdf; written as preflight.json and preflight.html beside it. Its errors fail the run.
/// `build` runs the check itself as soon as print.pdf is written, beside the screen PDF
/// (`PreflightCheck`); this step then writes and reports what it found.
struct PreflightStep: BuildStep {
    static let name = "Preflight"
    let engine: DiagnosticEngine

    /// `checked` is the check's outcome when it already ran beside the screen PDF; `booklet`,
    /// booklet.pdf when this build wrote it: read too, its findings added.
    func run(_ input: (loaded: LoadedIssue, laid: [LaidPage], printPDF: URL, checked: PreflightCheck.Outcome?, booklet: URL?)) throws
        -> PreflightReport? {
        let layout = input.loaded.layout, laid = input.laid, title = input.loaded.issue.pdfMetadata.title
        var outcome = try input.checked
            ?? PreflightCheck.Outcome(Preflight().check(laid.map(\.page), pdf: input.printPDF, pdfx: layout.pdfx, print: layout.printExpectations,
                                                        locate: { laid[$0].source(at: $1, layout: layout) }),
                                      title: title)
        if let booklet = input.booklet {
            var report = outcome.report
            // The booklet holds print.pdf's very images: what the print check measured answers for them.
            let inks = InkMemo(contentsOf: booklet.deletingLastPathComponent().appendingPathComponent(".cache/.preflight-ink"))
            Preflight(inks: inks).checkBooklet(booklet, pdfx: layout.pdfx, print: layout.printExpectations, into: &report)
            outcome = try PreflightCheck.Outcome(report, title: title)
        }
        let folder = input.printPDF.deletingLastPathComponent()
        try OutputFile.write(outcome.json, to: folder.appendingPathComponent("preflight.json"))
        try OutputFile.write(outcome.html, to: folder.appendingPathComponent("preflight.html"))
        outcome.report.emit(into: engine, id: input.loaded.issue.id)
        return outcome.report
    }
}

extension PreflightReport {
    /// The findings as diagnostics of the run: an error fails it (exit status 1).
    func emit(into engine: DiagnosticEngine, id: String) {
        for f in findings where f.severity != .information {
            let severity: Diagnostics.Severity = f.severity == .error ? .error : .warning
            engine.emit(Diagnostic(severity, id: "preflight-" + f.check, "preflight (\(id)): " + f.message, at: f.range, hint: f.hint))
        }
    }
}

/// The preflight check of a build, run on the print PDF's thread while the screen PDF is
/// written, with its report rendered there too. Set once, by that thread, before
/// `WritePDFsStep` returns (its parallel map joins every thread first), and read only after.
final class PreflightCheck: @unchecked Sendable {
    /// The findings, and preflight.json and preflight.html as they will be written.
    struct Outcome {
        var report: PreflightReport
        var json: Data
        var html: Data

        init(_ report: PreflightReport, title: String) throws {
            self.report = report
            json = try report.json()
            html = Data(report.html(title: title).utf8)
        }
    }

    private(set) var outcome: Result<Outcome, Error>?
    private(set) var seconds = 0.0

    /// Checks the print PDF at `pdf`; true when it passes (no error).
    /// Measurements of the CMYK images kept between builds, in `out/<id>/.cache/.preflight-ink`.
    let inks: InkMemo
    let inksFile: URL

    init(folder: URL) {
        inksFile = folder.appendingPathComponent(".cache/.preflight-ink")
        inks = InkMemo(contentsOf: inksFile)
    }

    func run(_ pages: [Page], pdf: URL, layout: LayoutSpec, title: String, locate: @escaping (Int, Point) -> SourceRange?) -> Bool {
        let started = DispatchTime.now()
        outcome = Result {
            try Outcome(Preflight(inks: inks).check(pages, pdf: pdf, pdfx: layout.pdfx, print: layout.printExpectations, locate: locate),
                        title: title)
        }
        try? FileManager.default.createDirectory(at: inksFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        inks.save(to: inksFile)
        seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return (try? outcome?.get())?.report.errors == 0
    }
}

extension LayoutSpec {
    /// What preflight expects of the print PDF this layout makes.
    var printExpectations: PrintExpectations {
        PrintExpectations(cmyk: cmyk, inkLimit: inkLimit, overprintBlack: overprintBlack)
    }
}
