import Foundation
import Model
import Output
import Web

/// The web edition of every issue built: HTML pages, resized images; and across every issue
/// on the site, built now or before: archive, feed, sitemap and search. It needs the documents only, never pages, so `build` runs it beside the print
/// steps; its product is the list of pages written, relative to `out/web/`.
struct WebEditionStep: BuildStep {
    static let name = "Web edition"
    let theme: WebTheme
    let fontsDirectory: URL
    /// `out/web/`.
    let directory: URL

    /// `built`: the issues of this build; `published`: others already on the site.
    func run(_ issues: (built: [Issue], published: [Issue])) throws -> [String]? {
        OutputFile.removeStale(in: directory, recursive: true)
        return try WebSite(theme: theme, fontsDirectory: fontsDirectory)
            .write(issues.built.map { WebSite.Edition(issue: $0, pdf: nil) }, alsoPublished: issues.published, to: directory)
    }
}
