import Diagnostics
import Foundation
import Model
import Pages
import Testing
import TestSupport
import Typesetting
@testable import Layout

/// The article cache's binary form gives back exactly what it was given, and refuses an entry
/// that is damaged, cut short or of another version (the store then typesets the article again).
@Suite struct ArticleCacheFormatTests {
    let image = ImageRef(file: "/x/images/a.jpg", issuePath: "images/a.jpg", format: .jpeg, pixelWidth: 10, pixelHeight: 20)
    let fonts = projectRoot.appendingPathComponent("fonts")
    var coding: FlowableCoding { FlowableCoding(fontsDirectory: fonts, images: [image.issuePath: image]) }

    /// Justified text (most glyphs' x are predicted, the stretched spaces' are not), and values
    /// no typesetter gives: a glyph id above 65535, y offsets, clusters that go back, -0, NaN,
    /// infinite and huge x, a link, a marker, a figure.
    func flowables() throws -> [Flowable] {
        let body = LayoutSpec.defaults.style(.body)
        let lines = try typesetter.set(String(repeating: "Sáng ngày 12, hội nghị tổng kết diễn ra tại Hà Nội. ", count: 12),
                                       style: body, width: 160)
        let source = SourceRange(path: "issues/x/articles/a.md", start: SourceLocation(line: 3, column: 1),
                                 end: SourceLocation(line: 5, column: 9))
        var out: [Flowable] = lines.enumerated().map { .line(LineBox(line: $1, source: source, index: $0, count: lines.count)) }
        let odd = GlyphRun(face: FontFace(name: "Odd.ttf", path: fonts.appendingPathComponent("Odd.ttf").path), size: 9.5,
                           color: Color(red: 0.1, green: 0.2, blue: 0.3), x: Pt(-0.0),
                           glyphs: [PlacedGlyph(id: 70_000, x: Pt(-0.0), y: 1.25, cluster: 0),
                                    PlacedGlyph(id: 3, x: Pt(.nan), y: 0, cluster: 5),
                                    PlacedGlyph(id: 4, x: 1e300, y: -2, cluster: 2),
                                    PlacedGlyph(id: 5, x: Pt(-.infinity), y: 0, cluster: Int(UInt32.max))],
                           text: "ab", link: "https://example.org", width: 12.5)
        var mixed = lines[0]
        mixed.runs.append(odd)
        mixed.ratio = -0.0
        out.append(.space(4.5))
        out.append(.line(LineBox(line: mixed, indent: 7, marker: lines[1], keepWithNext: true, source: nil, index: 0, count: 1)))
        out.append(.figure(FigureBox(image: image, imageSize: Size(width: 100, height: 50), caption: Array(lines.prefix(2)),
                                     spaceBelow: 6, wide: true, source: source)))
        // A pull quote's ruled line with a drop cap and two footnotes; table rows; a spanning table.
        var ruled = LineBox(line: lines[2], source: source, index: 0, count: 2)
        ruled.rules = [.above, .below]
        ruled.initial = lines[3]
        ruled.initialDrop = 13.2
        ruled.notes = [Array(lines.prefix(2)), [lines[4]]]
        out.append(.line(ruled))
        let row = RowBox(cells: [RowBox.Cell(x: 0, lines: [lines[5]]), RowBox.Cell(x: 80.5, lines: Array(lines[6...7]))], height: 30,
                         width: 160, header: true, first: true, last: false, rules: .above, ruleColor: Color(red: 0.2, green: 0.2, blue: 0.2),
                         source: source)
        var last = row
        last.header = false
        last.first = false
        last.last = true
        last.rules = .below
        last.source = nil
        out += [.row(row), .row(last)]
        out.append(.figure(FigureBox(image: nil, imageSize: Size(width: 300, height: 60), caption: [lines[8]], spaceBelow: 6, wide: true,
                                     source: nil, table: [row, last])))
        return out
    }

    func encoded() throws -> [UInt8] {
        try coding.encode(flowables()) { Array($0) }
    }

    func decode(_ bytes: [UInt8]) throws -> [Flowable] {
        try bytes.withUnsafeBytes { try coding.decode($0) }
    }

    /// Every field, doubles by their bits (a dump would print every NaN alike).
    func fingerprint(_ flowables: [Flowable]) -> String {
        var text = ""
        dump(flowables, to: &text)
        for f in flowables {
            let rows = { (rows: [RowBox]) in rows.flatMap { $0.cells.flatMap(\.lines) } }
            let sets: [SetLine] = switch f {
            case .line(let box): [box.line] + (box.marker.map { [$0] } ?? []) + (box.initial.map { [$0] } ?? []) + box.notes.joined()
            case .space: []
            case .figure(let box): box.caption + rows(box.table ?? [])
            case .row(let row): rows([row])
            }
            for l in sets {
                text += "\n\([l.width.value, l.naturalWidth.value, l.ratio, l.inkAscent.value].map(\.bitPattern))"
                for run in l.runs {
                    text += "\n\(run.glyphs.map { [$0.x.value.bitPattern, $0.y.value.bitPattern] })"
                }
            }
        }
        return text
    }

    @Test func flowablesComeBackBitForBit() throws {
        let original = try flowables()
        let back = try decode(try encoded())
        #expect(fingerprint(back) == fingerprint(original))
    }

    /// Typeset lines, text and all, take less than a third of what the first form took for the
    /// glyph records alone (32 bytes a glyph).
    @Test func typesetLinesTakeUnderAThirdOfTheFirstFormsGlyphRecords() throws {
        let lines = try flowables().filter { if case .line(let box) = $0 { box.source != nil && box.notes.isEmpty && box.initial == nil } else { false } }
        let glyphs = lines.reduce(0) { sum, f in
            if case .line(let box) = f { sum + box.line.runs.reduce(0) { $0 + $1.glyphs.count } } else { sum }
        }
        let size = coding.encode(lines) { $0.count }
        #expect(size < glyphs * 32 / 3, "\(size) bytes for \(glyphs) glyphs")
    }

    /// Charis SIL has 2048 units per em where Noto has 1000: its x are predicted as well.
    @Test func aFaceOfOtherUnitsPerEmComesBackAsSmall() throws {
        let charis = URL(fileURLWithPath: "/usr/share/fonts/truetype/charis")
        var layout = LayoutSpec.defaults
        for family in Array(layout.fonts.keys) { layout.fonts[family] = FontFamily(regular: "CharisSIL-Regular.ttf") }
        let lines = try Typesetter(fonts: FontLibrary(directory: charis), layout: layout)
            .set(String(repeating: "Ấn tượng đầu tiên: những chữ ẩ, ẫ, ậ đều đúng kiểu Việt. ", count: 8), style: layout.style(.body), width: 160)
        let flowables = lines.map { Flowable.line(LineBox(line: $0)) }
        let glyphs = lines.reduce(0) { $0 + $1.runs.reduce(0) { $0 + $1.glyphs.count } }
        let coding = FlowableCoding(fontsDirectory: charis, images: [:])
        let bytes = coding.encode(flowables) { Array($0) }
        #expect(bytes.count < glyphs * 32 / 3, "\(bytes.count) bytes for \(glyphs) glyphs")
        #expect(fingerprint(try bytes.withUnsafeBytes { try coding.decode($0) }) == fingerprint(flowables))
    }

    @Test func everyDamagedByteIsRefused() throws {
        let bytes = try encoded()
        for i in bytes.indices {
            var damaged = bytes
            damaged[i] ^= 0x24
            #expect(throws: BinaryReader.Damaged.self) { try decode(damaged) }
        }
    }

    @Test func everyTruncationIsRefused() throws {
        let bytes = try encoded()
        for n in 0..<bytes.count {
            #expect(throws: BinaryReader.Damaged.self) { try decode(Array(bytes.prefix(n))) }
        }
    }

    @Test func anEntryOfAnotherVersionIsRefused() throws {
        var bytes = try encoded()
        #expect(bytes[4] == FlowableCoding.version)
        bytes[4] = FlowableCoding.version &+ 1
        reseal(&bytes)
        #expect(throws: BinaryReader.Damaged.self) { try decode(bytes) }
        bytes[4] = FlowableCoding.version
        reseal(&bytes)
        #expect(throws: Never.self) { try decode(bytes) }
    }

    /// Damage the checksum cannot see (it was made again after it): reading throws or gives
    /// something, but never traps.
    @Test func damageBehindAValidChecksumNeverTraps() throws {
        let bytes = try encoded()
        for i in stride(from: 5, to: bytes.count - 8, by: 3) {
            for flip: UInt8 in [0x01, 0x80, 0xff] {
                var damaged = bytes
                damaged[i] ^= flip
                reseal(&damaged)
                _ = try? decode(damaged)
            }
        }
    }

    @Test func aFigureWhoseImageTheArticleNoLongerHasIsRefused() throws {
        let bytes = try encoded()
        let other = FlowableCoding(fontsDirectory: fonts, images: [:])
        #expect(throws: BinaryReader.Damaged.self) { try bytes.withUnsafeBytes { try other.decode($0) } }
    }

    private func reseal(_ bytes: inout [UInt8]) {
        let sum = bytes.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0.dropLast(8))) }
        withUnsafeBytes(of: sum.littleEndian) { bytes.replaceSubrange((bytes.count - 8)..., with: $0) }
    }
}
