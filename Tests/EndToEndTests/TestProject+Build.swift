import Diagnostics
import Layout
import Pages
import Typesetting
import Bantin
import Foundation
import Model
import TestSupport

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
