import Foundation
import Layout
import Model

public struct BuildOptions: Sendable {
    public var root: URL
    public var outDirectory: URL
    public var layoutOverride: String?
    /// Also write `booklet.pdf`, the 2-up saddle-stitch imposition.
    public var booklet: Bool

    public init(root: URL, outDirectory: URL, layoutOverride: String? = nil, booklet: Bool = false) {
        self.root = root
        self.outDirectory = outDirectory
        self.layoutOverride = layoutOverride
        self.booklet = booklet
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
}
