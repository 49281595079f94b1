import Dispatch
import Foundation
import Imaging
import Layout
import Loading
import Model
import Output
import Pages
import PDF

/// Step 5: print.pdf, screen.pdf (and booklet.pdf) from the pages, written side by side on
/// the cores there are, each through a temporary file renamed into place.
struct WritePDFsStep: BuildStep {
    static let name = "Writing PDFs"
    let workspace: Workspace
    /// `out/<id>/`.
    let folder: URL
    let booklet: Bool
    /// Runs on the print PDF's thread once print.pdf is written (still under a temporary name),
    /// while screen.pdf is being written: the build's preflight, which reads print.pdf only.
    /// When it fails the file, the file is put at `rejectedName`, never at print.pdf.
    var vetPrint: (@Sendable (URL) -> Bool)? = nil

    /// Where a print PDF that fails preflight goes, beside the last good print.pdf.
    static let rejectedName = "print.FAILED-PREFLIGHT.pdf"

    /// The files written, and each one's own time (they overlap).
    struct Written {
        /// print.pdf, or the rejected file when preflight failed it.
        var printPDF: URL
        var timings: [StepTiming]
    }

    func run(_ input: (loaded: LoadedIssue, pages: [Page])) throws -> Written? {
        let issue = input.loaded.issue, pages = input.pages
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        OutputFile.removeStale(in: folder)
        let print = try printOptions(input.loaded.layout)
        let metadata = issue.pdfMetadata, outline = issue.pdfOutline
        let folder = self.folder
        let outputs = booklet ? ["print PDF", "screen PDF", "booklet"] : ["print PDF", "screen PDF"]
        // The page content both PDFs share: fonts subset, images loaded, content streams built, once.
        let started = DispatchTime.now()
        // `print: { colour: cmyk }`: print.pdf's own variant, in the printing condition's inks,
        // made in the same pass; converted images are kept in `.cache/cmyk/` between builds.
        let layout = input.loaded.layout
        let cache = layout.cmyk ? CMYKImageCache(folder: folder.appendingPathComponent(".cache/cmyk")) : nil
        let prepared = try PreparedPages(pages, cmyk: layout.cmyk ? try conversion(layout) : nil,
                                         overprintBlack: layout.overprintBlack, imageCache: cache)
        cache?.removeUnused()
        let preparing = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let writer = DocumentWriter(prepared), printWriter = DocumentWriter(prepared, cmyk: layout.cmyk)
        let vetPrint = self.vetPrint
        let accepted = Flag()
        let seconds = try Parallel.map(Array(outputs.indices)) { n -> Double in
            let started = DispatchTime.now()
            func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9 }
            switch n {
            case 0:
                var seconds = 0.0
                accepted.value = try printWriter.write(metadata: metadata, kind: .print(print), to: folder.appendingPathComponent("print.pdf"),
                                                  rejectingTo: folder.appendingPathComponent(Self.rejectedName)) { temporary in
                    seconds = elapsed()
                    return vetPrint?(temporary) ?? true
                }
                return seconds
            case 1: try writer.write(metadata: metadata, kind: .screen(outline), to: folder.appendingPathComponent("screen.pdf"))
            default:
                guard let sheet = BookletGeometry.choose(layout.booklet, trim: layout.trim, bleed: layout.bleed) else {
                    let needed = BookletGeometry.needed(trim: layout.trim, bleed: layout.bleed)
                    throw PDFError.writing("no standard sheet holds two pages with their bleed and crop marks (they need "
                                           + "\(Int(needed.width.millimetres.rounded())) × \(Int(needed.height.millimetres.rounded())) mm); "
                                           + "booklets are imposed on SRA4, A4, SRA3 or A3")
                }
                var title = metadata
                title.title += " — bình bản"
                try BookletWriter(prepared, cmyk: layout.cmyk, geometry: sheet, creep: layout.booklet.creep)
                    .write(metadata: title, pdfx: print.pdfx, to: folder.appendingPathComponent("booklet.pdf"))
            }
            return elapsed()
        }
        return Written(printPDF: folder.appendingPathComponent(accepted.value ? "print.pdf" : Self.rejectedName),
                       timings: [StepTiming(step: "  page content", seconds: preparing)]
                           + zip(outputs, seconds).map { StepTiming(step: "  " + $0, seconds: $1) })
    }

    /// RGB to the output profile's CMYK, with the layout's ink limit and intent.
    private func conversion(_ layout: LayoutSpec) throws -> CMYKConversion {
        let output = try Data(contentsOf: workspace.layoutsDirectory.appendingPathComponent(layout.outputProfile))
        let rgb = try Data(contentsOf: workspace.layoutsDirectory.appendingPathComponent(layout.rgbProfile))
        return try CMYKConversion(output: output, rgb: rgb, intent: layout.perceptual ? .perceptual : .relativeColorimetric,
                                  inkLimit: layout.inkLimit)
    }

    /// The print PDF's options from the layout: crop marks, and PDF/X-4 with the layout's profiles.
    private func printOptions(_ layout: LayoutSpec) throws -> PrintOptions {
        guard layout.pdfx else { return PrintOptions(marks: layout.marks, pdfx: nil) }
        let output = try Data(contentsOf: workspace.layoutsDirectory.appendingPathComponent(layout.outputProfile))
        let rgb = try Data(contentsOf: workspace.layoutsDirectory.appendingPathComponent(layout.rgbProfile))
        return PrintOptions(marks: layout.marks,
                            pdfx: PDFXProfile(output: output, condition: layout.outputCondition, rgb: rgb))
    }
}

extension Issue {
    /// Document information of the issue's PDFs; the date is the issue's, so builds are reproducible.
    var pdfMetadata: PDFMetadata {
        PDFMetadata(title: "\(publication.title) — \(issueLine)", author: publication.publisher,
                    subject: cover?.headline ?? issueLine, date: date)
    }

    /// Bookmarks of the screen PDF: each section, opening at its first article, with its articles.
    var pdfOutline: PDFOutline {
        PDFOutline(entries: sections.compactMap { section in
            guard let first = section.articles.first else { return nil }
            return .init(title: section.title, anchor: first.slug,
                         children: section.articles.map { .init(title: $0.title, anchor: $0.slug) })
        })
    }
}

/// Set by the print PDF's thread, read after the parallel map that runs it has joined.
private final class Flag: @unchecked Sendable {
    var value = true
}
