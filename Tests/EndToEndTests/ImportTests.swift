import Bantin
import Diagnostics
import Foundation
@testable import Importing
@testable import Loading
import Testing
import TestSupport

/// Issue 16: contributors' Word files (made here by python-docx, Word's own template) imported
/// as articles — structure, legacy fonts, pictures, what is reported — and the repair of text
/// garbled from a legacy font.
@Suite struct ImportTests {
    var bantin: String { projectRoot.appendingPathComponent(".build/debug/bantin").path }

    /// The Word files, written once per test run by Tests/Fixtures/make-docx.py.
    static let fixtures: URL = {
        let folder = try! temporaryFolder("docx-fixtures")
        let images = projectRoot.appendingPathComponent("issues/2025-q1/images")
        let made = try! run("/usr/bin/python3", [projectRoot.appendingPathComponent("Tests/Fixtures/make-docx.py").path, folder.path,
                                                 images.appendingPathComponent("hoi-nghi.jpg").path, images.appendingPathComponent("nha-mang.jpg").path])
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        precondition(made.status == 0 && files.count == 6,
                     "make-docx.py failed (is Debian's python3-docx installed? make test installs it): \(made.err) \(files)")
        return folder
    }()

    /// Imports `name`.docx into issue `x` of a new project, as an editor would, and returns the
    /// project, the article's path in it, and what the import said.
    func importInto(_ name: String, extra: [String] = []) throws -> (project: TestProject, article: String, err: String) {
        let project = try TestProject()
        try project.issue([])
        let result = try run(bantin, ["import", Self.fixtures.appendingPathComponent("\(name).docx").path,
                                      "--issue", project.url("issues/x").path] + extra)
        #expect(result.status == 0, "\(result.err)")
        let articles = try FileManager.default.contentsOfDirectory(atPath: project.url("issues/x/articles").path).filter { $0.hasSuffix(".md") }
        let article = try #require(articles.count == 1 ? articles.first : nil, "\(articles)")
        let err = result.err.replacingOccurrences(of: Self.fixtures.path + "/", with: "").replacingOccurrences(of: project.root.path + "/", with: "")
        return (project, "issues/x/articles/" + article, err)
    }

    /// Each file imports to the Markdown read and checked by eye in Goldens/import/, says what it
    /// did not carry over, and the article builds without an error.
    @Test(arguments: ["unicode", "tcvn3", "vni", "mixed", "figures", "leftovers"])
    func importsToItsGoldenAndBuilds(_ name: String) throws {
        let (project, article, err) = try importInto(name)
        try expectGolden(try project.read(article), "import/\(name).md")
        try expectGolden(err, "import/\(name).report")
        // Listed in the manifest, the issue builds: no error, whatever it warns about.
        try project.write("issues/x/issue.yaml", "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nsections:\n  - title: Tin\n    articles: [\(article.dropFirst("issues/x/".count))]\n")
        try buildsWithoutErrors(project)
    }

    func buildsWithoutErrors(_ project: TestProject, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let engine = DiagnosticEngine()
        let built = Pipeline(options: BuildOptions(root: project.root, outDirectory: project.url("out")), engine: engine).build([project.url("issues/x")])
        #expect(!engine.hasErrors, "\(engine.diagnostics.filter { $0.severity == .error })", sourceLocation: sourceLocation)
        #expect(built.first?.pages.isEmpty == false, sourceLocation: sourceLocation)
    }

    /// The pictures land in images/ under their own name (slugged) or, when Word kept none, the
    /// title's; their bytes are the document's.
    @Test func picturesKeepTheirNamesAndBytes() throws {
        let (project, article, _) = try importInto("figures")
        #expect(article == "issues/x/articles/01-ra-mat-tram-quan-trac-nuoc-song-lam-giang.md")
        let images = projectRoot.appendingPathComponent("issues/2025-q1/images")
        #expect(FileManager.default.contents(atPath: project.url("issues/x/images/hoi-nghi.jpg").path)
                == FileManager.default.contents(atPath: images.appendingPathComponent("hoi-nghi.jpg").path))
        #expect(FileManager.default.contents(atPath: project.url("issues/x/images/ra-mat-tram-quan-trac-nuoc-song-lam-2.jpg").path)
                == FileManager.default.contents(atPath: images.appendingPathComponent("nha-mang.jpg").path))
    }

    /// Import never overwrites: a second import of the same file takes a new name; an --out
    /// that exists is refused and left as it was.
    @Test func neverOverwrites() throws {
        let (project, article, _) = try importInto("vni")
        let before = try project.read(article)
        let again = try run(bantin, ["import", Self.fixtures.appendingPathComponent("vni.docx").path, "--out", project.url(article).path])
        #expect(again.status == 1)
        #expect(again.err.contains("error: the file exists; import never overwrites an article"), "\(again.err)")
        #expect(try project.read(article) == before)
    }

    /// Caption paragraphs split into caption and credit, numbering dropped.
    @Test func captionsAndCredits() {
        #expect(DocxImport.splitCaption("Ảnh 2. Quang cảnh hội thảo. Ảnh: Minh Anh") == ("Quang cảnh hội thảo.", "Ảnh: Minh Anh"))
        #expect(DocxImport.splitCaption("Học sinh thử thiết bị (Ảnh: Ban Tổ chức)") == ("Học sinh thử thiết bị", "Ảnh: Ban Tổ chức"))
        #expect(DocxImport.splitCaption("Ảnh: Hội Khoa học Môi trường tỉnh") == ("", "Ảnh: Hội Khoa học Môi trường tỉnh"))
        #expect(DocxImport.splitCaption("Ảnh minh họa cho bài viết") == ("Ảnh minh họa cho bài viết", nil))
    }

    /// Text copied out of a .VnTime or VNI document into a UTF-8 file is garbled ("Héi nghÞ"):
    /// `--from` refuses it with a hint, `--repair` gives the Vietnamese back and leaves the
    /// lines that were right alone.
    @Test func garbledTextIsRepaired() throws {
        let folder = try temporaryFolder("repair")
        let garbled = folder.appendingPathComponent("garbled.md")
        // Each TCVN3 byte as the Latin-1 character of its code, as a copy from a .VnTime document gives it.
        let codes = Dictionary(uniqueKeysWithValues: LegacyTables.tcvn3.map { ($0.value, $0.key) })
        let tcvn3 = String(String.UnicodeScalarView("Hội nghị tổng kết công tác năm 2024".map { c in
            Unicode.Scalar(codes[String(c)] ?? UInt8(c.asciiValue!))
        }))
        let vni = "Ho\u{E4}i tha\u{FB}o khoa ho\u{EF}c"  // VNI-Windows: "Hội thảo khoa học"
        try "\(tcvn3)\n\nDòng này đúng rồi, không sửa.\n\n\(vni)\n".write(to: garbled, atomically: true, encoding: .utf8)
        let refused = try run(bantin, ["import", garbled.path, "--from", "tcvn3"])
        #expect(refused.status == 1)
        #expect(refused.err == """
            \(garbled.path): error: the file is UTF-8 already, with legacy text garbled in it (copied from a document set in a legacy font)
              hint: repair it: bantin import \(garbled.path) --repair

            """)
        let repaired = try run(bantin, ["import", garbled.path, "--repair"])
        #expect(repaired.status == 0, "\(repaired.err)")
        #expect(repaired.err == "\(garbled.path): repaired 2 lines garbled from TCVN3 (ABC, .VnTime fonts), VNI-Windows: 1, 5\n")
        #expect(repaired.out == """
            ---
            title: "Hội nghị tổng kết công tác năm 2024"
            ---

            Hội nghị tổng kết công tác năm 2024

            Dòng này đúng rồi, không sửa.

            Hội thảo khoa học

            """)
    }

    /// The VPS table is GNU recode's, byte for byte.
    @Test func vpsMatchesRecode() throws {
        var bytes = Data(LegacyTables.vps.keys.filter { $0 < 0x20 }.sorted())
        bytes += Data((0x20...0xFF).map(UInt8.init).filter { !LegacyTables.vpsUnused.contains($0) })
        let file = try temporaryFolder("vps").appendingPathComponent("all.txt")
        try bytes.write(to: file)
        let recoded = try run("sh", ["-c", "recode VPS..UTF-8 < '\(file.path)'"])
        #expect(recoded.status == 0, "\(recoded.err)")
        let ours = try #require(LegacyEncoding.vps.decode(bytes))
        #expect(ours == recoded.out.precomposedStringWithCanonicalMapping)
    }
}

extension ImportTests {
    /// An article saved in TCVN3: the check's hint is a command that converts the file where it is, after which the issue checks clean.
    @Test func theLegacyEncodingHintWorksAsWritten() throws {
        let project = try TestProject()
        let codes = Dictionary(uniqueKeysWithValues: LegacyTables.tcvn3.map { ($0.value, $0.key) })
        let text = "---\ntitle: Tin ngắn\n---\n\nHội nghị tổng kết công tác năm 2024 của Liên hiệp Hội tỉnh đã thành công tốt đẹp.\n"
        try project.issue([("a.md", "")])
        try project.write("issues/x/articles/a.md", Data(text.map { c in codes[String(c)] ?? c.asciiValue! }))
        let checked = try run(bantin, ["check", "--root", project.root.path, project.url("issues/x").path])
        #expect(checked.status == 1)
        let hint = try #require(checked.err.split(separator: "\n").first { $0.contains("hint: convert it where it is: ") }, "\(checked.err)")
        let command = hint.components(separatedBy: "hint: convert it where it is: ")[1]
        let path = project.url("issues/x/articles/a.md").path
        #expect(command == "bantin import \(path) --from tcvn3 --out \(path)")
        let fixed = try run("sh", ["-c", "cd '\(project.root.path)' && '\(bantin)' " + command.dropFirst("bantin ".count)])
        #expect(fixed.status == 0, "\(fixed.err)")
        #expect(try project.read("issues/x/articles/a.md") == text)
        let again = try run(bantin, ["check", "--root", project.root.path, project.url("issues/x").path])
        #expect(again.status == 0, "\(again.err)")
    }
}

extension ImportTests {
    /// A file that is not a Word document is refused with a reason and a hint, and nothing is written.
    @Test func notAWordFileIsRefused() throws {
        let folder = try temporaryFolder("bad-docx")
        let whole = try Data(contentsOf: Self.fixtures.appendingPathComponent("vni.docx"))
        try Data("Đây là văn bản thường, đổi đuôi thành .docx".utf8).write(to: folder.appendingPathComponent("text.docx"))
        try whole.prefix(whole.count / 2).write(to: folder.appendingPathComponent("cut.docx"))
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)).write(to: folder.appendingPathComponent("old.doc"))
        let made = try run("/usr/bin/python3", ["-c", """
            import zipfile, sys
            with zipfile.ZipFile(sys.argv[1] + "/sheet.docx", "w") as z: z.writestr("xl/workbook.xml", "<workbook/>")
            with zipfile.ZipFile(sys.argv[1] + "/dtd.docx", "w") as z:
                z.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><w:document xmlns:w="x"><w:body/></w:document>')
            """, folder.path])
        #expect(made.status == 0, "\(made.err)")
        let expected = [
            "text.docx": "error: it is not a Word file (.docx is a zip archive; this is not one)",
            "cut.docx": "error: it is not a Word file (.docx is a zip archive; this is not one)",
            "sheet.docx": "error: it has no word/document.xml: not a Word document (a spreadsheet or presentation?)",
            "dtd.docx": "error: word/document.xml is not well-formed XML: it declares a DTD, which no Word file does",
        ]
        for (name, message) in expected {
            let out = folder.appendingPathComponent("out-\(name).md")
            let result = try run(bantin, ["import", folder.appendingPathComponent(name).path, "--out", out.path])
            #expect(result.status == 1)
            #expect(result.err == "\(folder.appendingPathComponent(name).path): \(message)\n  hint: save it from Word as a Word Document (.docx)\n", "\(name)")
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
        let old = try run(bantin, ["import", folder.appendingPathComponent("old.doc").path, "--out", folder.appendingPathComponent("old.md").path])
        #expect(old.status == 1)
        #expect(old.err == "\(folder.appendingPathComponent("old.doc").path): error: it is an old Word 97–2003 document (.doc), which import does not read\n"
                + "  hint: open it in Word or LibreOffice and save it as a Word Document (.docx)\n")
    }
}

extension ImportTests {
    /// `--section` lists the article in the manifest (one line added, comments kept) and the
    /// issue builds; an unknown section writes nothing — no article, no picture.
    @Test func sectionListsTheArticle() throws {
        let project = try TestProject()
        let manifest = "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nsections:\n  # Bài của các hội thành viên\n  - title: Khoa học và Đời sống\n    articles: []\n  - title: Tin hoạt động\n    articles: []\n"
        try project.write("issues/x/issue.yaml", manifest)
        let docx = Self.fixtures.appendingPathComponent("figures.docx").path
        let wrong = try run(bantin, ["import", docx, "--issue", project.url("issues/x").path, "--section", "Khoa hoc va doi songg"])
        #expect(wrong.status == 1)
        #expect(wrong.err.contains("error: issue.yaml has no section 'Khoa hoc va doi songg'; nothing was written"), "\(wrong.err)")
        #expect(wrong.err.contains("hint: did you mean 'Khoa học và Đời sống'?"), "\(wrong.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.url("issues/x/images").path).isEmpty)
        #expect(!project.exists("issues/x/articles/01-ra-mat-tram-quan-trac-nuoc-song-lam-giang.md"))
        #expect(try project.read("issues/x/issue.yaml") == manifest)

        let right = try run(bantin, ["import", docx, "--issue", project.url("issues/x").path, "--section", "khoa hoc va doi song"])
        #expect(right.status == 0, "\(right.err)")
        #expect(try project.read("issues/x/issue.yaml") == manifest.replacingOccurrences(
            of: "  - title: Khoa học và Đời sống\n    articles: []\n",
            with: "  - title: Khoa học và Đời sống\n    articles:\n      - articles/01-ra-mat-tram-quan-trac-nuoc-song-lam-giang.md\n"))
        try buildsWithoutErrors(project)
    }
}

extension ImportTests {
    /// Word files with parts of their XML cut away — elements dropped at random (still
    /// well-formed: a table row with no cells, a list item with no list, a picture with no
    /// image), the text cut short, or a byte flipped out of UTF-8 — are imported or refused,
    /// never crash.
    @Test func damagedWordFilesNeverCrash() throws {
        let folder = try temporaryFolder("damaged-docx")
        let made = try run("/usr/bin/python3", ["-c", """
            import random, sys, zipfile, xml.etree.ElementTree as ET
            fixtures, out = sys.argv[1], sys.argv[2]
            random.seed(16)
            for name in ["unicode", "figures", "leftovers", "mixed"]:
                with zipfile.ZipFile(f"{fixtures}/{name}.docx") as z:
                    parts = {n: z.read(n) for n in z.namelist()}
                for k in range(8):
                    data = parts["word/document.xml"]
                    if k % 4 == 3:
                        data = data[: random.randrange(len(data))]
                    else:
                        root = ET.fromstring(data)
                        for parent in list(root.iter()):
                            for child in list(parent):
                                if random.random() < 0.08 * (k % 4 + 1):
                                    parent.remove(child)
                        data = ET.tostring(root)
                    with zipfile.ZipFile(f"{out}/{name}-{k}.docx", "w") as z:
                        for n, d in parts.items():
                            z.writestr(n, data if n == "word/document.xml" else d)
                # A byte flipped inside an attribute's name: no longer UTF-8 (Foundation's parser trapped on it).
                with zipfile.ZipFile(f"{out}/{name}-utf8.docx", "w") as z:
                    for n, d in parts.items():
                        z.writestr(n, d.replace(b"w:val=", b"w:v\\xc8l=", 1) if n == "word/document.xml" else d)
            """, Self.fixtures.path, folder.path])
        #expect(made.status == 0, "\(made.err)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".docx") }.sorted()
        #expect(files.count == 36)
        var refused = 0
        for file in files {
            let out = folder.appendingPathComponent(file + ".md")
            let result = try run(bantin, ["import", folder.appendingPathComponent(file).path, "--out", out.path])
            #expect(result.status == 0 || result.status == 1, "\(file): status \(result.status)\n\(result.err)")
            if result.status == 1 {
                refused += 1
                #expect(result.err.contains("error: "), "\(file): \(result.err)")
                #expect(!FileManager.default.fileExists(atPath: out.path), "\(file)")
            }
        }
        // The cut and the flipped ones are refused; the pruned ones import.
        #expect(refused == 12, "\(refused) refused")
    }
}
