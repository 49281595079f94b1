import Foundation
import Model

/// `print:` — PDF/X-4 or plain, crop marks, and the ICC profiles under `layouts/`.
extension LayoutReader {
    func readPrint(_ spec: inout LayoutSpec) {
        guard let print = section("print", what: "print") else { return }
        print.checkKeys(["pdfx", "marks", "output-profile", "output-condition", "rgb-profile", "colour", "ink-limit", "intent",
                         "overprint-black"])
        set(&spec.cmyk, print, "colour") { m, key in
            choice(m, key, ["cmyk": true, "rgb": false], what: "colour",
                   hint: "use cmyk (converted here with the output profile) or rgb (sRGB, converted by the shop's RIP)")
        }
        set(&spec.inkLimit, print, "ink-limit") { m, key in
            guard let text = m.string(key), text.hasSuffix("%"), let percent = Double(text.dropLast()), (200...400).contains(percent) else {
                engine.emit(.error("layout-value", "an ink limit is a percentage between 200% and 400%", at: m.range(key),
                                   hint: "ask the printing shop; 300% is usual for coated paper, 260% for uncoated"))
                return nil
            }
            return percent / 100
        }
        set(&spec.perceptual, print, "intent") { m, key in
            choice(m, key, ["relative": false, "perceptual": true], what: "rendering intent",
                   hint: "use relative (relative colorimetric with black-point compensation) or perceptual")
        }
        set(&spec.pdfx, print, "pdfx") { m, key in
            choice(m, key, ["x4": true, "none": false], what: "PDF/X level", hint: "use x4 (PDF/X-4, what printing shops expect) or none")
        }
        set(&spec.marks, print, "marks") { m, key in marks(m, key) }
        set(&spec.overprintBlack, print, "overprint-black") { m, key in bool(m, key) }
        var output: ICCProfile?
        set(&spec.outputProfile, print, "output-profile") { m, key in
            profile(m, key, space: "CMYK", what: "the output intent (the printing condition's CMYK profile)") { output = $0 }
        }
        set(&spec.rgbProfile, print, "rgb-profile") { m, key in
            profile(m, key, space: "RGB", what: "the pages' RGB profile (sRGB, as the images and charts are)") { _ in }
        }
        set(&spec.outputCondition, print, "output-condition") { m, key in m.string(key) }
        // A shop's profile named without its condition: the condition is the profile's own
        // description, never the label of the profile it replaced.
        if print.value("output-profile") != nil, print.value("output-condition") == nil, let output {
            spec.outputCondition = output.description ?? (spec.outputProfile as NSString).lastPathComponent
        }
    }

    /// `none`, one mark, or a list of them (`[crop, registration, colour-bar, slug]`); an unknown
    /// word is an error at it, with the list.
    private func marks(_ m: MappingReader, _ key: String) -> PrinterMarks? {
        guard let words = m.strings(key) else { return nil }
        var marks: PrinterMarks = []
        for (word, range) in words where word != "none" {
            guard let mark = PrinterMarks.names.first(where: { $0.0 == word })?.1 else {
                engine.emit(.error("layout-value", "unknown mark '\(word)'", at: range,
                                   hint: "use none, or a list of " + PrinterMarks.names.map(\.0).joined(separator: ", ")))
                return nil
            }
            marks.insert(mark)
        }
        return marks
    }

    /// `booklet:` — the sheet the 2-up imposition goes on, and its creep. A sheet named here
    /// must hold two pages with their bleed and crop marks: otherwise an error at it.
    func readBooklet(_ spec: inout LayoutSpec) {
        guard let booklet = section("booklet", what: "booklet") else { return }
        booklet.checkKeys(["sheet", "creep"])
        set(&spec.booklet.sheet, booklet, "sheet") { m, key -> SheetSize?? in
            guard let word = m.string(key) else { return nil }
            if word == "auto" { return .some(nil) }
            guard let sheet = SheetSize.allCases.first(where: { $0.rawValue.lowercased() == word.lowercased() }) else {
                engine.emit(.error("layout-value", "unknown sheet '\(word)'", at: m.range(key),
                                   hint: "use auto or a standard sheet: " + SheetSize.allCases.map(\.rawValue).joined(separator: ", ")))
                return nil
            }
            guard BookletGeometry(sheet: sheet, trim: spec.trim, bleed: spec.bleed) != nil else {
                let needed = BookletGeometry.needed(trim: spec.trim, bleed: spec.bleed)
                let fits = SheetSize.allCases.filter { BookletGeometry(sheet: $0, trim: spec.trim, bleed: spec.bleed) != nil }
                engine.emit(.error("booklet-sheet", "two \(mm(spec.trim.width)) × \(mm(spec.trim.height)) mm pages with \(mm(spec.bleed)) mm bleed and crop marks "
                                       + "need \(mm(needed.width)) × \(mm(needed.height)) mm; \(sheet.rawValue) (\(mm(sheet.size.width)) × \(mm(sheet.size.height)) mm) is too small",
                                   at: m.range(key),
                                   hint: fits.isEmpty ? "no standard sheet holds these pages: print them 1-up" : "use " + fits.map(\.rawValue).joined(separator: " or ")))
                return nil
            }
            return .some(sheet)
        }
        set(&spec.booklet.creep, booklet, "creep") { m, key in length(m, key) }
    }

    private func mm(_ length: Pt) -> String { String(format: "%g", (length.millimetres * 10).rounded() / 10) }

    /// One of a few words, by its value; another word is an error at it ("unknown \(what) '…'").
    private func choice<T>(_ m: MappingReader, _ key: String, _ values: [String: T], what: String, hint: String) -> T? {
        guard let word = m.string(key) else { return nil }
        if let value = values[word] { return value }
        engine.emit(.error("layout-value", "unknown \(what) '\(word)'", at: m.range(key), hint: hint))
        return nil
    }

    /// A profile under `layouts/`, checked to be an ICC profile of colour space `space` (and,
    /// for CMYK, of the output device class); `found` gets it.
    private func profile(_ m: MappingReader, _ key: String, space: String, what: String, found: (ICCProfile) -> Void) -> String? {
        guard let file = m.string(key) else { return nil }
        let url = workspace.layoutsDirectory.appendingPathComponent(file)
        // defaults.yaml's profiles are checked by the loader only when PDF/X-4 needs them.
        if file.hasPrefix("/") || file.contains("..") || (!complete && !workspace.fileExists(url)) {
            engine.emit(.error("missing-profile", "no ICC profile '\(file)' under layouts/", at: m.range(key),
                               hint: "put the printing shop's profile in layouts/icc/ and name it here, e.g. icc/shop.icc"))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { return file }
        switch ICCProfile.read(data) {
        case .failure(let failure):
            engine.emit(.error("bad-profile", "'\(file)' cannot be \(what): \(failure.reason)", at: m.range(key),
                               hint: "ask the printing shop for its ICC profile (a .icc or .icm file) and put it in layouts/icc/"))
            return nil
        case .success(let profile):
            let right = profile.colourSpace.trimmingCharacters(in: .whitespaces) == space && (space != "CMYK" || profile.deviceClass == "prtr")
            guard right else {
                engine.emit(.error("bad-profile", "'\(file)' is \(profile.summary); it cannot be \(what)", at: m.range(key),
                                   hint: space == "CMYK"
                                       ? "name the printing shop's CMYK profile here (e.g. FOGRA39 for coated paper); an sRGB or monitor profile belongs under rgb-profile"
                                       : "name an RGB profile here, such as icc/sRGB.icc; the shop's CMYK profile goes under output-profile"))
                return nil
            }
            found(profile)
            return file
        }
    }
}
