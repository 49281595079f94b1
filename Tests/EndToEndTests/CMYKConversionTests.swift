import Bantin
import Diagnostics
import Foundation
import Imaging
import Testing
import TestSupport

/// RGB to the printing condition's CMYK (issue 14, item 1, the conversion itself), with the
/// project's FOGRA39 and sRGB profiles.
@Suite struct CMYKConversionTests {
    func profiles() throws -> (output: Data, rgb: Data) {
        (try Data(contentsOf: projectRoot.appendingPathComponent("layouts/icc/FOGRA39L_coated.icc")),
         try Data(contentsOf: projectRoot.appendingPathComponent("layouts/icc/sRGB.icc")))
    }

    @Test func neutralsGoOnTheBlackPlateOnly() throws {
        let (output, rgb) = try profiles()
        let conversion = try CMYKConversion(output: output, rgb: rgb)
        let greys = (0...255).flatMap { [UInt8($0), UInt8($0), UInt8($0)] }
        let cmyk = greys.withUnsafeBufferPointer { conversion.convert(rgb: $0) }
        var last = 256
        for v in 0...255 {
            let p = Array(cmyk[(v * 4)..<(v * 4 + 4)])
            #expect(p[0] == 0 && p[1] == 0 && p[2] == 0, "grey \(v): \(p)")
            #expect(Int(p[3]) <= last, "grey \(v): K \(p[3]) after \(last): lighter greys take less black")
            last = Int(p[3])
        }
        #expect(cmyk[3] >= 250, "sRGB black is K 100 %, not rich black: \(cmyk[0..<4])")
        #expect(cmyk[255 * 4 + 3] == 0, "white is bare paper")
        // What the profile alone makes of sRGB black: four inks (the fault the rule mends).
        let black = conversion.convert(red: 0, green: 0, blue: 0)
        #expect(black.cyan == 0 && black.magenta == 0 && black.yellow == 0 && black.black > 0.98)
    }

    @Test func noPixelCarriesMoreInkThanTheLimit() throws {
        let (output, rgb) = try profiles()
        for limit in [3.0, 2.6] {
            let conversion = try CMYKConversion(output: output, rgb: rgb, inkLimit: limit)
            // Every 17th level of each channel: 4,096 colours, the darkest and most saturated among them.
            var pixels: [UInt8] = []
            for r in stride(from: 0, through: 255, by: 17) {
                for g in stride(from: 0, through: 255, by: 17) {
                    for b in stride(from: 0, through: 255, by: 17) { pixels += [UInt8(r), UInt8(g), UInt8(b)] }
                }
            }
            let cmyk = pixels.withUnsafeBufferPointer { conversion.convert(rgb: $0) }
            var worst = 0
            for i in stride(from: 0, to: cmyk.count, by: 4) {
                let total: Int = Int(cmyk[i]) + Int(cmyk[i + 1]) + Int(cmyk[i + 2]) + Int(cmyk[i + 3])
                worst = max(worst, total)
            }
            #expect(Double(worst) <= limit * 255 + 1, "limit \(limit): \(worst) of \(limit * 255)")
            #expect(Double(worst) >= limit * 255 - 40, "limit \(limit): the darkest colours use the ink allowed (\(worst))")
        }
        // A colour keeps its hue: sRGB red is mostly magenta and yellow.
        let red = try CMYKConversion(output: output, rgb: rgb).convert(red: 1, green: 0, blue: 0)
        #expect(red.magenta > 0.8 && red.yellow > 0.8 && red.cyan < 0.2, "\(red)")
    }

    @Test func profilesOfTheWrongKindAreRefused() throws {
        let (output, rgb) = try profiles()
        #expect(throws: CMYKConversion.Failure.self) { try CMYKConversion(output: rgb, rgb: rgb) }
        #expect(throws: CMYKConversion.Failure.self) { try CMYKConversion(output: output, rgb: output) }
        #expect(throws: CMYKConversion.Failure.self) { try CMYKConversion(output: Data("không phải ICC".utf8), rgb: rgb) }
    }
}

/// The converted images kept between builds (`out/<id>/.cache/cmyk/`): used again when nothing
/// changed, converted anew when an entry is damaged or the conversion changes, never wrong.
@Suite struct CMYKImageCacheTests {
    @Test func entriesAreReusedRepairedAndReplaced() throws {
        let project = try TestProject()
        try project.copyFromProject("issues/publication.yaml")
        try project.copySample(as: "x")
        func build() throws -> Data {
            let engine = DiagnosticEngine()
            let built = try #require(Pipeline(options: BuildOptions(root: project.root, outDirectory: project.url("out")), engine: engine)
                .build([project.url("issues/x")]).first, "\(engine.diagnostics)")
            return try Data(contentsOf: built.printPDF)
        }
        func entries() throws -> [String: Date] {
            let folder = project.url("out/x/.cache/cmyk")
            return try Dictionary(uniqueKeysWithValues: FileManager.default.contentsOfDirectory(atPath: folder.path).map { name in
                (name, try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.modificationDate] as! Date)
            })
        }
        let first = try build()
        let made = try entries()
        #expect(made.count == 6, "one entry per image of the sample: \(made.keys.sorted())")
        // A rebuild reads them: same names, untouched, the same PDF.
        Thread.sleep(forTimeInterval: 0.02)
        #expect(try build() == first)
        #expect(try entries() == made)
        // A damaged entry (one byte flipped in its data) is converted anew, and the PDF is unchanged.
        let victim = project.url("out/x/.cache/cmyk/" + made.keys.sorted()[0])
        var bytes = [UInt8](try Data(contentsOf: victim))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: victim)
        #expect(try build() == first)
        #expect(try Data(contentsOf: victim) != Data(bytes), "the damaged entry was not replaced")
        // Another ink limit is another conversion: every entry is new, the old ones are gone.
        try project.editLayout(replacing: "  marks: none ", with: "  ink-limit: 280%\n  marks: none ")
        #expect(try build() != first)
        let after = try entries()
        #expect(after.count == 6 && Set(after.keys).isDisjoint(with: made.keys), "\(after.keys.sorted()) vs \(made.keys.sorted())")
    }
}
