import ArgumentParser
import Bantin
import Diagnostics
import Foundation
import Importing
import Loading
import Output

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn a contributor's Word file (.docx), or a text file in a legacy Vietnamese encoding, into an NFC Markdown article.",
        discussion: """
            A .docx becomes ISSUE/articles/NAME.md with its pictures in ISSUE/images/ (--issue), listed in the \
            manifest with --section; text in old fonts (.VnTime, VNI-Times, VPS, VISCII) is converted by font. \
            What could not be carried over is reported by paragraph number.
            """)

    @Argument(help: "A .docx, or a text file (CP1258, TCVN5712-1, VISCII, TCVN3, VNI-Windows, VPS; UTF-8 passes through).")
    var file: String

    @Option(name: .long, help: "The issue folder to write the article into (its articles/ and images/).")
    var issue: String?

    @Option(name: .long, help: "With --issue: list the article in this section of issue.yaml.")
    var section: String?

    @Option(name: .long, help: "A text file's encoding, when detection guesses wrong: tcvn3, vni, vps, cp1258, tcvn5712-1, viscii.")
    var from: String?

    @Flag(name: .long, help: "The file is UTF-8 with TCVN3 or VNI text garbled in it (copied from a legacy-font document): repair that text.")
    var repair = false

    @Option(name: .long, help: "Write the article here instead of into --issue or standard output.")
    var out: String?

    func validate() throws {
        if let from, LegacyEncoding(rawValue: from.lowercased()) == nil {
            throw ValidationError("unknown encoding '\(from)'; use one of: " + LegacyEncoding.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if section != nil, issue == nil || out != nil {
            throw ValidationError("--section lists the article that --issue writes into the issue's articles/: give --issue, without --out")
        }
        if repair, from != nil { throw ValidationError("--repair finds the encoding itself; leave out --from") }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            fail("\(file): error: cannot read the file")
        }
        // Other document formats contributors send, named, with what to do.
        let others: [([UInt8], String)] = [
            ([0xD0, 0xCF, 0x11, 0xE0], "an old Word 97–2003 document (.doc)"),
            (Array("{\\rtf".utf8), "an RTF document"),
            (Array("%PDF".utf8), "a PDF"),
        ]
        if let (_, what) = others.first(where: { data.starts(with: $0.0) }) {
            fail("\(file): error: it is \(what), which import does not read\n  hint: open it in Word or LibreOffice and save it as a Word Document (.docx)")
        }
        if file.lowercased().hasSuffix(".docx") || data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            try importWord()
        } else if repair {
            try repairText(data)
        } else {
            try importText(data)
        }
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(1)
    }

    private func say(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    private func importText(_ data: Data) throws {
        let encoding = from.flatMap { LegacyEncoding(rawValue: $0.lowercased()) }
        if encoding != nil, let text = String(data: data, encoding: .utf8), !text.allSatisfy(\.isASCII),
           LegacyImport.repair(text).repairs.count > 0 {
            fail("""
                \(file): error: the file is UTF-8 already, with legacy text garbled in it (copied from a document set in a legacy font)
                  hint: repair it: bantin import \(file) --repair\(out.map { " --out \($0)" } ?? "")
                """)
        }
        guard let result = LegacyImport.convert(data, from: encoding) else {
            fail("\(file): error: the bytes are not valid in " + (from ?? "any encoding Bantin knows") + "\n  hint: name the encoding with --from")
        }
        let said = result.encoding.map { (from == nil ? "detected " : "decoded as ") + $0.displayName } ?? "already UTF-8"
        say("\(file): \(said)")
        try deliver(result.markdown, title: nil)
    }

    private func repairText(_ data: Data) throws {
        guard let text = String(data: data, encoding: .utf8) else {
            fail("\(file): error: the file is not UTF-8, so nothing in it was garbled into UTF-8\n  hint: convert it: bantin import \(file)")
        }
        let (repaired, repairs) = LegacyImport.repair(Unicode.ingest(text))
        if repairs.isEmpty {
            say("\(file): nothing garbled found; the text is unchanged")
        } else {
            let lines = repairs.map { String($0.line) }
            let encodings = Set(repairs.map(\.encoding.displayName)).sorted().joined(separator: ", ")
            say("\(file): repaired \(repairs.count) line\(repairs.count == 1 ? "" : "s") garbled from \(encodings): "
                + (lines.count > 12 ? lines.prefix(12).joined(separator: ", ") + " …" : lines.joined(separator: ", ")))
        }
        guard let result = LegacyImport.convert(Data(repaired.utf8), from: nil) else { fail("\(file): error: cannot repair the text") }
        try deliver(result.markdown, title: nil)
    }

    private func deliver(_ markdown: String, title: String?) throws {
        if let issue, out == nil {
            guard add(markdown, titled: title ?? Self.title(of: markdown) ?? "Bài viết", to: issue) else { throw ExitCode(1) }
        } else if let out {
            let url = URL(fileURLWithPath: out).standardized
            // Converting a file where it is (the hint of `bantin check` for a legacy-encoded
            // article) is the one overwrite import does.
            if FileManager.default.fileExists(atPath: url.path), url.path != URL(fileURLWithPath: file).standardized.path {
                fail("\(url.path): error: the file exists; import never overwrites an article\n  hint: choose another name with --out")
            }
            try OutputFile.write(Data(markdown.utf8), to: url)
            say("wrote \(url.relativePathFromCurrent)")
        } else {
            print(markdown, terminator: "")
        }
    }

    /// The article as the issue's next `articles/NN-slug.md`, listed in --section when given
    /// (the manifest edit of `bantin new article`); false after printing the errors.
    private func add(_ markdown: String, titled title: String, to issue: String) -> Bool {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let engine = DiagnosticEngine()
        let made = NewArticle(workspace: Workspace(root: cwd, workingDirectory: cwd), engine: engine)
            .add(markdown, titled: title, to: URL(fileURLWithPath: issue).standardized, section: section, listed: section != nil)
        if !engine.diagnostics.isEmpty {
            FileHandle.standardError.write(Data((ConsoleRenderer(useColor: isatty(STDERR_FILENO) != 0).render(engine) + "\n").utf8))
        }
        guard let made else { return false }
        say("wrote \(made.file.relativePathFromCurrent)" + (made.section.map { ", listed under '\($0)'" } ?? ""))
        return true
    }

    /// The `title:` of an article's front matter.
    static func title(of markdown: String) -> String? {
        for line in markdown.split(separator: "\n").prefix(20) where line.hasPrefix("title:") {
            return line.dropFirst(6).trimmingCharacters(in: CharacterSet(charactersIn: " \""))
        }
        return nil
    }

    private func importWord() throws {
        // Where the article and its pictures go.
        var imagesFolder: URL?
        var imageRef = "images"
        if let out {
            let folder = URL(fileURLWithPath: out).standardized.deletingLastPathComponent()
            if folder.lastPathComponent == "articles" {
                imagesFolder = folder.deletingLastPathComponent().appendingPathComponent("images")
                imageRef = "../images"
            } else {
                imagesFolder = folder.appendingPathComponent("images")
            }
        } else if let issue {
            imagesFolder = URL(fileURLWithPath: issue).standardized.appendingPathComponent("images")
            imageRef = "../images"
        }
        var planned: Set<String> = []
        let result: DocxImport.Result
        do {
            result = try DocxImport.convert(URL(fileURLWithPath: file), imageFolder: imageRef) { wanted, data in
                let name = ImageFiles.freeName(wanted, data: data, in: imagesFolder, taken: planned)
                planned.insert(name)
                return name
            }
        } catch let failure as DocxImport.Failure {
            fail("\(file): error: \(failure.description)\n  hint: save it from Word as a Word Document (.docx)")
        }
        for note in result.notes {
            let at = note.paragraph.map { "paragraph \($0): " } ?? ""
            say("\(file): \(at)\(note.severity.rawValue): \(note.message)")
        }
        guard out != nil || issue != nil else {
            guard result.images.isEmpty else {
                fail("\(file): error: the document has \(result.images.count) picture(s), which need a folder\n  hint: pass --issue issues/<id> (or --out <issue>/articles/<name>.md)")
            }
            print(result.markdown, terminator: "")
            return
        }
        if let out, FileManager.default.fileExists(atPath: out) {
            fail("\(URL(fileURLWithPath: out).standardized.path): error: the file exists; import never overwrites an article\n  hint: choose another name with --out")
        }
        // The pictures first; when the article cannot be added, the ones this run made go again.
        var made: [URL] = []
        if let imagesFolder {
            for image in result.images {
                let url = imagesFolder.appendingPathComponent(image.name)
                if FileManager.default.contents(atPath: url.path) == image.data { continue }
                try OutputFile.write(image.data, to: url)
                made.append(url)
            }
        }
        let pictures = result.images.isEmpty ? "" : "\(result.images.count) picture\(result.images.count == 1 ? "" : "s") in \(imagesFolder!.relativePathFromCurrent)/"
        if let issue, out == nil {
            guard add(result.markdown, titled: result.title, to: issue) else {
                for url in made { try? FileManager.default.removeItem(at: url) }
                throw ExitCode(1)
            }
        } else if let out {
            let url = URL(fileURLWithPath: out).standardized
            try OutputFile.write(Data(result.markdown.utf8), to: url)
            say("wrote \(url.relativePathFromCurrent)")
        }
        if !pictures.isEmpty { say("wrote " + pictures) }
    }
}

enum ImageFiles {
    /// `wanted`, or `name-2.ext` … when images/ (or this import) already has a different picture by that name.
    static func freeName(_ wanted: String, data: Data, in folder: URL?, taken: Set<String>) -> String {
        let base = (wanted as NSString).deletingPathExtension, ext = (wanted as NSString).pathExtension
        var name = wanted, n = 1
        while taken.contains(name)
                || folder.map({ FileManager.default.fileExists(atPath: $0.appendingPathComponent(name).path)
                                && FileManager.default.contents(atPath: $0.appendingPathComponent(name).path) != data }) == true {
            n += 1
            name = "\(base)-\(n).\(ext)"
        }
        return name
    }
}

extension URL {
    /// The path relative to the current folder when it is inside it, else absolute.
    var relativePathFromCurrent: String {
        let current = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(current) ? String(path.dropFirst(current.count)) : path
    }
}
