import Diagnostics
import Foundation
import Loading
import Model
import Testing
import TestSupport

@Suite struct IngestTests {
    /// Loads a one-article issue whose article body is `body`.
    func article(_ body: String) throws -> (Article?, DiagnosticEngine) {
        let f = try TestProject()
        try f.write("issues/x/issue.yaml", "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nsections:\n  - title: A\n    articles: [a.md]\n")
        try f.write("issues/x/a.md", "---\ntitle: Thử\n---\n" + body)
        try f.write("issues/x/images/anh.png", TestProject.tinyPNG)
        let engine = DiagnosticEngine()
        let loaded = IssueLoader(workspace: Workspace(root: f.root, workingDirectory: f.root), engine: engine)
            .load(issueFolder: f.url("issues/x"))
        return (loaded?.issue.articles.first, engine)
    }

    @Test func nfdAndToHopBecomeNFC() throws {
        let nfc = "Tiếng Việt ậ ổ ự Đ"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        // "Tổ hợp": precomposed base letters with a combining tone (ê + U+0301).
        let toHop = "Ti\u{EA}\u{301}ng Vi\u{EA}\u{323}t \u{E2}\u{323} \u{F4}\u{309} \u{1B0}\u{323} \u{110}"
        #expect(!nfd.unicodeScalars.elementsEqual(nfc.unicodeScalars))
        #expect(Unicode.ingest(nfd).unicodeScalars.elementsEqual(nfc.unicodeScalars))
        #expect(Unicode.ingest(toHop) == nfc)
        #expect(Array(Unicode.ingest(toHop).unicodeScalars) == Array(nfc.unicodeScalars))
    }

    @Test func markOrderVariantsComposeToTheSameLetter() {
        // Hard case 3: a + dot below + circumflex and a + circumflex + dot below are both ậ.
        #expect(Array(Unicode.ingest("a\u{323}\u{302}").unicodeScalars) == ["ậ"])
        #expect(Array(Unicode.ingest("a\u{302}\u{323}").unicodeScalars) == ["ậ"])
        #expect(Array(Unicode.ingest("o\u{31B}\u{301}").unicodeScalars) == ["ớ"])
    }

    @Test func bomAndCRLFAreRemoved() {
        #expect(Unicode.ingest("\u{FEFF}dòng 1\r\ndòng 2\r") == "dòng 1\ndòng 2\n")
    }

    @Test func softHyphenRemovedAndMidSyllableEmphasisKept() throws {
        let (article, engine) = try article("Nguy\u{AD}ễn và Vi**ệ**t Nam.\n")
        #expect(!engine.hasErrors)
        let block = try #require(article?.blocks.first)
        guard case .paragraph(let inlines) = block.kind else { Issue.record("not a paragraph"); return }
        #expect(inlines == [.text("Nguyễn và Vi"), .strong([.text("ệ")]), .text("t Nam.")])
        #expect(inlines.plainText == "Nguyễn và Việt Nam.")
        #expect(block.range.start == SourceLocation(line: 4, column: 1))
    }

    @Test func imageAloneIsAFigureWithCaptionAndCredit() throws {
        let (article, engine) = try article("Mở đầu.\n\n![Quang cảnh *hội nghị*](images/anh.png \"Ảnh: Ban Biên tập\")\n")
        #expect(!engine.hasErrors, "\(engine.diagnostics)")
        let figure = try #require(article?.figures.first)
        #expect(figure.caption.plainText == "Quang cảnh hội nghị")
        #expect(figure.credit == "Ảnh: Ban Biên tập")
        #expect(figure.image.issuePath == "images/anh.png")
        #expect(figure.image.pixelWidth == 1 && figure.image.format == .png)
    }

    @Test func slugsDropTonesAndMapD() {
        #expect("Hội nghị tổng kết năm 2024".slug == "hoi-nghi-tong-ket-nam-2024")
        #expect("Đường về “Đồng Tháp”: 10 km!".slug == "duong-ve-dong-thap-10-km")
        #expect("Tà Lình: chuyển đổi số".slug == "ta-linh-chuyen-doi-so")
    }

    @Test func vietnameseDates() throws {
        // Hard case 14.
        #expect(try #require(ISODate("2025-01-05")).vietnameseLong == "ngày 05 tháng 01 năm 2025")
        #expect(try #require(ISODate("2025-03-15")).vietnameseLong == "ngày 15 tháng 3 năm 2025")
        #expect(try #require(ISODate("2024-12-26")).numeric == "26/12/2024")
        #expect(ISODate("2025-02-30") == nil)
        #expect(ISODate("31/03/2025") == nil)
    }

    @Test func issueLineUsesRomanQuarter() throws {
        let publication = Publication(title: "B", publisher: "P")
        let issue = Issue(id: "2024-q4", publication: publication, number: 4, year: 2024, quarter: 4,
                          date: try #require(ISODate("2024-12-31")), layoutName: "a4-two-column", cover: nil, sections: [])
        #expect(issue.issueLine == "Số 4 · Quý IV/2024")
    }
}

@Suite struct LintTests {
    func lint(_ text: String) -> [String] {
        let file = SourceFile(path: "a.md", text: Unicode.ingest(text))
        return VietnameseLintProbe.check(file).map { "\($0.severity) \($0.id)@\($0.range!.start)" }
    }

    /// Hard case 2: a tone typed before the circumflex, and two tones on one vowel.
    @Test func toneBeforeCircumflexAndDoubleToneAreErrors() {
        #expect(lint("Dòng đầu.\nCâu có ca\u{301}\u{302}u sai.") == ["error mark-order@2:9"])
        #expect(lint("Hai dấu: thể\u{323} thao.") == ["error double-tone@1:12"])
        #expect(lint("Đúng: ấ ậ ẫ ớ ự ể, và NFD: a\u{302}\u{301} e\u{302}\u{309}.").isEmpty)
    }

    @Test func ethIsAWarningSuggestingD() {
        #expect(lint("\u{D0}ồng Tháp") == ["warning eth-for-d@1:1"])
    }

    @Test func articleLintIsReportedWithFileLineAndColumn() throws {
        let f = try TestProject()
        try f.write("issues/x/issue.yaml", "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nsections:\n  - title: A\n    articles: [a.md]\n")
        try f.write("issues/x/a.md", "---\ntitle: Thử\n---\n\nTiếng Vie\u{323}\u{302}t và thê\u{301}\u{300}m.\n")
        let engine = DiagnosticEngine()
        _ = IssueLoader(workspace: Workspace(root: f.root, workingDirectory: f.root), engine: engine).load(issueFolder: f.url("issues/x"))
        let found = engine.diagnostics.map { "\($0.range!.path):\($0.range!.start) \($0.id)" }
        // "Vie + dot below + circumflex" is a legal order (NFC makes ệ); "thê + sắc + huyền" is not.
        #expect(found == ["issues/x/a.md:5:17 double-tone"], "\(found)")
        #expect(engine.hasErrors)
    }
}
