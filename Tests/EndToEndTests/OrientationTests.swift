@testable import Bantin
import Diagnostics
import Foundation
import Imaging
import Testing
import TestSupport

/// Issue 12, item 5: a phone photo stored on its side, with EXIF orientation 6 (turn 90° clockwise),
/// stands upright the same way in print.pdf, the web edition and the previews.
@Suite struct OrientationTests {
    /// Stored 256 × 128, red in its top-left quadrant, blue elsewhere; EXIF orientation 6.
    /// Upright it is 128 × 256 with red in its top-right quadrant.
    static func phonePhoto() throws -> Data {
        let jpeg = try ImageVariants.jpeg(width: 256, height: 128) { x, y in x < 128 && y < 64 ? (220, 20, 20) : (20, 40, 220) }
        let tiff: [UInt8] = [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01, 0x00,
                             0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00,
                             0x00, 0x00, 0x00, 0x00]
        let segment: [UInt8] = [0xFF, 0xE1, 0x00, UInt8(2 + 6 + tiff.count)] + Array("Exif".utf8) + [0, 0] + tiff
        return Data([0xFF, 0xD8] + segment + Array(jpeg.dropFirst(2)))
    }

    /// Where red sits in the picture: the bounding boxes of red and of red-or-blue pixels.
    static func redCorner(_ image: DecodedImage) -> (right: Bool, top: Bool, found: Bool) {
        var red = (minX: Int.max, minY: Int.max, maxX: -1, maxY: -1), all = red
        for y in 0..<image.height {
            for x in 0..<image.width {
                let p = image.pixel(x, y)
                let isRed = p.r > 170 && p.g < 100 && p.b < 100, isBlue = p.b > 150 && p.r < 100
                guard isRed || isBlue else { continue }
                all = (min(all.minX, x), min(all.minY, y), max(all.maxX, x), max(all.maxY, y))
                if isRed { red = (min(red.minX, x), min(red.minY, y), max(red.maxX, x), max(red.maxY, y)) }
            }
        }
        guard red.maxX >= 0 else { return (false, false, false) }
        return ((red.minX + red.maxX) > (all.minX + all.maxX), (red.minY + red.maxY) < (all.minY + all.maxY), true)
    }

    @Test func aPhonePhotoStandsUprightEverywhere() throws {
        let project = try TestProject()
        try project.write("issues/x/images/dien-thoai.jpg", try Self.phonePhoto())
        try project.issue([("a.md", "---\ntitle: Ảnh điện thoại\n---\n\nMở đầu.\n\n![Ảnh chụp bằng điện thoại](../images/dien-thoai.jpg \"Ảnh: thử\")\n")])
        let (pdf, diagnostics) = project.build()
        let print = try #require(pdf, "\(diagnostics)")

        // The loader sees it upright.
        let engine = DiagnosticEngine()
        let pipeline = Pipeline(options: BuildOptions(root: project.root, outDirectory: project.url("out")), engine: engine)
        let laid = try #require(pipeline.lay(project.url("issues/x")))
        let ref = try #require(laid.loaded.issue.articles.first?.figures.first?.image)
        #expect(ref.orientation == 6 && ref.pixelWidth == 128 && ref.pixelHeight == 256)

        // Web: the copies are upright, red top right.
        let web = try DecodedImage(project.url("out/web/x/images/dien-thoai-128.jpg"))
        #expect(web.width == 128 && web.height == 256)
        let onWeb = Self.redCorner(web)
        #expect(onWeb.found && onWeb.right && onWeb.top, "web: \(onWeb)")

        // Print: the page as poppler renders it.
        let page = project.url("page")
        _ = try run("pdftoppm", ["-r", "72", "-png", "-f", "2", "-l", "2", "-singlefile", print.path, page.path])
        let printed = Self.redCorner(try DecodedImage(project.url("page.png")))
        #expect(printed.found && printed.right && printed.top, "print: \(printed)")

        // Preview: the page as Bantin renders it.
        let previews = try #require(pipeline.preview(project.url("issues/x"), pages: 2...2, dpi: 72))
        let preview = try #require(previews.first { $0.lastPathComponent.contains("002") || $0.lastPathComponent.contains("-2") })
        let previewed = Self.redCorner(try DecodedImage(preview))
        #expect(previewed.found && previewed.right && previewed.top, "preview \(preview.lastPathComponent): \(previewed)")
    }
}
