import Diagnostics
import Model
import Typesetting

/// Every font file of the layout must open, and should draw all 134 Vietnamese letters: a
/// font that cannot open is an error, one that lacks letters a warning naming them.
struct FontCoverage {
    let layout: LayoutSpec
    let fonts: FontLibrary
    /// The layout file as diagnostics print it (`layouts/a4-two-column.yaml`).
    let layoutFile: String
    let engine: DiagnosticEngine

    /// False when a font could not be opened.
    func check() -> Bool {
        var ok = true
        for (family, faces) in layout.fonts.sorted(by: { $0.key < $1.key }) {
            for file in faces.files {
                do {
                    let font = try fonts.font(file)
                    let missing = VietnameseLetters.all.filter { !font.covers($0) }
                    if !missing.isEmpty {
                        engine.emit(.warning("font-coverage",
                                             "font '\(file)' (family '\(family)') lacks \(missing.count) Vietnamese letter(s): "
                                                 + String(String.UnicodeScalarView(missing.prefix(20))),
                                             at: .file(layoutFile), hint: "choose a font that covers Vietnamese, such as Noto Serif"))
                    }
                } catch {
                    engine.emit(.error("bad-font", "\(error)", at: .file(layoutFile), hint: "use a TrueType or OpenType file from fonts/"))
                    ok = false
                }
            }
        }
        return ok
    }
}
