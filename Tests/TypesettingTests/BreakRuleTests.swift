import Pages
import Diagnostics
import Foundation
import Loading
import Model
import Testing
import TestSupport
@testable import Typesetting

@Suite struct BreakRuleTests {
    let typesetter = Typesetter(fonts: fonts, layout: LayoutSpec.defaults)
    let style = LayoutSpec.defaults.style(.first)

    func lines(_ text: String, width: Double) throws -> [String] {
        try typesetter.set([.text(text)], style: style, width: Pt(width)).map(\.text)
    }

    /// Hard case 7: no forbidden break at any width from 60 to 300 pt. The pairs are written as
    /// the tokens really are in the text (punctuation included), and checked to be neighbours
    /// there, so a pair that can never be a break is itself a failure. The rules see through
    /// brackets and quotes (issue 15): "(năm 2024)", "“Số 4”", "[Điều 5]", "12 km)." hold too.
    @Test(arguments: [
        (BreakingCases.keepTogether, [("Quý", "IV/2024"), ("Số", "4"), ("TP.", "Hồ"), ("PGS.TS.", "Nguyễn"), ("Điều", "5,"),
                                      ("10", "km"), ("100.000", "đồng"), ("ngày", "24"), ("tháng", "12"), ("năm", "2024."),
                                      ("bản", "./."), ("(năm", "2024)")]),
        (BreakingCases.keepTogetherPunctuated, [("“Số", "4”"), ("(TP.", "Hồ"), ("[Điều", "5]"), ("(năm", "2024)"), ("12", "km)."),
                                                ("«Quý", "IV/2024»"), ("‘ngày", "24’"), ("(tháng", "12).")]),
    ])
    func keepTogetherPairsNeverSplit(_ text: String, _ bound: [(String, String)]) throws {
        let tokens = text.split(separator: " ").map(String.init)
        let neighbours = zip(tokens, tokens.dropFirst()).map { ($0, $1) }
        for pair in bound {
            #expect(neighbours.contains { $0 == pair }, "“\(pair.0) \(pair.1)” is not in the text")
        }
        var breaks: [(width: Double, end: String, start: String)] = []
        for width in stride(from: 60.0, through: 300, by: 7) {
            let set = try lines(text, width: width)
            #expect(set.joined(separator: " ") == text)
            for (a, b) in zip(set, set.dropFirst()) {
                let end = a.split(separator: " ").last.map(String.init) ?? ""
                let start = b.split(separator: " ").first.map(String.init) ?? ""
                breaks.append((width, end, start))
                // A spaced dash may end a line, never start one.
                #expect(start != "-", "at \(width)pt a line starts with a dash")
            }
        }
        #expect(breaks.count > 20, "the text never breaks: \(breaks.count)")
        for pair in bound {
            for b in breaks where (b.end, b.start) == pair { Issue.record("at \(b.width)pt “\(b.end)” | “\(b.start)”") }
        }
    }

    /// Hard case 8: a name in a very narrow column is set word by word, never hyphenated.
    @Test func namesAreNeverHyphenated() throws {
        for width in [10.0, 25, 40, 55] {
            let set = try lines("Nguyễn Thị Minh Khai", width: width)
            #expect(set.joined(separator: " ") == "Nguyễn Thị Minh Khai")
            #expect(set.allSatisfy { !$0.contains("-") && !$0.contains("\u{AD}") })
        }
    }

    /// Hard case 9: a long URL in a justified narrow column breaks only at spaces or inside the
    /// URL after "/", ".", "-", "_", "?", "&" or "=" while those keep it in its column, and no
    /// line is overfull.
    @Test func urlsBreakAfterTheirSeparators() throws {
        try expectURLLines(BreakingCases.url, widths: [90, 110, 130, 160, 238], lastResort: false)
    }

    /// Issue 15, item 8: a URL longer than any separator-to-separator stretch allows still never
    /// leaves its column: as a last resort it breaks between two characters, and nothing is lost.
    @Test(arguments: LineBreaking.allCases)
    func aVeryLongURLNeverLeavesItsColumn(_ breaking: LineBreaking) throws {
        var layout = LayoutSpec.defaults
        layout.breaking = breaking
        let typesetter = Typesetter(fonts: fonts, layout: layout)
        let text = "Xem https://example.org/bantin/2024/quy-iv/hoi-nghi-tong-ket-hoat-dong-cua-ban-chap-hanh-lien-hiep-hoi-khoa-hoc-ky-thuat "
            + "và https://example.org/tai-lieu?ma=BCTK2024&ban=day-du&trang=12 cùng https://example.org/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa."
        try expectURLLines(text, widths: Array(stride(from: 40.0, through: 300, by: 13)), lastResort: true, typesetter: typesetter)
    }

    /// Sets `text` at each width: no line overfull, the lines are the text in order, and every
    /// break inside a word is after a URL separator — or anywhere, when `lastResort`.
    func expectURLLines(_ text: String, widths: [Double], lastResort: Bool, typesetter: Typesetter? = nil) throws {
        let source = Array(text), typesetter = typesetter ?? self.typesetter
        for width in widths {
            let set = try typesetter.set([.text(text)], style: style, width: Pt(width))
            var position = 0
            for (n, line) in set.enumerated() {
                #expect(!line.isOverfull, "at \(width)pt: \(line.dump)")
                #expect(Array(line.text) == Array(source[position..<min(source.count, position + line.text.count)]), "at \(width)pt: \(line.dump)")
                position += line.text.count
                guard n < set.count - 1 else { continue }
                if source[position] == " " {
                    position += 1  // a break at a space
                } else if !lastResort {
                    #expect("/.-_?&=".contains(source[position - 1]), "at \(width)pt: cut inside “\(line.text)”")
                }
            }
            #expect(position == source.count, "at \(width)pt the lines lost text")
        }
    }

    /// Hard case 10: a soft hyphen never reaches the text that is set.
    @Test func softHyphensNeverReachTheLines() throws {
        let text = Unicode.cleanInlineText("Nguy\u{AD}ễn Thị Minh Khai và Liên\u{AD}hiệp")
        let set = try lines(text, width: 40)
        #expect(!set.joined().contains("\u{AD}"))
        #expect(set.joined(separator: " ") == "Nguyễn Thị Minh Khai và Liênhiệp")
    }

    @Test func trackingGoesBetweenClustersNotBetweenALetterAndItsMarks() throws {
        var tracked = style
        tracked.tracking = 1
        let plain = try typesetter.set("Nguyễn", style: style, width: 300)[0]
        let spaced = try typesetter.set("Nguyễn", style: tracked, width: 300)[0]
        // Six letters, five gaps: five points wider, and the glyph count is unchanged (ễ is one cluster).
        #expect(abs(spaced.naturalWidth.value - plain.naturalWidth.value - 5) < 0.01)
        #expect(spaced.runs[0].glyphs.count == plain.runs[0].glyphs.count)
        // NFD input: ê + ̃ (two scalars) still gets one gap before it and one after, none inside.
        let nfd = try typesetter.set(Unicode.ingest("Nguye\u{302}\u{303}n"), style: tracked, width: 300)[0]
        #expect(abs(nfd.naturalWidth.value - spaced.naturalWidth.value) < 0.01)
    }
}

/// Acceptance 3: on a fixed set of paragraphs, total-fit breaking gives a lower sum of squared
/// adjustment ratios than the greedy breaker.
@Suite struct TotalFitVersusGreedyTests {
    @Test func totalFitBeatsGreedyOnTheSampleParagraphs() throws {
        let engine = DiagnosticEngine()
        let loaded = try #require(IssueLoader(workspace: Workspace(root: projectRoot, workingDirectory: projectRoot), engine: engine)
            .load(issueFolder: projectRoot.appendingPathComponent("issues/2025-q1")))
        let paragraphs = loaded.issue.articles.flatMap(\.blocks).compactMap { block -> [Inline]? in
            if case .paragraph(let inlines) = block.kind { return inlines }
            return nil
        }.prefix(120)
        #expect(paragraphs.count == 120)
        func score(_ mode: LineBreaking) throws -> (sum: Double, lines: Int, loose: Int) {
            var layout = loaded.layout
            layout.breaking = mode
            let typesetter = Typesetter(fonts: fonts, layout: layout)
            var sum = 0.0, count = 0, loose = 0
            for p in paragraphs {
                let lines = try typesetter.set(p, style: layout.style(.body), width: 238.11)
                for line in lines.dropLast() {
                    sum += line.ratio * line.ratio
                    count += 1
                    if line.ratio > 1 { loose += 1 }
                }
            }
            return (sum, count, loose)
        }
        let greedy = try score(.greedy)
        let total = try score(.totalFit)
        #expect(total.sum < greedy.sum, "total-fit Σr² \(total.sum) vs greedy \(greedy.sum)")
        #expect(total.loose <= greedy.loose)
        print("Σr² over \(total.lines) lines: total-fit \(String(format2: total.sum)), greedy \(String(format2: greedy.sum)); "
            + "loose lines \(total.loose) vs \(greedy.loose)")
    }
}

@Suite struct ParagraphStyleTests {
    let typesetter = Typesetter(fonts: fonts, layout: LayoutSpec.defaults)

    func style(_ align: Alignment) -> TextStyle {
        var s = LayoutSpec.defaults.style(.first)
        s.align = align
        return s
    }

    @Test func alignmentPlacesRaggedLines() throws {
        let text: [Inline] = [.text("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Lâm tổ chức hội nghị.")]
        for align in [Alignment.left, .center, .right] {
            let lines = try typesetter.set(text, style: style(align), width: 150)
            for line in lines {
                let start = line.runs.first!.x.value, end = line.runs.last!.x.value + line.runs.last!.width.value
                #expect(line.ratio <= 0, "\(align): ragged lines are never stretched")
                switch align {
                case .left: #expect(abs(start) < 0.01)
                case .right: #expect(abs(end - 150) < 0.01)
                case .center: #expect(abs(start - (150 - end)) < 0.01)
                case .justify: break
                }
            }
        }
    }

    @Test func hardLineBreakEndsARaggedLine() throws {
        let lines = try typesetter.set([.text("Trân trọng kính mời"), .lineBreak, .text("các đại biểu đến dự hội nghị tổng kết.")],
                                       style: style(.justify), width: 200)
        #expect(lines.map(\.text) == ["Trân trọng kính mời", "các đại biểu đến dự hội nghị tổng kết."])
        #expect(lines[0].ratio == 0)
    }

    @Test func noBreakSpacesAreHonoured() throws {
        let lines = try typesetter.set([.text("Giá vé là 100.000\u{A0}đồng cho mỗi người tham dự hội nghị.")], style: style(.justify), width: 70)
        #expect(lines.contains { $0.text.contains("100.000\u{A0}đồng") })
    }
}
