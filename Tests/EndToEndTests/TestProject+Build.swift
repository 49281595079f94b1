import Diagnostics
import Layout
import Pages
import Typesetting
import Bantin
import Foundation
import Model
import TestSupport
import Testing

extension TestProject {
    /// Builds issue `x` into `out/` with the real pipeline; returns the print PDF, or nil, with
    /// the diagnostics.
    func build() -> (pdf: URL?, diagnostics: [Diagnostic]) {
        let engine = DiagnosticEngine()
        let pipeline = Pipeline(options: BuildOptions(root: root, outDirectory: url("out")), engine: engine)
        let built = pipeline.build([url("issues/x")])
        return (built.first?.printPDF, engine.diagnostics)
    }
}

extension TestProject {
    /// A project with the sample issue as `issues/x`, the default layout edited (`old` → `new`),
    /// built (with the booklet when asked): the project, and the issue as built.
    static func builtSample(replacing old: String, with new: String, booklet: Bool = false) throws -> (project: TestProject, built: BuiltIssue) {
        let project = try TestProject()
        try project.copyFromProject("issues/publication.yaml")
        _ = try project.copySample(as: "x")
        try project.editLayout(replacing: old, with: new)
        let engine = DiagnosticEngine()
        let built = try #require(Pipeline(options: BuildOptions(root: project.root, outDirectory: project.url("out"), booklet: booklet),
                                          engine: engine).build([project.url("issues/x")]).first,
                                 "\(ConsoleRenderer().render(engine))")
        #expect(!engine.hasErrors, "\(ConsoleRenderer().render(engine))")
        return (project, built)
    }
}
