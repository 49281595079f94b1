import Diagnostics
import Foundation
import Model
import Pages
import Typesetting

/// An article's flowables in the cache's binary form. What depends on where the project lies
/// is not stored but put back when read: a font face is stored by its file name (its path is
/// the fonts folder's), a figure's image by its path in the issue (the article supplies it).
///
/// An entry is a header (`BNAC`, the format's version, where the tables start), the flowables,
/// a table of the strings they use (face names, source paths, links, image paths) and one of
/// their colours, and a checksum. The flowables refer to the tables by index, and are written
/// small where the values allow it, always exactly (every double keeps its bits):
/// - a set line's eight metrics are written only where they differ from the previous line's;
/// - a glyph's id takes two bytes when all of its run's fit, its cluster is the step from the
///   previous glyph's, and its y (almost always zero) is left out when all of its run's are;
/// - a glyph's x is predicted as the typesetter computes it — the previous x plus a whole
///   advance in font units times `size / unitsPerEm` — and written as that advance, plus the
///   bits where the prediction misses (a space stretched by justification, a mark's offset).
struct FlowableCoding {
    /// `fonts/`, where a face's file is.
    let fontsDirectory: URL
    /// The article's images by their path in the issue.
    let images: [String: ImageRef]

    /// "BNAC", little-endian.
    static let magic: UInt32 = 0x4341_4e42
    /// The binary form's version; `ArticleKeys.format` names it too, so entries of another
    /// version are never even opened.
    static let version: UInt8 = 4

    /// Gives `use` the entry's bytes, which live only as long as the call.
    func encode<R>(_ flowables: [Flowable], _ use: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var e = FlowableEncoder(capacity: FlowableEncoder.estimate(flowables))
        e.w.uint32(Self.magic)
        e.w.byte(Self.version)
        let tablesOffset = e.w.count
        e.w.uint32(0)
        e.flowables(flowables)
        e.w.patch(UInt32(e.w.count), at: tablesOffset)
        e.tables()
        e.w.seal()
        return try e.w.withUnsafeBytes(use)
    }

    func decode(_ bytes: UnsafeRawBufferPointer) throws -> [Flowable] {
        var r = try BinaryReader(sealed: bytes)
        guard try r.uint32() == Self.magic, try r.byte() == Self.version else { throw BinaryReader.Damaged() }
        var tables = try r.split(at: Int(try r.uint32()))
        let strings = try (0..<tables.count()).map { _ in try tables.string() }
        let colors = try (0..<tables.count()).map { _ in
            Color(red: try tables.double(), green: try tables.double(), blue: try tables.double())
        }
        guard tables.atEnd else { throw BinaryReader.Damaged() }
        var body = FlowableDecoder(r: r, strings: strings, colors: colors, fontsDirectory: fontsDirectory, images: images)
        let flowables = try body.flowables()
        guard body.r.atEnd else { throw BinaryReader.Damaged() }
        return flowables
    }
}

/// The bits of the flag bytes: what kind a flowable is, which parts a line box, figure or run has.
private enum Flag {
    // A flowable's kind.
    static let line: UInt8 = 0, space: UInt8 = 1, figure: UInt8 = 2, row: UInt8 = 3
    // A line box's or figure's parts.
    static let marker: UInt8 = 1, keepWithNext: UInt8 = 2, source: UInt8 = 4, sameSource: UInt8 = 8, indent: UInt8 = 16,
               wide: UInt8 = 32, table: UInt8 = 64
    /// A line box with rules, a drop cap or footnotes: a second flag byte follows.
    static let extras: UInt8 = 32
    // The second byte: the rules (the low two bits, `StyleRules`), a drop cap, footnotes.
    static let initial: UInt8 = 4, notes: UInt8 = 8
    // A row's parts.
    static let header: UInt8 = 1, first: UInt8 = 2, last: UInt8 = 16  // 4 is `source`
    // A run's parts.
    static let link: UInt8 = 1, yOffsets: UInt8 = 2, wideIDs: UInt8 = 4, sameSize: UInt8 = 8
}

/// The units per em a face is likely to have, tried in turn to predict its glyphs' x (the
/// prediction is checked glyph by glyph, so a face with none of these is only stored larger).
private let unitsPerEmGuesses: [Int] = [1000, 2048, 1024, 2000, 4096, 512, 256, 16384]

/// x from the previous glyph's x and a whole advance, as `LineSetter` computes it.
@inline(__always)
private func predict(_ previous: Double, _ advance: Int, _ scale: Double) -> Double {
    previous + Double(advance) * scale
}

/// The whole advance that best explains the step from `previous` to `x`. Rounded by adding
/// 1.5 × 2⁵² (the sum's low bits are then the integer): `rounded()` is a call into libm on
/// baseline x86-64. A step no advance explains (infinite, NaN, huge) gives 0; the glyph's x is
/// then written as the bits where it differs from the prediction, like any other miss.
@inline(__always)
private func advance(from previous: Double, to x: Double, _ scale: Double) -> Int {
    let magic = 6_755_399_441_055_744.0
    let a = Int(Int64(bitPattern: ((x - previous) / scale + magic).bitPattern) &- Int64(bitPattern: magic.bitPattern))
    return UInt(bitPattern: a &+ (1 << 40)) < (1 << 41) ? a : 0
}

private struct FlowableEncoder: ~Copyable {
    var w: BinaryWriter
    private var strings: [String] = []
    private var colors: [Color] = []
    private var stringIndex: [String: Int] = [:]
    private var colorIndex: [Color: Int] = [:]
    private var unitsPerEm: [Int: Int] = [:]
    private var metrics = SIMD8<UInt64>()
    private var lastSource: SourceRange?
    private var lastSize: UInt64?

    init(capacity: Int) {
        w = BinaryWriter(capacity: capacity)
    }

    /// About what the entry will take, so the writer seldom grows.
    static func estimate(_ flowables: [Flowable]) -> Int {
        func line(_ l: SetLine) -> Int { l.runs.reduce(16) { $0 + 48 + $1.glyphs.count * 6 + $1.text.utf8.count } }
        return flowables.reduce(256) { sum, f in
            switch f {
            case .line(let box): sum + 16 + line(box.line) + (box.marker.map(line) ?? 0)
            case .space: sum + 9
            case .figure(let box): sum + 64 + box.caption.reduce(0) { $0 + line($1) }
                + (box.table ?? []).reduce(0) { $0 + 32 + $1.cells.reduce(0) { $0 + 16 + $1.lines.reduce(0) { $0 + line($1) } } }
            case .row(let row): sum + 32 + row.cells.reduce(0) { $0 + 16 + $1.lines.reduce(0) { $0 + line($1) } }
            }
        }
    }

    /// The strings and colours the flowables refer to, after them.
    mutating func tables() {
        w.count(strings.count)
        for s in strings { w.string(s) }
        w.count(colors.count)
        for c in colors {
            w.double(c.red)
            w.double(c.green)
            w.double(c.blue)
        }
    }

    mutating func flowables(_ flowables: [Flowable]) {
        w.count(flowables.count)
        for f in flowables {
            switch f {
            case .line(let box):
                w.byte(Flag.line)
                line(box)
            case .space(let h):
                w.byte(Flag.space)
                w.double(h.value)
            case .figure(let box):
                w.byte(Flag.figure)
                figure(box)
            case .row(let r):
                w.byte(Flag.row)
                row(r)
            }
        }
    }

    private mutating func line(_ box: LineBox) {
        var flags: UInt8 = 0
        if box.marker != nil { flags |= Flag.marker }
        if box.keepWithNext { flags |= Flag.keepWithNext }
        if box.source != nil { flags |= box.source == lastSource ? Flag.sameSource : Flag.source }
        if box.indent.value.bitPattern != 0 { flags |= Flag.indent }
        var extras = UInt8(box.rules.rawValue & 3)
        if box.initial != nil { extras |= Flag.initial }
        if !box.notes.isEmpty { extras |= Flag.notes }
        if extras != 0 { flags |= Flag.extras }
        w.byte(flags)
        if extras != 0 { w.byte(extras) }
        setLine(box.line)
        if flags & Flag.indent != 0 { w.double(box.indent.value) }
        if let marker = box.marker { setLine(marker) }
        if let initial = box.initial {
            setLine(initial)
            w.double(box.initialDrop.value)
        }
        if !box.notes.isEmpty {
            w.count(box.notes.count)
            for note in box.notes {
                w.count(note.count)
                for l in note { setLine(l) }
            }
        }
        if flags & Flag.source != 0, let source = box.source { range(source) }
        w.signed(box.index)
        w.signed(box.count)
    }

    private mutating func figure(_ box: FigureBox) {
        var flags: UInt8 = box.wide ? Flag.wide : 0
        if box.source != nil { flags |= Flag.source }
        if box.table != nil { flags |= Flag.table }
        w.byte(flags)
        if let rows = box.table {
            w.count(rows.count)
            for r in rows { row(r) }
        } else {
            w.count(intern(box.image?.issuePath ?? ""))
        }
        w.double(box.imageSize.width.value)
        w.double(box.imageSize.height.value)
        w.count(box.caption.count)
        for l in box.caption { setLine(l) }
        w.double(box.spaceBelow.value)
        if let source = box.source { range(source) }
    }

    private mutating func row(_ r: RowBox) {
        var flags: UInt8 = 0
        if r.header { flags |= Flag.header }
        if r.first { flags |= Flag.first }
        if r.last { flags |= Flag.last }
        if r.source != nil { flags |= Flag.source }
        w.byte(flags)
        w.byte(UInt8(r.rules.rawValue & 3))
        w.double(r.height.value)
        w.double(r.width.value)
        w.count(internColor(r.ruleColor))
        w.count(r.cells.count)
        for cell in r.cells {
            w.double(cell.x.value)
            w.count(cell.lines.count)
            for l in cell.lines { setLine(l) }
        }
        if let source = r.source { range(source) }
    }

    /// The metrics that differ from the previous line's, with a byte saying which.
    private mutating func setLine(_ l: SetLine) {
        let now = SIMD8(l.width.value.bitPattern, l.naturalWidth.value.bitPattern, l.ratio.bitPattern, l.ascent.value.bitPattern,
                        l.descent.value.bitPattern, l.inkAscent.value.bitPattern, l.inkDescent.value.bitPattern,
                        l.leading.value.bitPattern)
        var changed: UInt8 = 0
        for i in 0..<8 where now[i] != metrics[i] { changed |= 1 << i }
        w.byte(changed)
        for i in 0..<8 where changed & (1 << i) != 0 { w.fixed(now[i]) }
        metrics = now
        // The run count, with the lowest bit saying whether the line ends inside a cut word.
        w.count(l.runs.count << 1 | (l.endsInsideWord ? 1 : 0))
        for run in l.runs { glyphRun(run) }
    }

    private mutating func glyphRun(_ run: GlyphRun) {
        var flags: UInt8 = 0
        if run.link != nil { flags |= Flag.link }
        var ids: UInt32 = 0, ys: UInt64 = 0
        for g in run.glyphs {
            ids |= g.id
            ys |= g.y.value.bitPattern
        }
        if ys != 0 { flags |= Flag.yOffsets }
        if ids > UInt32(UInt16.max) { flags |= Flag.wideIDs }
        if run.size.value.bitPattern == lastSize { flags |= Flag.sameSize }
        lastSize = run.size.value.bitPattern
        w.byte(flags)
        let face = intern(run.face.name)
        w.count(face)
        if flags & Flag.sameSize == 0 { w.double(run.size.value) }
        w.count(internColor(run.color))
        w.double(run.x.value)
        w.double(run.width.value)
        if let link = run.link { w.count(intern(link)) }
        w.string(run.text)
        let upem = unitsPerEm[face] ?? guessUnitsPerEm(run, face: face)
        w.count(upem)
        w.count(run.glyphs.count)
        let scale = run.size.value / Double(upem)
        // Per glyph at most: id 4, cluster 10, advance 10, miss 10, y 8.
        w.unchecked(atMost: run.glyphs.count * 42) { c in
            var x = 0.0, cluster = 0
            for g in run.glyphs {
                if flags & Flag.wideIDs != 0 { c.fixed(g.id) } else { c.fixed(UInt16(truncatingIfNeeded: g.id)) }
                c.signed(g.cluster &- cluster)
                cluster = g.cluster
                let a = advance(from: x, to: g.x.value, scale)
                let miss = g.x.value.bitPattern ^ predict(x, a, scale).bitPattern
                c.varint(UInt64(bitPattern: Int64((a << 1) ^ (a >> 63))) << 1 | (miss == 0 ? 0 : 1))
                if miss != 0 { c.varint(miss) }
                x = g.x.value
                if flags & Flag.yOffsets != 0 { c.double(g.y.value) }
            }
        }
    }

    /// The guess that predicts most of the run's first glyphs exactly; kept for the face once a
    /// run long enough to tell has confirmed it.
    private mutating func guessUnitsPerEm(_ run: GlyphRun, face: Int) -> Int {
        var best = (upem: unitsPerEmGuesses[0], hits: -1)
        for upem in unitsPerEmGuesses {
            let scale = run.size.value / Double(upem)
            var x = 0.0, hits = 0
            for g in run.glyphs.prefix(16) {
                if predict(x, advance(from: x, to: g.x.value, scale), scale) == g.x.value { hits += 1 }
                x = g.x.value
            }
            if hits > best.hits { best = (upem, hits) }
        }
        if best.hits >= 4 { unitsPerEm[face] = best.upem }
        return best.upem
    }

    private mutating func range(_ s: SourceRange) {
        lastSource = s
        w.count(intern(s.path))
        for v in [s.start.line, s.start.column, s.end.line, s.end.column] { w.signed(v) }
    }

    private mutating func intern(_ s: String) -> Int {
        if let known = stringIndex[s] { return known }
        stringIndex[s] = strings.count
        strings.append(s)
        return strings.count - 1
    }

    private mutating func internColor(_ c: Color) -> Int {
        if let known = colorIndex[c] { return known }
        colorIndex[c] = colors.count
        colors.append(c)
        return colors.count - 1
    }
}

private struct FlowableDecoder {
    var r: BinaryReader
    let strings: [String]
    let colors: [Color]
    let fontsDirectory: URL
    let images: [String: ImageRef]
    /// Faces by their name's index in `strings`, made on first use.
    private var faces: [FontFace?]
    private var metrics = SIMD8<UInt64>()
    private var lastSource: SourceRange?
    private var lastSize = 0.0

    init(r: BinaryReader, strings: [String], colors: [Color], fontsDirectory: URL, images: [String: ImageRef]) {
        self.r = r
        self.strings = strings
        self.colors = colors
        self.fontsDirectory = fontsDirectory
        self.images = images
        faces = Array(repeating: nil, count: strings.count)
    }

    mutating func flowables() throws -> [Flowable] {
        let n = try r.count()
        var out: [Flowable] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            switch try r.byte() {
            case Flag.line: out.append(.line(try line()))
            case Flag.space: out.append(.space(Pt(try r.double())))
            case Flag.figure: out.append(.figure(try figure()))
            case Flag.row: out.append(.row(try row()))
            default: throw BinaryReader.Damaged()
            }
        }
        return out
    }

    private mutating func line() throws -> LineBox {
        let flags = try r.byte()
        let extras = flags & Flag.extras != 0 ? try r.byte() : 0
        let set = try setLine()
        let indent = flags & Flag.indent != 0 ? try r.double() : 0
        let marker = flags & Flag.marker != 0 ? try setLine() : nil
        var initial: SetLine?, drop = 0.0
        if extras & Flag.initial != 0 {
            initial = try setLine()
            drop = try r.double()
        }
        var notes: [[SetLine]] = []
        if extras & Flag.notes != 0 {
            for _ in 0..<(try r.count()) { notes.append(try (0..<r.count()).map { _ in try setLine() }) }
        }
        let source = flags & Flag.source != 0 ? try range() : flags & Flag.sameSource != 0 ? lastSource : nil
        if flags & Flag.sameSource != 0, lastSource == nil { throw BinaryReader.Damaged() }
        var box = LineBox(line: set, indent: Pt(indent), marker: marker, keepWithNext: flags & Flag.keepWithNext != 0, source: source,
                          index: try r.signed(), count: try r.signed())
        box.rules = StyleRules(rawValue: Int(extras & 3))
        box.initial = initial
        box.initialDrop = Pt(drop)
        box.notes = notes
        return box
    }

    private mutating func row() throws -> RowBox {
        let flags = try r.byte()
        let rules = StyleRules(rawValue: Int(try r.byte() & 3))
        let height = Pt(try r.double()), width = Pt(try r.double())
        let color = colors[try index(below: colors.count)]
        let cells = try (0..<r.count()).map { _ in
            RowBox.Cell(x: Pt(try r.double()), lines: try (0..<r.count()).map { _ in try setLine() })
        }
        return RowBox(cells: cells, height: height, width: width, header: flags & Flag.header != 0, first: flags & Flag.first != 0,
                      last: flags & Flag.last != 0, rules: rules, ruleColor: color, source: flags & Flag.source != 0 ? try range() : nil)
    }

    private mutating func figure() throws -> FigureBox {
        let flags = try r.byte()
        var image: ImageRef?, table: [RowBox]?
        if flags & Flag.table != 0 {
            table = try (0..<r.count()).map { _ in try row() }
        } else {
            guard let found = images[try string()] else { throw BinaryReader.Damaged() }
            image = found
        }
        let size = Size(width: Pt(try r.double()), height: Pt(try r.double()))
        let caption = try (0..<r.count()).map { _ in try setLine() }
        return FigureBox(image: image, imageSize: size, caption: caption, spaceBelow: Pt(try r.double()),
                         wide: flags & Flag.wide != 0, source: flags & Flag.source != 0 ? try range() : nil, table: table)
    }

    private mutating func setLine() throws -> SetLine {
        let changed = try r.byte()
        for i in 0..<8 where changed & (1 << i) != 0 { metrics[i] = try r.fixed() }
        func m(_ i: Int) -> Pt { Pt(Double(bitPattern: metrics[i])) }
        let (n, endsInsideWord) = try r.flaggedCount()
        var runs: [GlyphRun] = []
        runs.reserveCapacity(n)
        for _ in 0..<n { runs.append(try glyphRun()) }
        var line = SetLine(width: m(0), naturalWidth: m(1), ratio: m(2).value, ascent: m(3), descent: m(4), leading: m(7), runs: runs)
        line.inkAscent = m(5)
        line.inkDescent = m(6)
        line.endsInsideWord = endsInsideWord
        return line
    }

    private mutating func glyphRun() throws -> GlyphRun {
        let flags = try r.byte()
        let face = try self.face(try index(below: strings.count))
        if flags & Flag.sameSize == 0 { lastSize = try r.double() }
        let size = lastSize
        let colorIndex = try index(below: colors.count)
        let x = try r.double(), width = try r.double()
        let link = flags & Flag.link != 0 ? try string() : nil
        let text = try r.string()
        let upem = try index(below: 1 << 16)
        guard upem > 0 else { throw BinaryReader.Damaged() }
        let n = try r.count()
        let scale = size / Double(upem)
        var glyphs: [PlacedGlyph] = []
        glyphs.reserveCapacity(n)
        var gx = 0.0, cluster = 0
        for _ in 0..<n {
            let id = flags & Flag.wideIDs != 0 ? try r.uint32() : UInt32(try r.uint16())
            cluster &+= try r.signed()
            // A glyph's cluster is a byte offset into its run's text, kept in 32 bits.
            guard cluster >= 0, cluster <= Int(UInt32.max) else { throw BinaryReader.Damaged() }
            let code = try r.varint()
            let z = code >> 1
            let a = Int(Int64(bitPattern: z >> 1) ^ -Int64(bitPattern: z & 1))
            gx = predict(gx, a, scale)
            if code & 1 != 0 { gx = Double(bitPattern: gx.bitPattern ^ (try r.varint())) }
            let y = flags & Flag.yOffsets != 0 ? try r.double() : 0
            glyphs.append(PlacedGlyph(id: id, x: Pt(gx), y: Pt(y), cluster: cluster))
        }
        return GlyphRun(face: face, size: Pt(size), color: colors[colorIndex], x: Pt(x), glyphs: glyphs, text: text, link: link,
                        width: Pt(width))
    }

    private mutating func range() throws -> SourceRange {
        let path = try string()
        let start = SourceLocation(line: try r.signed(), column: try r.signed())
        let s = SourceRange(path: path, start: start, end: SourceLocation(line: try r.signed(), column: try r.signed()))
        lastSource = s
        return s
    }

    private mutating func index(below end: Int) throws -> Int {
        let i = try r.varint()
        guard i < UInt64(end) else { throw BinaryReader.Damaged() }
        return Int(i)
    }

    private mutating func string() throws -> String {
        strings[try index(below: strings.count)]
    }

    private mutating func face(_ i: Int) throws -> FontFace {
        if let known = faces[i] { return known }
        let face = FontFace(name: strings[i], path: fontsDirectory.appendingPathComponent(strings[i]).path)
        faces[i] = face
        return face
    }
}
