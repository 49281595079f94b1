import Bantin
import Diagnostics
import Foundation
import Output
import Testing
import TestSupport
@testable import Typesetting
@testable import Web

/// Issue 17, item 3: light pages. The web fonts are HarfBuzz subsets shipped as WOFF2 only, the
/// regular sans face among them; every file under `assets/` carries a hash of its content.
@Suite(.serialized) struct WebFontTests {
    var web: URL { sample.out.appendingPathComponent("web") }

    /// The faces the stylesheet names, each shipped once; the last draws the arrows alone.
    static let faces = ["NotoSerif-Regular", "NotoSerif-Italic", "NotoSerif-Bold", "NotoSans-Regular", "NotoSans-Bold", "NotoSansMono-Regular"]
    static let arrows: ClosedRange<UInt32> = 0x2190...0x2195

    func files(under folder: URL) -> [String] {
        (FileManager.default.subpaths(atPath: folder.path) ?? []).filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }

    /// Every character a reader sees on the site: the text of every page (tags removed,
    /// character references decoded) and the titles and excerpts the search page shows.
    func siteCharacters() throws -> Set<Unicode.Scalar> {
        var text = ""
        for page in files(under: web) where page.hasSuffix(".html") {
            text += try String(contentsOf: web.appendingPathComponent(page), encoding: .utf8)
                .replacing(#/<script[^>]*>[^<]*</script>|<[^>]*>/#, with: " ")
        }
        // The search index: titles, forms and the passages its snippets show.
        let search = web.appendingPathComponent("search")
        for case let file as URL in FileManager.default.enumerator(at: search, includingPropertiesForKeys: nil)!
        where file.pathExtension == "json" {
            text += try String(contentsOf: file, encoding: .utf8)
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        text = text.replacing(#/&#(\d+);/#) { match in Unicode.Scalar(UInt32(match.output.1)!).map { String(Character($0)) } ?? "" }
        return Set(text.unicodeScalars.filter { !$0.properties.isWhitespace && $0.value >= 0x20 })
    }

    /// The characters a font file maps, as fontconfig reads its `cmap` (`fc-query`).
    func cmap(_ font: URL) throws -> Set<UInt32> {
        let ranges = try run("fc-query", ["--format", "%{charset}", font.path]).out
        var result: Set<UInt32> = []
        for range in ranges.split(separator: " ") {
            let ends = range.split(separator: "-").compactMap { UInt32($0, radix: 16) }
            guard let first = ends.first else { continue }
            result.formUnion(first...(ends.last ?? first))
        }
        return result
    }

    /// The sfnt table tags of a TrueType file (its table directory).
    func tables(_ ttf: Data) -> Set<String> {
        let bytes = [UInt8](ttf)
        let count = Int(bytes[4]) << 8 | Int(bytes[5])
        return Set((0..<count).map { i in String(decoding: bytes[(12 + 16 * i)..<(16 + 16 * i)], as: UTF8.self) })
    }

    /// Each shipped font is WOFF2, a subset far smaller than the face (a whole Noto face in
    /// WOFF2 is 200–280 KB), keeps the OpenType layout tables the browser shapes Vietnamese
    /// with, and maps every character the site's pages and search results use.
    @Test func fontsAreSmallWOFF2SubsetsCoveringEveryCharacterOfTheSite() throws {
        let fonts = files(under: web.appendingPathComponent("assets/fonts"))
        #expect(fonts.map { String($0.prefix { $0 != "." }) }.sorted() == Self.faces.sorted(), "\(fonts)")
        #expect(fonts.allSatisfy { $0.hasSuffix(".woff2") })
        let used = try siteCharacters()
        #expect(used.contains("ệ") && used.contains("“") && used.contains("–") && used.contains("›"), "the sample's text")
        let work = try temporaryFolder("webfonts")
        for font in fonts {
            let data = try Data(contentsOf: web.appendingPathComponent("assets/fonts/\(font)"))
            #expect(data.prefix(4) == Data("wOF2".utf8), "\(font)")
            #expect(data.count < 50_000, "\(font): \(data.count) bytes")
            let copy = work.appendingPathComponent(font.replacingOccurrences(of: ".woff2", with: ".ttf"))
            try data.write(to: work.appendingPathComponent(font))
            _ = try run("woff2_decompress", [work.appendingPathComponent(font).path])
            let ttf = try Data(contentsOf: copy)
            #expect(ttf.count < 120_000, "\(font) decompressed: \(ttf.count) bytes")
            #expect(tables(ttf).isSuperset(of: ["GSUB", "GPOS", "GDEF", "cmap", "glyf"]), "\(font): \(tables(ttf).sorted())")
            let mapped = try cmap(copy)
            if font.hasPrefix("NotoSansMono-Regular.") {
                // The arrows' face, cut to its unicode-range: loaded only where an arrow is.
                #expect(data.count < 3_000 && mapped.allSatisfy { Self.arrows.contains($0) }, "\(font): \(data.count) bytes")
                #expect(used.filter { Self.arrows.contains($0.value) }.allSatisfy { mapped.contains($0.value) } && mapped.contains(0x2191))
                continue
            }
            let missing = used.filter { !mapped.contains($0.value) && !Self.arrows.contains($0.value) }
            #expect(missing.isEmpty, "\(font) lacks \(missing.map { String(format: "U+%04X %@", $0.value, String($0)) }.sorted())")
            // Latin and Vietnamese whole, but not Cyrillic or Greek.
            #expect(mapped.isSuperset(of: [0x1EA0, 0x1EF9, 0x0110, 0x01B0, 0x20AB]) && !mapped.contains(0x0416) && !mapped.contains(0x03A9))
        }
    }

    /// The subsets shape Vietnamese as the whole faces do: the same advances and mark offsets,
    /// glyph for glyph, for precomposed letters, tone marks typed apart (NFD, composed by
    /// `ccmp` or placed by `mark`/`mkmk`), kerned pairs and the site's punctuation.
    @Test func subsetsShapeVietnameseAsTheWholeFaces() throws {
        let text = "Nghiệp vụ: ĐỒNG THUẬN “Tây Nguyên” — AVA Tà Yên, e\u{323}\u{302} u\u{31B}\u{303} x\u{301}\u{323} ffi… 1.248,5"
        let work = try temporaryFolder("shaping")
        let whole = FontLibrary(directory: projectRoot.appendingPathComponent("fonts")), cut = FontLibrary(directory: work)
        for font in files(under: web.appendingPathComponent("assets/fonts")) where !font.hasPrefix("NotoSansMono") {
            try FileManager.default.copyItem(at: web.appendingPathComponent("assets/fonts/\(font)"), to: work.appendingPathComponent(font))
            _ = try run("woff2_decompress", [work.appendingPathComponent(font).path])
            let face = String(font.prefix { $0 != "." })
            func positions(_ font: Font) -> [String] {
                font.shape(text, language: "vi").map { "\($0.cluster)+\(Int($0.advance))@\(Int($0.xOffset)),\(Int($0.yOffset))" }
            }
            let subset = try cut.font(font.replacingOccurrences(of: ".woff2", with: ".ttf"))
            #expect(positions(subset) == positions(try whole.font(face + ".ttf")), "\(face)")
            let glyphs = subset.shape(text, language: "vi")
            #expect(!glyphs.contains { $0.id == 0 }, "\(face): no .notdef")
            #expect(glyphs.contains { $0.xOffset != 0 || $0.yOffset != 0 }, "\(face): some mark is placed by the font's GPOS")
        }
    }

    /// No TrueType file is shipped; every file under `assets/` is named with the hash of its
    /// content; the stylesheet names only fonts that exist (and every one of them); the pages
    /// link the hashed stylesheet and the search page the hashed script.
    /// The theme's own files (`style.css`, the scripts): each ships once, hashed.
    static var themeFiles: Int {
        let folder = projectRoot.appendingPathComponent("layouts/web/assets")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !$0.hasPrefix(".") && $0.contains(".") }.count
    }

    @Test func assetsAreHashedAndLinkedByTheirHashedNames() throws {
        let all = files(under: web)
        #expect(!all.contains { $0.hasSuffix(".ttf") || $0.hasSuffix(".otf") }, "\(all.filter { $0.hasSuffix(".ttf") })")
        let assets = files(under: web.appendingPathComponent("assets"))
        #expect(assets.count == Self.faces.count + Self.themeFiles, "\(assets)")
        for path in assets {
            let data = try Data(contentsOf: web.appendingPathComponent("assets/\(path)"))
            var digest = Digest()
            digest.add(data)
            let parts = (path as NSString).lastPathComponent.split(separator: ".")
            #expect(parts.count == 3 && parts[1] == digest.hex.prefix(10), "\(path)")
        }
        let stylesheet = try #require(assets.first { $0.hasPrefix("style.") && $0.hasSuffix(".css") })
        let css = try String(contentsOf: web.appendingPathComponent("assets/\(stylesheet)"), encoding: .utf8)
        let urls = SiteAssets.urls(in: css)
        #expect(Set(urls) == Set(assets.filter { $0.hasPrefix("fonts/") }), "\(urls)")
        #expect(!css.contains("truetype") && css.components(separatedBy: "font-display: swap").count == css.components(separatedBy: "@font-face").count)
        let script = try #require(assets.first { $0.hasPrefix("search.") && $0.hasSuffix(".js") })
        for page in all where page.hasSuffix(".html") {
            let html = try String(contentsOf: web.appendingPathComponent(page), encoding: .utf8)
            let root = String(repeating: "../", count: page.split(separator: "/").count - 1)
            #expect(html.contains("<link rel=\"stylesheet\" href=\"\(root)assets/\(stylesheet)\">"), "\(page)")
            #expect(html.contains("<script src=\"\(root)assets/\(script)\"></script>") == (page == "search/index.html"), "\(page)")
        }
    }

    /// The sans text asks for the regular face, and the credit is not a synthesised italic:
    /// no rule makes it italic, and the sans family has no italic face to synthesise from.
    @Test func sansTextIsRegularAndNothingIsSynthesised() throws {
        let css = try String(contentsOf: projectRoot.appendingPathComponent("layouts/web/assets/style.css"), encoding: .utf8)
        #expect(css.contains("header.site, footer.site, .byline, figcaption, .pager { font-weight: 400; }"))
        #expect(css.contains(#"src: url("fonts/NotoSans-Regular.woff2") format("woff2"); font-weight: 400; font-style: normal;"#))
        #expect(!css.contains(".credit { font-style: italic"))
        #expect(!css.contains(#"font-family: "Noto Sans"; src: url("fonts/NotoSans-Italic"#))
    }

    func theme(_ directory: URL) throws -> WebTheme {
        let engine = DiagnosticEngine()
        return try #require(WebTheme.load(directory, displayPath: { $0.path }, engine: engine), "\(engine.diagnostics)")
    }

    /// Writing the site twice gives the same assets, byte for byte; files of an older build
    /// without a hash (the TrueType fonts, `style.css`) are removed, and so are older hashed
    /// ones when every issue is written.
    @Test func assetsAreReproducibleAndOldOnesRemoved() throws {
        let site = WebSite(theme: try theme(projectRoot.appendingPathComponent("layouts/web")),
                           fontsDirectory: projectRoot.appendingPathComponent("fonts"))
        let edition = WebSite.Edition(issue: sample.built.issue, pdf: nil)
        let first = try temporaryFolder("assets-1"), second = try temporaryFolder("assets-2")
        for old in ["assets/style.css", "assets/fonts/NotoSans-Bold.ttf", "assets/fonts/NotoSans-Bold.woff2", "assets/style.0123456789.css"] {
            try OutputFile.write(Data("old".utf8), to: second.appendingPathComponent(old))
        }
        try site.write([edition], to: first)
        try site.write([edition], to: second)
        let assets = files(under: first.appendingPathComponent("assets"))
        #expect(files(under: second.appendingPathComponent("assets")) == assets)
        for path in assets {
            #expect(try Data(contentsOf: first.appendingPathComponent("assets/\(path)")) == Data(contentsOf: second.appendingPathComponent("assets/\(path)")))
        }
        let page = "2025-q1/index.html"
        #expect(try Data(contentsOf: first.appendingPathComponent(page)) == Data(contentsOf: second.appendingPathComponent(page)))
    }

    /// A build of some issues keeps the older hashed files (the other issues' pages, written
    /// before, name them) but removes the unhashed ones.
    @Test func aBuildOfSomeIssuesKeepsOlderHashedAssets() throws {
        let site = WebSite(theme: try theme(projectRoot.appendingPathComponent("layouts/web")),
                           fontsDirectory: projectRoot.appendingPathComponent("fonts"))
        let out = try temporaryFolder("assets-some")
        for old in ["assets/style.css", "assets/style.0123456789.css", "assets/fonts/NotoSans-Bold.0123456789.woff2"] {
            try OutputFile.write(Data("old".utf8), to: out.appendingPathComponent(old))
        }
        var other = sample.built.issue
        other.id = "2024-q4"
        try site.write([WebSite.Edition(issue: sample.built.issue, pdf: nil)], alsoPublished: [other], to: out)
        let assets = files(under: out.appendingPathComponent("assets"))
        #expect(assets.contains("style.0123456789.css") && assets.contains("fonts/NotoSans-Bold.0123456789.woff2"))
        #expect(!assets.contains("style.css") && assets.count == Self.faces.count + Self.themeFiles + 2, "\(assets)")
    }

    /// A character beyond Latin and Vietnamese that an article uses is kept in the fonts (the
    /// fonts are cut to the site's text too), and only then: the sample's fonts lack it.
    @Test func aCharacterOfAnArticleBeyondVietnameseIsKept() throws {
        let site = WebSite(theme: try theme(projectRoot.appendingPathComponent("layouts/web")),
                           fontsDirectory: projectRoot.appendingPathComponent("fonts"))
        var issue = sample.built.issue
        issue.sections[0].articles[0].title += " (Жизнь)"
        let out = try temporaryFolder("cyrillic")
        try site.write([WebSite.Edition(issue: issue, pdf: nil)], to: out)
        let work = try temporaryFolder("cyrillic-fonts")
        func serif(_ web: URL) throws -> Set<UInt32> {
            let name = try #require(files(under: web.appendingPathComponent("assets/fonts")).first { $0.hasPrefix("NotoSerif-Regular.") })
            let copy = work.appendingPathComponent(UUID().uuidString + ".woff2")
            try FileManager.default.copyItem(at: web.appendingPathComponent("assets/fonts/\(name)"), to: copy)
            _ = try run("woff2_decompress", [copy.path])
            return try cmap(copy.deletingPathExtension().appendingPathExtension("ttf"))
        }
        #expect(try serif(out).isSuperset(of: [0x416, 0x438, 0x437, 0x43D, 0x44C]))
        #expect(try !serif(web).contains(0x416))
    }

    /// A stylesheet naming a web font that `fonts/` does not have is an error that names both,
    /// not a page linking a missing file.
    @Test func aStylesheetNamingAMissingFontIsAnError() throws {
        let folder = try temporaryFolder("theme")
        let themeFolder = folder.appendingPathComponent("web")
        try FileManager.default.copyItem(at: projectRoot.appendingPathComponent("layouts/web"), to: themeFolder)
        let css = themeFolder.appendingPathComponent("assets/style.css")
        try (String(contentsOf: css, encoding: .utf8) + "\n@font-face { font-family: X; src: url(\"fonts/KhongCo.woff2\") format(\"woff2\"); }\n")
            .write(to: css, atomically: true, encoding: .utf8)
        let site = WebSite(theme: try theme(themeFolder), fontsDirectory: projectRoot.appendingPathComponent("fonts"))
        let out = folder.appendingPathComponent("out")
        let error = #expect(throws: WebFontError.self) {
            try site.write([WebSite.Edition(issue: sample.built.issue, pdf: nil)], to: out)
        }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains("'fonts/KhongCo.woff2'") && message.contains("'KhongCo.ttf'") && message.contains("style.css"), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("2025-q1/index.html").path))
    }

    /// The templates find the hashed names under `assets`, by stem; two files of one stem by
    /// their name with `_` for the dot.
    @Test func templatesFindHashedNamesByStem() {
        let assets = SiteAssets(paths: ["style.css": "assets/style.0123456789.css", "site.css": "assets/site.aaaaaaaaaa.css",
                                        "site.js": "assets/site.bbbbbbbbbb.js", "fonts/A.woff2": "assets/fonts/A.cccccccccc.woff2"])
        #expect(assets.templateNames == ["style": "assets/style.0123456789.css", "site_css": "assets/site.aaaaaaaaaa.css",
                                         "site_js": "assets/site.bbbbbbbbbb.js"])
        #expect(SiteAssets.rewritingURLs(#"a { src: url("fonts/A.woff2") } b { background: url(x.png) }"#, assets.paths)
                == #"a { src: url("fonts/A.cccccccccc.woff2") } b { background: url(x.png) }"#)
        #expect(SiteAssets.isHashed("style.0123456789.css") && !SiteAssets.isHashed("style.css"))
        let faces = SiteAssets.faces(in: #"@font-face { src: url("fonts/A.woff2"); unicode-range: U+2190-2195, U+4?? } @font-face { src: url(fonts/B.woff2) }"#,
                                     stylesheet: "style.css")
        #expect(faces.map(\.name) == ["fonts/A.woff2", "fonts/B.woff2"] && faces[0].ranges == [0x2190...0x2195, 0x400...0x4FF] && faces[1].ranges == nil)
    }
}
