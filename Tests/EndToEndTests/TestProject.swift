import Diagnostics
import Layout
import Pages
import Typesetting
import Bantin
import Model
import Foundation

/// A throwaway project — layouts/, fonts/, issues/publication.yaml and one issue `x` — built
/// with the real pipeline, for tests that need their own articles, fonts or layout.
struct TestProject {
    let root: URL

    /// `fonts` and `layouts` default to the project's own folders (linked, not copied).
    init(layout: String? = nil, extraFonts: [URL] = []) throws {
        root = try temporaryFolder("project")
        let fm = FileManager.default
        let fonts = root.appendingPathComponent("fonts")
        try fm.createDirectory(at: fonts, withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: projectRoot.appendingPathComponent("fonts").path) {
            try fm.createSymbolicLink(at: fonts.appendingPathComponent(name),
                                      withDestinationURL: projectRoot.appendingPathComponent("fonts/\(name)"))
        }
        for font in extraFonts {
            try fm.createSymbolicLink(at: fonts.appendingPathComponent(font.lastPathComponent), withDestinationURL: font)
        }
        let layouts = root.appendingPathComponent("layouts")
        try fm.createDirectory(at: layouts, withIntermediateDirectories: true)
        for folder in ["web", "icc", "defaults.yaml"] {
            try fm.createSymbolicLink(at: layouts.appendingPathComponent(folder), withDestinationURL: projectRoot.appendingPathComponent("layouts/\(folder)"))
        }
        let base = try String(contentsOf: projectRoot.appendingPathComponent("layouts/a4-two-column.yaml"), encoding: .utf8)
        try (layout ?? base).write(to: layouts.appendingPathComponent("a4-two-column.yaml"), atomically: true, encoding: .utf8)
        try write("issues/publication.yaml", "title: Bản tin thử\npublisher: Liên hiệp Hội thử\n")
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Writes issue `x` with these articles (file name → whole file text) in one section.
    func issue(_ articles: [(String, String)]) throws {
        let list = articles.map { "articles/\($0.0)" }.joined(separator: ", ")
        try write("issues/x/issue.yaml", "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nsections:\n  - title: Tin\n    articles: [\(list)]\n")
        for (name, text) in articles { try write("issues/x/articles/\(name)", text) }
    }

    /// Builds issue `x`; returns the print PDF, or nil with the diagnostics.
    func build() -> (pdf: URL?, diagnostics: [Diagnostic]) {
        let engine = DiagnosticEngine()
        let pipeline = Pipeline(options: BuildOptions(root: root, outDirectory: root.appendingPathComponent("out")), engine: engine)
        let built = pipeline.build([root.appendingPathComponent("issues/x")])
        return (built.first?.printPDF, engine.diagnostics)
    }
}
