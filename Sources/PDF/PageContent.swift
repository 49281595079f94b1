import Model
import Imaging
import Pages

/// One page's drawing as a PDF content stream, built straight from the page IR and compressed
/// once: the same bytes serve print.pdf and screen.pdf, which only wrap them differently
/// (`DocumentWriter`). Coordinates are the media's, PDF-style: origin at the bottom left, y up.
struct PageContent: Sendable {
    /// The content stream, Flate-compressed.
    var stream: [UInt8]
    /// For a CMYK print PDF, the same stream with its colours in the printing condition's inks
    /// (and pure black text and rules overprinting), Flate-compressed.
    var cmykStream: [UInt8]? = nil
    /// print.pdf's slug line, in registration colour (`Page.slug`), Flate-compressed; nil without one.
    var slug: [UInt8]? = nil
    /// Where a run with a link was drawn, for the screen PDF's link annotations.
    var links: [LinkArea]
    /// The page's anchors, for named destinations.
    var anchors: [(name: String, x: Double, y: Double)]

    struct LinkArea: Sendable {
        var rect: [Double]
        var target: String
    }
}

/// What `PageContent.Builder` needs to know of the document: each face's resource name,
/// advances and glyph texts; each image's resource name.
struct ContentResources: Sendable {
    struct Face: Sendable {
        var name: String
        var advances: [Double]
        var texts: GlyphTexts
        var ascent: Double
        var descent: Double
    }

    var faces: [String: Face]
    var images: [String: String]
    /// For a print PDF in the printing condition's CMYK: how colours are converted.
    var cmyk: CMYKConversion? = nil
    /// In CMYK, whether pure black text and rules overprint.
    var overprintBlack = true

    /// The graphics states a CMYK page switches between: overprint on (nonzero mode, so the
    /// zero inks of `0 0 0 1 k` leave what is below) for black text and rules, and off.
    static let overprintOn = "/GSop", overprintOff = "/GSko"
}

extension PageContent {
    /// Writes the operators of one page: text as `BT … Tf … Tm [<CIDs> adjust …] TJ … ET`,
    /// rules and fills as paths, images as `Do` (clipped when the item says so), colours as
    /// DeviceGray when exactly grey and RGB otherwise.
    ///
    /// With a CMYK conversion, the same pass makes print.pdf's variant: the two streams differ
    /// only in their colour operators (`c m y k k`, greys as K tints of the same lightness) and
    /// the overprint switches before black text and rules, so the builder writes the RGB stream
    /// and records those differences as splices, applied once at the end.
    struct Builder {
        let resources: ContentResources
        let height: Double
        private var out = PDFBytes(capacity: 16_384)
        private var fill: Color?
        private var stroke: Color?
        private var lineWidth: Double?
        private var links: [LinkArea] = []
        /// Where the CMYK stream differs from `out`: replace `length` bytes at `at` by `bytes`.
        private var splices: [(at: Int, length: Int, bytes: [UInt8])] = []
        private var overprinting = false
        /// The CMYK operands of the colours met on this page.
        private var inks: [Color: [Double]] = [:]
        /// Drawing printer's marks: every colour is the registration colour set beforehand.
        private var registration = false

        init(resources: ContentResources, height: Pt) {
            self.resources = resources
            self.height = height.value
        }

        static func build(_ page: Page, resources: ContentResources) throws -> PageContent {
            var builder = Builder(resources: resources, height: page.mediaSize.height)
            for item in page.items { try builder.add(item) }
            let anchors = page.anchors.map { (name: $0.name, x: $0.at.x.value, y: page.mediaSize.height.value - $0.at.y.value) }
            return PageContent(stream: try Deflate.compress(builder.out.bytes),
                               cmykStream: try builder.cmykBytes().map(Deflate.compress),
                               slug: page.slug.isEmpty ? nil : try Deflate.compress(slug(page, resources: resources)),
                               links: builder.links, anchors: anchors)
        }

        /// The slug line's operators: its text in registration colour (`/Reg`), whatever colour
        /// its runs carry, neither overprint switch nor link.
        static func slug(_ page: Page, resources: ContentResources) throws -> [UInt8] {
            var builder = Builder(resources: resources, height: page.mediaSize.height)
            builder.registration = true
            builder.out.append("q /Reg cs 1 scn\n")
            for item in page.slug { try builder.add(item) }
            builder.out.append("Q\n")
            return builder.out.bytes
        }

        /// The uncompressed operators, for tests: the RGB stream, or with `cmyk` the CMYK one.
        static func operators(_ page: Page, resources: ContentResources, cmyk: Bool = false) throws -> String {
            var builder = Builder(resources: resources, height: page.mediaSize.height)
            for item in page.items { try builder.add(item) }
            return String(decoding: cmyk ? builder.cmykBytes() ?? [] : builder.out.bytes, as: UTF8.self)
        }

        /// The CMYK stream: `out` with the splices applied (nil without a conversion).
        private func cmykBytes() -> [UInt8]? {
            guard resources.cmyk != nil else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(out.count + splices.count * 24)
            var from = 0
            out.bytes.withUnsafeBufferPointer { bytes in
                for splice in splices {
                    result.append(contentsOf: bytes[from..<splice.at])
                    result.append(contentsOf: splice.bytes)
                    from = splice.at + splice.length
                }
                result.append(contentsOf: bytes[from...])
            }
            return result
        }

        /// Before painting, in CMYK: overprint on for black text and rules, off for anything else.
        private mutating func painting(overprint: Bool) {
            guard resources.cmyk != nil, !registration, overprint != overprinting else { return }
            overprinting = overprint
            let name = overprint ? ContentResources.overprintOn : ContentResources.overprintOff
            splices.append((out.count, 0, Array((name + " gs ").utf8)))
        }

        private func isBlack(_ c: Color?) -> Bool {
            resources.overprintBlack && c.map { $0.red == 0 && $0.green == 0 && $0.blue == 0 } == true
        }

        /// The `cm` that draws an image's unit square (as stored) into `frame` turned upright by
        /// its EXIF orientation (`ImageRef.orientationMatrix`, in the unit square's terms).
        static func turned(_ ref: ImageRef, into frame: Rect, pageHeight: Double) -> [Double] {
            let m = ref.orientationMatrix
            let w = Double(ref.storedWidth), h = Double(ref.storedHeight)
            let seenW = Double(ref.pixelWidth), seenH = Double(ref.pixelHeight)
            // Seen x and y (0…1, y down) from the unit square's u (right) and v (up).
            let a1 = m.xx * w / seenW, b1 = -m.xy * h / seenW, c1 = (m.xy * h + m.x0) / seenW
            let a2 = m.yx * w / seenH, b2 = -m.yy * h / seenH, c2 = (m.yy * h + m.y0) / seenH
            let fw = frame.width.value, fh = frame.height.value, base = pageHeight - frame.maxY.value
            return [fw * a1, -fh * a2, fw * b1, -fh * b2, frame.x.value + fw * c1, base + fh * (1 - c2)]
        }

        mutating func add(_ item: PageItem) throws {
            switch item {
            case .text(let run, let origin):
                try text(run, at: origin)
            case .image(let ref, let frame, let clip):
                guard let name = resources.images[ref.file] else { throw PDFError.image(ref.issuePath, "not prepared") }
                painting(overprint: false)
                out.append("q ")
                if let clip {
                    rect(clip)
                    out.append("re W n ")
                }
                if ref.orientation == 1 {
                    out.number(frame.width.value)
                    out.append("0 0 ")
                    out.number(frame.height.value)
                    out.number(frame.x.value)
                    out.number(height - frame.maxY.value)
                } else {
                    for v in Self.turned(ref, into: frame, pageHeight: height) { out.number(v) }
                }
                out.append("cm /")
                out.append(name)
                out.append(" Do Q\n")
            case .rule(let from, let to, let width, let color):
                setColor(color, stroking: true)
                if lineWidth != width.value {
                    out.number(width.value)
                    out.append("w ")
                    lineWidth = width.value
                }
                painting(overprint: isBlack(color))
                out.number(from.x.value)
                out.number(height - from.y.value)
                out.append("m ")
                out.number(to.x.value)
                out.number(height - to.y.value)
                out.append("l S\n")
            case .fill(let r, let color):
                setColor(color, stroking: false)
                painting(overprint: false)
                rect(r)
                out.append("re f\n")
            }
        }

        private mutating func rect(_ r: Rect) {
            out.number(r.x.value)
            out.number(height - r.maxY.value)
            out.number(r.width.value)
            out.number(r.height.value)
        }

        /// `0 g` for an exact grey (black prints on the black plate only), `r g b rg` otherwise;
        /// in the CMYK variant `c m y k k` in the printing condition's inks, a grey as the K tint
        /// of its lightness (`CMYKConversion`), so black is `0 0 0 1 k`.
        private mutating func setColor(_ c: Color, stroking: Bool) {
            if registration || (stroking ? stroke : fill) == c { return }
            let start = out.count
            if c.red == c.green, c.green == c.blue {
                out.number(c.red, decimals: 4)
                out.append(stroking ? "G " : "g ")
            } else {
                out.number(c.red, decimals: 4)
                out.number(c.green, decimals: 4)
                out.number(c.blue, decimals: 4)
                out.append(stroking ? "RG " : "rg ")
            }
            if let cmyk = resources.cmyk {
                let operands = inks[c] ?? {
                    let k = cmyk.convert(red: c.red, green: c.green, blue: c.blue)
                    return [k.cyan, k.magenta, k.yellow, k.black]
                }()
                inks[c] = operands
                var ink = PDFBytes(capacity: 40)
                for v in operands { ink.number(v, decimals: 4) }
                ink.append(stroking ? "K " : "k ")
                splices.append((start, out.count - start, ink.bytes))
            }
            if stroking { stroke = c } else { fill = c }
        }

        private mutating func text(_ run: GlyphRun, at origin: Point) throws {
            guard !run.glyphs.isEmpty else { return }
            guard let face = resources.faces[run.face.path] else { throw PDFError.writing("the font '\(run.face.name)' was not prepared") }
            setColor(run.color, stroking: false)
            painting(overprint: isBlack(run.color))
            let size = run.size.value
            out.append("BT /")
            out.append(face.name)
            out.append(byte: 32)
            out.number(size)
            out.append("Tf\n")
            var pen = TextPen(size: size, height: height, origin: origin)
            var text = run.text
            text.withUTF8 { utf8 in
                Cluster.each(run, byteCount: utf8.count) { glyphs, bytes in
                    let plain = glyphs.count == 1 && Cluster.pack(utf8, bytes).map { $0 == face.texts.text(run.glyphs[glyphs.lowerBound].id) } == true
                    if plain {
                        pen.show(run.glyphs[glyphs.lowerBound], advances: face.advances, into: &out)
                    } else {
                        // Not one glyph ↔ its text: say what the glyphs stand for.
                        pen.close(into: &out)
                        out.append("/Span << /ActualText ")
                        out.utf16Hex(String(decoding: UnsafeBufferPointer(rebasing: utf8[bytes]), as: UTF8.self))
                        out.append(" >> BDC\n")
                        for g in glyphs { pen.show(run.glyphs[g], advances: face.advances, into: &out) }
                        pen.close(into: &out)
                        out.append("EMC\n")
                    }
                }
            }
            pen.close(into: &out)
            out.append("ET\n")
            if let link = run.link, !registration {
                let baseline = height - origin.y.value
                links.append(LinkArea(rect: [origin.x.value, baseline + face.descent * size / 1000,
                                             origin.x.value + run.width.value, baseline + face.ascent * size / 1000],
                                      target: link))
            }
        }
    }
}

/// The text position while a run is written: where the last glyph left the pen, so each glyph
/// lands exactly where the IR puts it — a `TJ` adjustment when it is off the pen, a new `Tm`
/// when the baseline moves (a mark raised or lowered). Glyph ids go into literal strings as
/// their two bytes (`/Identity-H`), half the size of hex and so half the work for deflate.
private struct TextPen {
    let size: Double
    let height: Double
    let origin: Point
    private var x = 0.0
    private var y = Double.nan
    private var open = false
    private var inString = false

    init(size: Double, height: Double, origin: Point) {
        self.size = size
        self.height = height
        self.origin = origin
    }

    mutating func show(_ g: PlacedGlyph, advances: [Double], into out: inout PDFBytes) {
        let gx = origin.x.value + g.x.value, gy = height - origin.y.value + g.y.value
        if gy != y {
            close(into: &out)
            out.append("1 0 0 1 ")
            out.number(gx)
            out.number(gy)
            out.append("Tm ")
            x = gx
            y = gy
        }
        if !open {
            out.append("[")
            open = true
        }
        // The adjustment, in thousandths of the text size, as the viewer will apply it.
        let adjust = ((x - gx) * 1000 / size * 100).rounded() / 100
        if adjust != 0 {
            if inString {
                out.append(") ")
                inString = false
            }
            out.number(adjust, decimals: 2)
            x -= adjust * size / 1000
        }
        if !inString {
            out.append("(")
            inString = true
        }
        out.glyphCode(g.id)
        x += (Int(g.id) < advances.count ? advances[Int(g.id)] : 0) * size / 1000
    }

    /// Ends the open `TJ` array, if any.
    mutating func close(into out: inout PDFBytes) {
        guard open else { return }
        if inString { out.append(")") }
        out.append("] TJ\n")
        open = false
        inString = false
    }
}
