import Foundation
import Imaging
import Model
import Pages

/// Everything print.pdf and screen.pdf share, made once from the pages: each face's subset
/// with its widths and ToUnicode map, each image's XObject data, and every page's content
/// stream (built and compressed in parallel). `DocumentWriter` wraps these in either PDF.
/// With a CMYK conversion (`print: { colour: cmyk }`) it also holds print.pdf's variant: each
/// image converted, and each page's stream with its colours in the printing condition's inks,
/// made in the same pass as the RGB one (`PageContent.Builder`); the fonts are shared.
///
/// Steps: glyph texts and used glyphs per face, in page order (`GlyphTexts`) → per face, in
/// parallel: metrics, subset, ToUnicode (`PreparedFont`) → per image, in parallel
/// (`ImageXObject`) → per page, in parallel (`PageContent`).
public struct PreparedPages: Sendable {
    let pages: [Page]
    let fonts: [PreparedFont]
    /// Resource name and data of each image, in order of first use.
    let images: [(name: String, image: ImageXObject)]
    /// The same images in the printing condition's CMYK, when there is a conversion.
    let cmykImages: [(name: String, image: ImageXObject)]?
    let contents: [PageContent]
    /// What the content streams were built with (names, advances, glyph texts).
    let resources: ContentResources

    /// Whether print.pdf's CMYK variant was made.
    public var hasCMYK: Bool { cmykImages != nil }

    /// With `cmyk`, also the pages as print.pdf has them in the printing condition's CMYK:
    /// images converted (through `imageCache` when given), colours written as `k`, pure black
    /// text and rules overprinting when `overprintBlack`.
    public init(_ pages: [Page], cmyk: CMYKConversion? = nil, overprintBlack: Bool = true, imageCache: CMYKImageCache? = nil) throws {
        self.pages = pages
        let usage = Usage(pages)
        let fonts = try Parallel.map(Array(usage.faces.enumerated())) { index, face in
            try PreparedFont(face, name: "F\(index)", texts: usage.texts[index])
        }
        self.fonts = fonts
        // Each image once, and once more in CMYK: the big conversions first, so the cores end together.
        var jobs = usage.images.map { (ref: $0, cmyk: false) }
        if cmyk != nil { jobs += usage.images.map { (ref: $0, cmyk: true) }.sorted { $0.ref.pixelWidth * $0.ref.pixelHeight > $1.ref.pixelWidth * $1.ref.pixelHeight } }
        let loaded = try Parallel.map(jobs) { job in
            guard job.cmyk, let cmyk else { return try ImageXObject.load(job.ref) }
            return try imageCache?.converted(job.ref, cmyk) ?? ImageXObject.load(job.ref, cmyk: cmyk)
        }
        var byFile: [String: ImageXObject] = [:]
        for (job, image) in zip(jobs, loaded) where job.cmyk { byFile[job.ref.file] = image }
        images = zip(usage.images, loaded).map { (usage.imageNames[$0.file]!, $1) }
        cmykImages = cmyk == nil ? nil : usage.images.map { (usage.imageNames[$0.file]!, byFile[$0.file]!) }
        let resources = ContentResources(
            faces: Dictionary(uniqueKeysWithValues: zip(usage.faces, fonts).map { face, font in
                (face.path, ContentResources.Face(name: font.name, advances: font.advances, texts: font.texts,
                                                  ascent: font.descriptor.ascent, descent: font.descriptor.descent))
            }),
            images: usage.imageNames, cmyk: cmyk, overprintBlack: overprintBlack)
        self.resources = resources
        contents = try Parallel.map(pages) { try PageContent.Builder.build($0, resources: resources) }
    }

    /// The faces and images of the pages in order of first use, and each face's glyph texts,
    /// decided in page order. Read in parallel, a stretch of pages each, then merged in page
    /// order: a face or image is first used where its first stretch first uses it, and a glyph's
    /// text is the first stretch's that has one (`GlyphTexts.merge`).
    private struct Usage: Sendable {
        var faces: [FontFace] = []
        var texts: [GlyphTexts] = []
        var images: [ImageRef] = []
        /// `Im0`, `Im1`… by image file.
        var imageNames: [String: String] = [:]
        private var faceIndex: [String: Int] = [:]

        init(_ pages: [Page]) {
            let stretch = max(16, pages.count / 16)
            let parts = Parallel.map(Array(stride(from: 0, to: pages.count, by: stretch))) { start in
                var part = Usage()
                for page in pages[start..<min(start + stretch, pages.count)] { part.read(page) }
                return part
            }
            for part in parts { merge(part) }
        }

        private init() {}

        private mutating func read(_ page: Page) {
            for item in page.items + page.slug {
                switch item {
                case .text(let run, _):
                    var text = run.text
                    text.withUTF8 { texts[face(run.face)].record(run, utf8: $0) }
                case .image(let ref, _, _):
                    image(ref)
                default:
                    break
                }
            }
        }

        private mutating func face(_ face: FontFace) -> Int {
            if let i = faceIndex[face.path] { return i }
            faceIndex[face.path] = faces.count
            faces.append(face)
            texts.append(GlyphTexts())
            return faces.count - 1
        }

        private mutating func image(_ ref: ImageRef) {
            guard imageNames[ref.file] == nil else { return }
            imageNames[ref.file] = "Im\(images.count)"
            images.append(ref)
        }

        private mutating func merge(_ later: Usage) {
            for (face, texts) in zip(later.faces, later.texts) { self.texts[self.face(face)].merge(texts) }
            for ref in later.images { image(ref) }
        }
    }
}

/// One face as a PDF embeds it: a subset keeping glyph ids (HarfBuzz), Flate-compressed, with
/// the widths of the glyphs drawn, its descriptor and its ToUnicode map.
struct PreparedFont: Sendable {
    /// The resource name in content streams (`F0`).
    var name: String
    /// `ABCDEF+NotoSerif-Regular`: a tag derived from the glyphs kept (the same subset, the same
    /// tag) and the PostScript name.
    var baseFont: String
    var isCFF: Bool
    /// The subset font file, compressed, and its uncompressed length (`/Length1`).
    var file: [UInt8]
    var fileLength: Int
    var descriptor: FontDescriptor
    /// Every glyph's advance (by id), in thousandths of the em.
    var advances: [Double]
    var texts: GlyphTexts
    /// The ToUnicode CMap, compressed.
    var toUnicode: [UInt8]

    init(_ face: FontFace, name: String, texts: GlyphTexts) throws {
        let file = try FontFile(path: face.path)
        let glyphs = texts.usedGlyphs
        let subset = try file.subset(glyphs)
        let postScriptName = file.postScriptName
        self.name = name
        baseFont = PreparedFont.tag(postScriptName, glyphs) + "+" + postScriptName
        isCFF = file.isCFF
        self.file = try Deflate.compress(subset)
        fileLength = subset.count
        descriptor = file.descriptor()
        advances = file.advances()
        self.texts = texts
        toUnicode = try Deflate.compress(ToUnicode.cmap(texts.mappings))
    }

    /// `/W` for the glyphs drawn: runs of consecutive ids as `first [w1 w2 …]`.
    var widths: String {
        var out = PDFBytes(capacity: 4096)
        out.append("[")
        var previous: UInt32?
        for glyph in texts.usedGlyphs {
            if let p = previous, glyph == p + 1 {
                out.number(advance(glyph))
            } else {
                if previous != nil { out.append("] ") }
                out.integer(Int(glyph))
                out.append(" [")
                out.number(advance(glyph))
            }
            previous = glyph
        }
        if previous != nil { out.append("]") }
        out.append("]")
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// A glyph's advance; 0 for an id the font does not have (it draws nothing).
    private func advance(_ glyph: UInt32) -> Double {
        Int(glyph) < advances.count ? advances[Int(glyph)] : 0
    }

    /// Six capital letters from a hash (FNV-1a) of the name and the glyphs: the subset tag.
    private static func tag(_ name: String, _ glyphs: [UInt32]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        for glyph in glyphs { hash = (hash ^ UInt64(glyph)) &* 0x100_0000_01b3 }
        var letters = ""
        for _ in 0..<6 {
            letters.append(Character(Unicode.Scalar(UInt8(65 + hash % 26))))
            hash /= 26
        }
        return letters
    }
}
