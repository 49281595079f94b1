import Foundation
import Diagnostics
import Layout
import Model

public struct BuildOptions: Sendable {
    public var root: URL
    public var outDirectory: URL
    public var layoutOverride: String?
    /// Also write `booklet.pdf`, the 2-up saddle-stitch imposition.
    public var booklet: Bool
    /// Also write a proof round (`ProofStep`).
    public var proof: Bool
    /// Also report each article's line quality in `BuiltIssue.quality` (the desk shows it).
    public var quality = false

    public init(root: URL, outDirectory: URL, layoutOverride: String? = nil, booklet: Bool = false, proof: Bool = false) {
        self.root = root
        self.outDirectory = outDirectory
        self.layoutOverride = layoutOverride
        self.booklet = booklet
        self.proof = proof
    }
}

/// What one issue's build produced.
public struct BuiltIssue: Sendable {
    public var issue: Issue
    /// The pages as the layout laid them (each `.page` is what the PDFs were drawn from).
    public var pages: [LaidPage]
    public var printPDF: URL
    public var screenPDF: URL { printPDF.deletingLastPathComponent().appendingPathComponent("screen.pdf") }
    public var webPages: [String]
    public var paddedPages: Int
    /// How many articles were typeset in this build; the others were unchanged since the last.
    public var typesetArticles: Int
    /// Wall time of each step, in order: where the time goes.
    public var timings: [StepTiming]
    /// Per article, what `bantin check` reports of its lines (with `BuildOptions.quality`).
    public var quality: [ArticleReport] = []
    /// The preflight's verdict on print.pdf ("pass", "pass with warnings", "fail") and its counts.
    public var preflight: (verdict: String, errors: Int, warnings: Int)?
    /// The proof round written, with `--proof`.
    public var proof: ProofRound?
}

/// One article's line quality, as `bantin check` prints it and the desk shows it.
public struct ArticleReport: Sendable {
    public var path: String
    public var lines: Int
    public var overfull: Int
    public var loose: Int
    /// The paragraph with the largest adjustment of a line, and that adjustment.
    public var worst: SourceRange?
    public var worstRatio: Double

    init(path: String, _ quality: ArticleQuality) {
        self.path = path
        lines = quality.lineCount
        overfull = quality.overfull
        loose = quality.loose
        worst = quality.worst?.source
        worstRatio = quality.worst?.worstRatio ?? 0
    }

    /// `path: 412 lines, 0 overfull, 3 loose; worst paragraph 12:1 (largest |r| 1.42)`.
    public var summary: String {
        var line = "\(path): \(lines) lines, \(overfull) overfull, \(loose) loose"
        if let worst { line += "; worst paragraph \(worst.start) (largest |r| \(String(format2: worstRatio)))" }
        return line
    }
}
