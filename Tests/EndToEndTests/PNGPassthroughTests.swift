import Foundation
import Bantin
@testable import PDF
import Testing
import TestSupport

/// An 8-bit grey or RGB PNG without transparency goes into the PDF as its own compressed pixels
/// (the IDAT stream with PNG predictors), as a JPEG goes in as its own bytes; any other PNG is
/// decoded and flattened on white.
@Suite struct PNGPassthroughTests {
    func png(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: projectRoot.appendingPathComponent(path)))
    }

    @Test func anRGBChartIsCarriedAsItIs() throws {
        let chart = try #require(PNGPixels.read(try png("issues/2025-q1/images/giai-thuong.png")))
        #expect(chart.width == 1600 && chart.height == 1000 && chart.colors == 3)
        #expect(chart.idat.prefix(1) == [0x78], "the IDAT stream is a zlib stream")
    }

    @Test func transparencyPaletteAndOtherDepthsAreDecoded() throws {
        var rgba = try png("issues/2025-q1/images/giai-thuong.png")
        rgba[25] = 6  // colour type: RGB with alpha
        #expect(PNGPixels.read(rgba) == nil)
        var palette = try png("issues/2025-q1/images/giai-thuong.png")
        palette[25] = 3
        #expect(PNGPixels.read(palette) == nil)
        var sixteen = try png("issues/2025-q1/images/giai-thuong.png")
        sixteen[24] = 16
        #expect(PNGPixels.read(sixteen) == nil)
        #expect(PNGPixels.read(Array("not a png at all, not at all".utf8)) == nil)
    }

    /// screen.pdf carries the charts' own compressed pixels; print.pdf (CMYK by default) has
    /// them converted to the printing condition's inks instead.
    @Test func theScreenPDFReadsTheChartWithPNGPredictors() throws {
        let file = sample.built.printPDF.deletingLastPathComponent().appendingPathComponent("screen.pdf")
        let objects = try run("qpdf", ["--qdf", "--object-streams=disable", "--stream-data=preserve", file.path, "-"]).out
        #expect(objects.components(separatedBy: "/Predictor 15").count - 1 == 2, "two PNG charts carried with predictors")
        let list = try run("pdfimages", ["-list", file.path]).out
        #expect(list.contains("1600  1000"), "\(list)")
        let print = try run("pdfimages", ["-list", sample.built.printPDF.path]).out
        let rows = print.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ") }
        #expect(rows.count >= 6 && rows.allSatisfy { $0[5] == "cmyk" }, "\(print)")
    }
}
