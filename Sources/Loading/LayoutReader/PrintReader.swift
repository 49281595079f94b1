import Foundation
import Model

/// `print:` — PDF/X-4 or plain, crop marks, and the ICC profiles under `layouts/`.
extension LayoutReader {
    func readPrint(_ spec: inout LayoutSpec) {
        guard let print = section("print", what: "print") else { return }
        print.checkKeys(["pdfx", "marks", "output-profile", "output-condition", "rgb-profile"])
        set(&spec.pdfx, print, "pdfx") { m, key in
            switch m.string(key) {
            case "x4": return true
            case "none": return false
            case let other?:
                engine.emit(.error("layout-value", "unknown PDF/X level '\(other)'", at: m.range(key),
                                   hint: "use x4 (PDF/X-4, what printing shops expect) or none"))
                return nil
            case nil: return nil
            }
        }
        set(&spec.cropMarks, print, "marks") { m, key in
            switch m.string(key) {
            case "crop": return true
            case "none": return false
            case let other?:
                engine.emit(.error("layout-value", "unknown marks '\(other)'", at: m.range(key), hint: "use crop or none"))
                return nil
            case nil: return nil
            }
        }
        set(&spec.outputProfile, print, "output-profile", profile)
        set(&spec.rgbProfile, print, "rgb-profile", profile)
        set(&spec.outputCondition, print, "output-condition") { m, key in m.string(key) }
    }

    private func profile(_ m: MappingReader, _ key: String) -> String? {
        guard let file = m.string(key) else { return nil }
        let url = workspace.layoutsDirectory.appendingPathComponent(file)
        // defaults.yaml's profiles are checked by the loader only when PDF/X-4 needs them.
        if file.hasPrefix("/") || file.contains("..") || (!complete && !workspace.fileExists(url)) {
            engine.emit(.error("missing-profile", "no ICC profile '\(file)' under layouts/", at: m.range(key),
                               hint: "put the printing shop's profile in layouts/icc/ and name it here, e.g. icc/shop.icc"))
            return nil
        }
        return file
    }
}
