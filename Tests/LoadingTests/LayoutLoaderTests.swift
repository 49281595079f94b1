import Diagnostics
import Foundation
import Loading
import Model
import Testing
import TestSupport

@Suite struct LayoutLoaderTests {
    func load(_ yaml: String, profiles: Bool = true) throws -> (LayoutSpec?, DiagnosticEngine) {
        // The layout under test, the real ICC profiles unless `profiles` is false, and one font
        // file that is only probed for existence.
        let f = try TestProject()
        try f.remove("layouts")
        try f.write("layouts/test.yaml", yaml)
        if profiles { try f.link("layouts/icc", to: projectRoot.appendingPathComponent("layouts/icc")) }
        try f.link("layouts/defaults.yaml", to: projectRoot.appendingPathComponent("layouts/defaults.yaml"))
        let engine = DiagnosticEngine()
        let spec = LayoutLoader(workspace: Workspace(root: f.root, workingDirectory: f.root), engine: engine)
            .load(named: "test", referencedFrom: nil)
        return (spec, engine)
    }

    @Test func realLayoutLoadsWithoutDiagnostics() throws {
        let engine = DiagnosticEngine()
        let spec = LayoutLoader(workspace: Workspace(root: projectRoot, workingDirectory: projectRoot), engine: engine)
            .load(named: "a4-two-column", referencedFrom: nil)
        #expect(engine.diagnostics.isEmpty, "\(engine.diagnostics)")
        #expect(spec?.columns == 2)
        #expect(abs((spec?.bleed.millimetres ?? 0) - 3) < 0.001)
        #expect(abs((spec?.trim.width.millimetres ?? 0) - 210) < 0.001)
    }

    @Test func unknownKeyBadUnitAndMissingFontInOneRun() throws {
        let (spec, engine) = try load("""
            page:
              bleed: 3 inches
              colour: red
            fonts:
              serif: { regular: NotoSerif-Regular.ttf, bold: Khong-Co.ttf }
            """)
        #expect(spec == nil)
        let found = engine.diagnostics.map { "\($0.id)@\($0.range!.start)" }
        #expect(found == ["bad-unit@2:10", "unknown-key@3:3", "missing-font@5:50"], "\(found)")
        #expect(engine.diagnostics.allSatisfy { $0.range?.path == "layouts/test.yaml" })
    }

    @Test func everyValueHasADefault() throws {
        let (spec, engine) = try load("columns: { count: 3 }\n")
        #expect(engine.diagnostics.isEmpty)
        #expect(spec?.columns == 3)
        #expect(spec?.styles[.body] == LayoutSpec.defaults.styles[.body])
    }

    @Test func pdfxWithoutItsProfilesIsAnErrorUnlessSwitchedOff() throws {
        let (spec, engine) = try load("columns: { count: 2 }\n", profiles: false)
        #expect(spec == nil)
        #expect(engine.diagnostics.map(\.id) == ["missing-profile", "missing-profile"])
        let (plain, quiet) = try load("print: { pdfx: none, marks: crop }\n", profiles: false)
        #expect(quiet.diagnostics.isEmpty && plain?.pdfx == false && plain?.cropMarks == true)
    }

    /// A shop's profile named without its condition: the condition is the profile's own
    /// description (its `desc` tag), not the label defaults.yaml gives its own profile.
    @Test func anOutputProfileWithoutItsConditionIsNamedByItsDescription() throws {
        let (spec, engine) = try load("print: { output-profile: icc/FOGRA39L_coated.icc }\n")
        #expect(engine.diagnostics.isEmpty, "\(engine.diagnostics)")
        #expect(spec?.outputCondition == "FOGRA39L Coated")
        let (named, _) = try load("print: { output-profile: icc/FOGRA39L_coated.icc, output-condition: FOGRA39 }\n")
        #expect(named?.outputCondition == "FOGRA39")
        // As rgb-profile, a CMYK profile is refused.
        let (wrong, refused) = try load("print: { rgb-profile: icc/FOGRA39L_coated.icc }\n")
        #expect(wrong == nil && refused.diagnostics.map(\.id) == ["bad-profile"])
        #expect(refused.diagnostics.first?.message.contains("an output (printer) CMYK profile") == true, "\(refused.diagnostics)")
    }
}
