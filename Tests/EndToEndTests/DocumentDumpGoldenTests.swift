import Diagnostics
import Layout
import Pages
import Typesetting
import Bantin
import Foundation
import Model
import Testing
import TestSupport

/// A golden of `bantin dump document` for the sample issue: the document model — sections,
/// articles, blocks with their source positions, figures — as the pipeline loads it.
@Suite struct DocumentDumpGoldenTests {
    @Test func sampleDocumentDumpMatchesTheGolden() throws {
        let engine = DiagnosticEngine()
        let pipeline = Pipeline(options: BuildOptions(root: projectRoot, outDirectory: try temporaryFolder("dump")), engine: engine)
        let dump = try #require(pipeline.dump(.document, projectRoot.appendingPathComponent("issues/2025-q1")),
                                "\(engine.diagnostics)")
        #expect(!engine.hasErrors, "\(engine.diagnostics)")
        #expect(dump.hasPrefix("Issue 2025-q1 "))
        try expectGolden(dump + "\n", "document-2025-q1.txt")
    }
}
