import Bantin
import Diagnostics
import Foundation
import Testing
import TestSupport

/// Issue 12, item 5: images as editors deliver them — damaged past the header, in formats
/// Bantin does not take, of extreme shapes.
@Suite struct ImageDamageTests {
    private func build(_ image: (name: String, data: Data)) throws -> (pdf: URL?, diagnostics: [Diagnostic]) {
        let project = try TestProject()
        try project.write("issues/x/images/\(image.name)", image.data)
        try project.issue([("a.md", "---\ntitle: Ảnh\n---\n\nMở đầu.\n\n![Ảnh thử](../images/\(image.name) \"Ảnh: thử\")\n")])
        return project.build()
    }

    /// The sample's photo with the middle of its entropy-coded data overwritten: its header and
    /// end marker are intact, so only a decode finds the damage.
    @Test func aJPEGDamagedInTheMiddleIsALocatedError() throws {
        var bytes = [UInt8](try Data(contentsOf: projectRoot.appendingPathComponent("issues/2025-q1/images/hoc-sinh.jpg")))
        let middle = bytes.count / 2
        for i in middle..<(middle + 4000) { bytes[i] = UInt8(truncatingIfNeeded: i &* 7919) | 0x01 }
        let (pdf, diagnostics) = try build(("hong.jpg", Data(bytes)))
        #expect(pdf == nil)
        let error = try #require(diagnostics.first { $0.id == "image-damaged" }, "\(diagnostics)")
        #expect(error.range?.path.hasSuffix("issues/x/articles/a.md") == true && error.range?.start.line == 7)
        // The undamaged photo builds.
        let (good, _) = try build(("tot.jpg", try Data(contentsOf: projectRoot.appendingPathComponent("issues/2025-q1/images/hoc-sinh.jpg"))))
        #expect(good != nil)
    }

    /// A build notes the images it decoded; one replaced since (another size, another time) is
    /// decoded again, and its damage found.
    @Test func anImageDamagedAfterAGoodBuildIsStillFound() throws {
        let project = try TestProject()
        let good = try Data(contentsOf: projectRoot.appendingPathComponent("issues/2025-q1/images/hoc-sinh.jpg"))
        try project.write("issues/x/images/anh.jpg", good)
        try project.issue([("a.md", "---\ntitle: Ảnh\n---\n\nMở đầu.\n\n![Ảnh thử](../images/anh.jpg \"Ảnh: thử\")\n")])
        #expect(project.build().pdf != nil)
        #expect(try project.read("out/x/.cache/.verified-images").contains("anh.jpg"))
        #expect(project.build().pdf != nil)
        var bytes = [UInt8](good)
        for i in (bytes.count / 2)..<(bytes.count / 2 + 4000) { bytes[i] = UInt8(truncatingIfNeeded: i &* 7919) | 0x01 }
        try project.write("issues/x/images/anh.jpg", Data(bytes + [0xFF, 0xD9]))
        let (pdf, diagnostics) = project.build()
        #expect(pdf == nil && diagnostics.contains { $0.id == "image-damaged" })
    }

    /// Two issues built at once, the second with a damaged photo: the first is built and
    /// published, nothing of the second reaches the web edition.
    @Test func anIssueWithADamagedImageIsNotPublished() throws {
        let project = try TestProject()
        var bytes = [UInt8](try Data(contentsOf: projectRoot.appendingPathComponent("issues/2025-q1/images/hoc-sinh.jpg")))
        for i in (bytes.count / 2)..<(bytes.count / 2 + 4000) { bytes[i] = UInt8(truncatingIfNeeded: i &* 7919) | 0x01 }
        for (id, quarter, image) in [("a", 1, "TestProject.tinyPNG"), ("b", 2, "hong.jpg")] {
            try project.write("issues/\(id)/issue.yaml", "number: \(quarter)\nyear: 2025\nquarter: \(quarter)\ndate: 2025-0\(quarter * 3)-28\nsections:\n  - title: Tin\n    articles: [articles/a.md]\n")
            let figure = image == "hong.jpg" ? "\n![Ảnh](../images/hong.jpg)\n" : ""
            try project.write("issues/\(id)/articles/a.md", "---\ntitle: Bài \(id)\n---\n\nMột đoạn.\n\(figure)")
        }
        try project.write("issues/b/images/hong.jpg", Data(bytes))
        let engine = DiagnosticEngine()
        let built = Pipeline(options: BuildOptions(root: project.root, outDirectory: project.url("out")), engine: engine)
            .build([project.url("issues/a"), project.url("issues/b")])
        #expect(built.map(\.issue.id) == ["a"])
        #expect(engine.diagnostics.contains { $0.id == "image-damaged" && $0.range?.path.hasSuffix("issues/b/articles/a.md") == true })
        #expect(project.exists("out/web/a/index.html") && !project.exists("out/web/b"))
        #expect(!(try project.read("out/web/feed.xml")).contains("b/"))
    }

    @Test func aPNGDamagedInItsDataIsALocatedError() throws {
        var bytes = [UInt8](PNGMaker.solid(width: 400, height: 300))
        // Inside the IDAT chunk: its checksum no longer matches.
        bytes[bytes.count / 2] ^= 0xFF
        let (pdf, diagnostics) = try build(("hong.png", Data(bytes)))
        #expect(pdf == nil)
        let error = try #require(diagnostics.first { $0.id == "image-damaged" }, "\(diagnostics)")
        #expect(error.range?.start.line == 7)
    }

    /// 1 × 100,000 and 100,000 × 1 are within the pixel limit but past the longest side the
    /// image libraries scale: a located error at the figure. 1 × 32,767 builds.
    @Test func extremeShapesBuildOrAreLocated() throws {
        for (w, h) in [(1, 100_000), (100_000, 1)] {
            let (pdf, diagnostics) = try build(("dai.png", PNGMaker.solid(width: w, height: h)))
            #expect(pdf == nil)
            let error = try #require(diagnostics.first { $0.message.contains("too long") }, "\(w)×\(h): \(diagnostics)")
            #expect(error.range?.start.line == 7 && error.hint != nil)
            #expect(diagnostics.filter { $0.severity == .error }.allSatisfy { $0.range != nil })
        }
        let (pdf, diagnostics) = try build(("dai.png", PNGMaker.solid(width: 2, height: 32_767)))
        #expect(pdf != nil, "\(diagnostics)")
    }

    /// A PNG whose header says 16 × 16 but whose data holds 4000 × 4000 pixels (48 MB of zeros
    /// in 50 KB): decoding is bounded by the header's size, already checked against the limit,
    /// so the data past it is never unpacked into memory; the build finishes either way.
    @Test func aPNGWhoseHeaderUnderstatesItsDataIsDecodedAtTheHeadersSize() throws {
        let folder = try temporaryFolder("lying-png")
        let file = folder.appendingPathComponent("noi-doi.png")
        _ = try run("/usr/bin/python3", ["-c", """
            import struct, zlib, sys
            def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
            data = zlib.compress(b"\\0" * ((1 + 4000 * 3) * 4000), 9)
            open(sys.argv[1], "wb").write(b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
                                          + chunk(b"IDAT", data) + chunk(b"IEND", b""))
            """, file.path])
        let bytes = try Data(contentsOf: file)
        #expect(bytes.count < 200_000)
        let (pdf, diagnostics) = try build(("noi-doi.png", bytes))
        #expect(pdf != nil || diagnostics.contains { $0.severity == .error && $0.range?.start.line == 7 }, "\(diagnostics)")
        #expect(diagnostics.filter { $0.severity == .error }.allSatisfy { $0.range != nil })
    }

    /// Formats the loader recognises but Bantin does not take: each a located error with a hint.
    @Test func unsupportedFormatsAreLocatedErrorsWithAHint() throws {
        let samples: [(String, Data, String)] = [
            ("a.gif", Data("GIF89a\u{1}\0\u{1}\0".utf8), "GIF"),
            ("a.webp", Data("RIFF\0\0\0\0WEBPVP8 ".utf8), "WebP"),
            ("a.heic", Data("\0\0\0\u{18}ftypheic\0\0\0\0".utf8), "HEIC"),
            ("a.tif", Data([0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0]), "TIFF"),
            ("a.svg", Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8), "SVG"),
        ]
        for (name, data, format) in samples {
            let (pdf, diagnostics) = try build((name, data))
            #expect(pdf == nil)
            let error = try #require(diagnostics.first { $0.severity == .error && $0.message.contains(format) }, "\(name): \(diagnostics)")
            #expect(error.range?.path.hasSuffix("issues/x/articles/a.md") == true && error.range?.start.line == 7 && error.hint != nil)
        }
    }
}
