import Diagnostics
import Loading
import Typesetting

/// Step 2: opens every font of the layout, then runs the checks of `Checks/` over the document
/// (a font without the 134 Vietnamese letters, a character no font of the layout can draw).
/// Decoding every image whole (`ImageDecoding`) starts here and runs beside steps 3 and 4.
/// Its product is the typesetter the next steps share.
struct CheckStep: BuildStep {
    static let name = "Checking"
    let workspace: Workspace
    let engine: DiagnosticEngine

    func run(_ loaded: LoadedIssue) -> Typesetter? {
        let fonts = FontLibrary(directory: workspace.fontsDirectory)
        let layoutFile = workspace.displayPath(workspace.layoutsDirectory.appendingPathComponent(loaded.layout.name + ".yaml"))
        guard FontCoverage(layout: loaded.layout, fonts: fonts, layoutFile: layoutFile, engine: engine).check() else { return nil }
        GlyphCoverage(layout: loaded.layout, fonts: fonts, engine: engine).check(loaded.issue)
        let typesetter = Typesetter(fonts: fonts, layout: loaded.layout)
        let m = loaded.layout.margins
        BlockStyles(layout: loaded.layout, typesetter: typesetter, engine: engine,
                    frameWidth: loaded.layout.trim.width - m.inside - m.outside).check(loaded.issue)
        return typesetter
    }
}
