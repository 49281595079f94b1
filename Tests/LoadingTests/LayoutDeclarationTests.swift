import Diagnostics
import Foundation
import Loading
import Model
import Testing
import TestSupport

/// The declarative layout: defaults.yaml gives every key, style names are known to the loader,
/// and every error is located in the file it is in.
@Suite struct LayoutDeclarationTests {
    /// Loads `layouts/test.yaml` (and `defaults`, the project's own unless given) in a fixture.
    func load(_ yaml: String, defaults: String? = nil) throws -> (LayoutSpec?, DiagnosticEngine, LayoutLoader) {
        let f = try TestProject()
        try f.write("layouts/test.yaml", yaml)
        if let defaults { try f.write("layouts/defaults.yaml", defaults) }
        let engine = DiagnosticEngine()
        let loader = LayoutLoader(workspace: Workspace(root: f.root, workingDirectory: f.root), engine: engine)
        return (loader.load(named: "test", referencedFrom: nil), engine, loader)
    }

    func located(_ engine: DiagnosticEngine) -> [String] {
        engine.diagnostics.map { "\($0.id)@\($0.range?.path ?? "?"):\($0.range.map { "\($0.start)" } ?? "?")" }
    }

    @Test func misspeltStyleNameIsLocatedWithASuggestion() throws {
        let (spec, engine, _) = try load("""
            styles:
              body: { size: 10pt }
              headng2: { size: 12pt }
            """)
        #expect(spec == nil)
        #expect(located(engine) == ["unknown-style@layouts/test.yaml:3:3"], "\(engine.diagnostics)")
        #expect(engine.diagnostics.first?.message == "unknown style 'headng2'")
        #expect(engine.diagnostics.first?.hint?.hasPrefix("did you mean 'heading2'?") == true, "\(engine.diagnostics)")
    }

    @Test func misspeltBasedOnIsLocatedWithASuggestion() throws {
        let (spec, engine, _) = try load("""
            styles:
              heading3: { based-on: headng2, size: 9pt }
            """)
        #expect(spec == nil)
        #expect(located(engine) == ["unknown-style@layouts/test.yaml:2:25"], "\(engine.diagnostics)")
        #expect(engine.diagnostics.first?.hint?.hasPrefix("did you mean 'heading2'?") == true, "\(engine.diagnostics)")
    }

    @Test func everyStyleNameHasAStyleFromDefaults() throws {
        let (spec, engine, _) = try load("columns: { count: 3 }\n")
        #expect(engine.diagnostics.isEmpty, "\(engine.diagnostics)")
        let layout = try #require(spec)
        // The kicker is the running head, bold and in capitals: as the opener set it before it was named.
        var kicker = layout.style(.runningHead)
        kicker.bold = true
        kicker.uppercase = true
        #expect(layout.style(.kicker) == kicker)
        #expect(layout.style(.contentsPage).align == .right)
    }

    /// A furniture style based on an article style follows the layout's change to that style.
    @Test func derivedDefaultStylesFollowTheLayout() throws {
        let (spec, engine, _) = try load("styles:\n  list: { size: 12pt, leading: 15pt }\n")
        #expect(engine.diagnostics.isEmpty, "\(engine.diagnostics)")
        let entry = try #require(spec).style(.contentsEntry)
        #expect(entry.size == 12 && entry.leading == 15 && entry.bold && entry.family == "sans")
    }

    @Test func furnitureWordsComeFromTheLayout() throws {
        let (spec, engine, _) = try load("""
            contents: { title: "Trong số này" }
            colophon: { board: "Hội đồng biên tập" }
            padding-pages: { blank: { text: "Để trống" } }
            """)
        #expect(engine.diagnostics.isEmpty, "\(engine.diagnostics)")
        let layout = try #require(spec)
        #expect(layout.contents.title == "Trong số này")
        #expect(layout.colophonPage.board == "Hội đồng biên tập")
        #expect(layout.colophonPage.publisher == "Cơ quan chủ quản")
        #expect(layout.colophon)
        #expect(layout.paddingPages.blankText == "Để trống")
    }

    @Test func unknownFieldInAFurnitureTemplateIsLocated() throws {
        let (spec, engine, _) = try load("padding-pages: { advert: { title: \"Đón đọc {publicaton}\" } }\n")
        #expect(spec == nil)
        #expect(located(engine) == ["layout-value@layouts/test.yaml:1:35"], "\(engine.diagnostics)")
        #expect(engine.diagnostics.first?.hint?.hasPrefix("did you mean 'publication'?") == true)
    }

    @Test func anErrorInDefaultsIsLocatedInDefaults() throws {
        let real = try String(contentsOf: projectRoot.appendingPathComponent("layouts/defaults.yaml"), encoding: .utf8)
        let broken = real.replacingOccurrences(of: "  bleed: 3mm ", with: "  bleed: 3 inches ")
        #expect(broken != real)
        let line = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("bleed: 3 inches") }! + 1
        let (spec, engine, _) = try load("columns: { count: 2 }\n", defaults: broken)
        #expect(spec == nil)
        #expect(located(engine) == ["bad-unit@layouts/defaults.yaml:\(line):10"], "\(engine.diagnostics)")
    }

    @Test func aKeyMissingFromDefaultsIsLocatedInDefaults() throws {
        let real = try String(contentsOf: projectRoot.appendingPathComponent("layouts/defaults.yaml"), encoding: .utf8)
        let lines = real.split(separator: "\n", omittingEmptySubsequences: false)
        let without = lines.filter { !$0.hasPrefix("  gutter") && !$0.contains("title: \"Ghi chú\"") }
            .map { $0.replacingOccurrences(of: ", gutter: 6mm", with: "") }.joined(separator: "\n")
        let (spec, engine, _) = try load("columns: { count: 2 }\n", defaults: without)
        #expect(spec == nil)
        let found = engine.diagnostics.map { "\($0.message)@\($0.range?.path ?? "?")" }
        #expect(found == ["columns has no 'gutter'@layouts/defaults.yaml", "the notes page has no 'title'@layouts/defaults.yaml"],
                "\(engine.diagnostics)")
    }

    @Test func defaultsIsNoLayout() throws {
        let (_, _, loader) = try load("columns: { count: 2 }\n")
        #expect(loader.available().contains("test") && !loader.available().contains("defaults"), "\(loader.available())")
        let engine = DiagnosticEngine()
        let workspace = Workspace(root: projectRoot, workingDirectory: projectRoot)
        #expect(LayoutLoader(workspace: workspace, engine: engine).load(named: "defaults", referencedFrom: nil) == nil)
        #expect(engine.diagnostics.map(\.id) == ["unknown-layout"])
        #expect(!LayoutLoader(workspace: workspace, engine: engine).available().contains("defaults"))
    }
}
