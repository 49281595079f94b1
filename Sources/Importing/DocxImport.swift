import Foundation
import Loading

/// `bantin import FILE.docx`: a contributor's Word file as a Bantin article — front matter and
/// CommonMark, the pictures as files, and a report of what did not come across.
public enum DocxImport {
    public struct Image: Sendable {
        /// The file name in the issue's images/ folder.
        public var name: String
        public var data: Data
    }

    public struct Result: Sendable {
        public var title: String
        public var markdown: String
        public var images: [Image]
        public var notes: [ImportNote]
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads the Word file at `url`. Pictures are named by `nameImage(wanted, bytes)` — the
    /// caller knows which names its images/ folder already has — and referred to under
    /// `imageFolder` from the article.
    public static func convert(_ url: URL, imageFolder: String = "../images",
                               nameImage: (String, Data) -> String) throws -> Result {
        let package: WordPackage
        do { package = try WordPackage(url: url) } catch let failure as WordPackage.Failure {
            throw Failure(description: failure.description)
        }
        var reader = WordReader(package: package)
        var blocks = reader.blocks()
        for i in blocks.indices {
            switch blocks[i] {
            case .paragraph(var p):
                p.atoms = TextCleaner.clean(p.atoms)
                blocks[i] = .paragraph(p)
            case .table(var t):
                for r in t.rows.indices { for c in t.rows[r].indices { for k in t.rows[r][c].indices {
                    t.rows[r][c][k].atoms = TextCleaner.clean(t.rows[r][c][k].atoms)
                } } }
                blocks[i] = .table(t)
            }
        }
        // Empty paragraphs (Word's way of making space) are dropped.
        blocks.removeAll { if case .paragraph(let p) = $0 { p.atoms.isEmpty } else { false } }

        var writer = DocumentWriter(imageFolder: imageFolder)
        let result = writer.write(blocks, reader: &reader, package: package, fallbackTitle: url.deletingPathExtension().lastPathComponent,
                                  nameImage: nameImage)
        return Result(title: result.title, markdown: result.markdown, images: result.images, notes: reader.notes + writer.notes)
    }

    /// A figure's caption paragraph split into caption and credit: "Ảnh 2. Quang cảnh hội
    /// thảo. Ảnh: Minh Anh" → ("Quang cảnh hội thảo.", "Ảnh: Minh Anh").
    static func splitCaption(_ text: String) -> (caption: String, credit: String?) {
        var text = text.trimmingCharacters(in: .whitespaces)
        // "Ảnh 2." / "Hình 2:" numbering: the layout numbers nothing, the words stay.
        for word in ["Ảnh", "Hình"] where text.hasPrefix(word + " ") {
            let rest = text.dropFirst(word.count + 1)
            let digits = rest.prefix { $0.isNumber }
            if !digits.isEmpty, let mark = rest.dropFirst(digits.count).first, ".:–-".contains(mark) {
                text = rest.dropFirst(digits.count + 1).trimmingCharacters(in: .whitespaces)
            }
        }
        var credit: String?
        for marker in ["Ảnh:", "Nguồn:", "Ảnh minh họa:", "Ảnh minh hoạ:"] {
            guard let range = text.range(of: marker, options: .backwards) else { continue }
            let before = text[..<range.lowerBound]
            guard before.isEmpty || before.last == " " || before.last == "(" || before.last == "\u{A0}" else { continue }
            var found = String(text[range.lowerBound...]).trimmingCharacters(in: .whitespaces)
            var caption = String(before).trimmingCharacters(in: .whitespaces)
            if caption.hasSuffix("("), found.hasSuffix(")") {
                caption.removeLast()
                found.removeLast()
            }
            while let last = caption.last, " –—-".contains(last) { caption.removeLast() }
            credit = found.trimmingCharacters(in: .whitespaces)
            text = caption.trimmingCharacters(in: .whitespaces)
            break
        }
        return (text, credit)
    }

}

/// Blocks as an article: front matter, then the body in CommonMark, footnotes last.
private struct DocumentWriter {
    let imageFolder: String
    var notes: [ImportNote] = []
    var inline = InlineWriter()

    init(imageFolder: String) {
        self.imageFolder = imageFolder
    }

    private enum Chunk {
        case listItem(String)
        case quote(String)
        case block(String)
    }

    mutating func write(_ blocks: [WordBlock], reader: inout WordReader, package: WordPackage, fallbackTitle: String,
                        nameImage: (String, Data) -> String) -> (title: String, markdown: String, images: [DocxImport.Image]) {
        var blocks = blocks
        // The title: the Title paragraph, else the first heading, else the file's name.
        var title: String?, subtitle: String?
        func paragraphIndex(_ test: (WordParagraph) -> Bool) -> Int? {
            blocks.firstIndex { if case .paragraph(let p) = $0 { test(p) } else { false } }
        }
        if let i = paragraphIndex({ $0.role == .title }) ?? paragraphIndex({ if case .heading = $0.role { true } else { false } }),
           case .paragraph(let p) = blocks[i] {
            title = oneLine(p)
            blocks.remove(at: i)
        }
        if let i = paragraphIndex({ $0.role == .subtitle }), case .paragraph(let p) = blocks[i] {
            subtitle = oneLine(p)
            blocks.remove(at: i)
        }
        if title == nil {
            notes.append(ImportNote(paragraph: nil, severity: .warning,
                                    message: "no paragraph has the Title or a Heading style: the title is the file's name; change it in the front matter"))
        }
        let theTitle = title ?? fallbackTitle
        if let title, title.contains(" "), title.contains(where: \.isLetter), title == title.uppercased() {
            notes.append(ImportNote(paragraph: nil, severity: .note,
                                    message: "the title is in capitals (typed for a .VnTimeH font): Bantin sets a title as it is written, so write it in sentence case in the front matter unless capitals are meant"))
        }

        var chunks: [Chunk] = []
        var images: [DocxImport.Image] = []
        var list: [(ordered: Bool, width: Int)] = []
        var counters: [String: [Int]] = [:]
        var imageCount = 0
        var i = 0
        while i < blocks.count {
            defer { i += 1 }
            if case .table(let table) = blocks[i] {
                list = []
                // A "Bảng 1." caption written below the table goes above it, where Bantin reads it.
                if i + 1 < blocks.count, case .paragraph(let next) = blocks[i + 1], !next.hasImage,
                   next.role == .caption || next.plainText.hasPrefix("Bảng "),
                   !(i > 0 && { if case .paragraph(let prev) = blocks[i - 1] { prev.plainText.hasPrefix("Bảng ") } else { false } }()) {
                    chunks.append(.block(InlineWriter.guardLineStart(inline.write(next.atoms))))
                    i += 1
                }
                chunks.append(.block(self.table(table)))
                continue
            }
            guard case .paragraph(let p) = blocks[i] else { continue }
            if p.hasImage {
                list = []
                // Text around the pictures stays a paragraph; each picture is a figure.
                var pending: [Atom] = []
                var figures: [(WordImage, [Atom])] = []
                for atom in p.atoms {
                    if case .image(let image) = atom {
                        figures.append((image, pending))
                        pending = []
                    } else {
                        pending.append(atom)
                    }
                }
                var caption: (caption: String, credit: String?)?
                if i + 1 < blocks.count, case .paragraph(let next) = blocks[i + 1], !next.hasImage,
                   next.role == .caption || next.plainText.hasPrefix("Ảnh") {
                    caption = DocxImport.splitCaption(oneLine(next))
                    i += 1
                }
                for (k, (image, before)) in figures.enumerated() {
                    let text = TextCleaner.clean(before)
                    if !text.isEmpty { chunks.append(.block(InlineWriter.guardLineStart(inline.write(text)))) }
                    guard let media = try? package.media(image.relationshipID) else {
                        notes.append(ImportNote(paragraph: p.number, severity: .warning,
                                                message: "a picture linked to a file outside the document was not carried over; insert the picture itself"))
                        continue
                    }
                    imageCount += 1
                    var ext = (media.path as NSString).pathExtension.lowercased()
                    if ext == "jpeg" { ext = "jpg" }
                    let wanted = image.name.map { (($0 as NSString).deletingPathExtension).slug + "." + ext }
                        ?? "\(Self.shortSlug(theTitle))-\(imageCount).\(ext)"
                    let name = nameImage(wanted, media.data)
                    images.append(DocxImport.Image(name: name, data: media.data))
                    if !["jpg", "jpeg", "png"].contains(ext) {
                        notes.append(ImportNote(paragraph: p.number, severity: .warning,
                                                message: "the picture \(name) is \(ext.uppercased()); Bantin takes JPEG and PNG: convert it"))
                    }
                    let last = k == figures.count - 1
                    let alt = (last ? caption?.caption : nil).flatMap { $0.isEmpty ? nil : $0 } ?? image.description ?? ""
                    var figure = "![\(escapeBracket(alt))](\(imageFolder)/\(name)"
                    if last, let credit = caption?.credit { figure += " \(YAMLText.quoted(credit))" }
                    chunks.append(.block(figure + ")"))
                }
                let after = TextCleaner.clean(pending)
                if !after.isEmpty { chunks.append(.block(InlineWriter.guardLineStart(inline.write(after)))) }
                continue
            }
            if let item = p.list {
                if list.count > item.level + 1 { list.removeLast(list.count - item.level - 1) }
                while list.count < item.level + 1 { list.append((item.ordered, item.ordered ? 3 : 2)) }
                if list[item.level].ordered != item.ordered { list[item.level] = (item.ordered, 0) }
                // Word numbers a list (numId) on through the document, each level from 1 again
                // after an item of a shallower one: the Markdown shows the numbers Word showed.
                var counts = counters[item.numID] ?? []
                if counts.count < item.level + 1 { counts += Array(repeating: 0, count: item.level + 1 - counts.count) }
                counts[item.level] += 1
                counts.removeLast(counts.count - item.level - 1)
                counters[item.numID] = counts
                let marker = item.ordered ? "\(counts[item.level]). " : "- "
                list[item.level].width = marker.count
                let indent = String(repeating: " ", count: list[..<item.level].reduce(0) { $0 + $1.width })
                chunks.append(.listItem(indent + marker + inline.write(p.atoms)))
                continue
            }
            list = []
            switch p.role {
            case .heading(let level):
                chunks.append(.block(String(repeating: "#", count: min(level + 1, 4)) + " " + inline.write(p.atoms, context: .heading)
                                        .replacingOccurrences(of: "\\\n", with: " ")))
            case .quote:
                chunks.append(.quote("> " + InlineWriter.guardLineStart(inline.write(p.atoms)).replacingOccurrences(of: "\\\n", with: "\\\n> ")))
            case .title, .subtitle:
                // A second Title paragraph: a section heading.
                chunks.append(.block("## " + oneLine(p)))
            case .body, .caption:
                chunks.append(.block(InlineWriter.guardLineStart(inline.write(p.atoms))))
            }
        }

        var body = ""
        var previous: Chunk?
        for chunk in chunks {
            switch (previous, chunk) {
            case (nil, _): break
            case (.listItem?, .listItem): body += "\n"
            case (.quote?, .quote): body += "\n>\n"
            default: body += "\n\n"
            }
            switch chunk {
            case .listItem(let text), .quote(let text), .block(let text): body += text
            }
            previous = chunk
        }
        // Footnotes, numbered in the order they are referred to.
        var n = 0
        while n < inline.footnotes.count {
            let paragraphs = reader.noteParagraphs(inline.footnotes[n]).map { TextCleaner.clean($0.atoms) }.filter { !$0.isEmpty }
            let text = paragraphs.map { inline.write($0) }.joined(separator: " ")
            body += (n == 0 ? "\n\n" : "\n") + "[^\(n + 1)]: " + text
            n += 1
        }

        var front = "---\ntitle: \(YAMLText.quoted(theTitle))\n"
        if let subtitle { front += "subtitle: \(YAMLText.quoted(subtitle))\n" }
        front += "---\n\n"
        return (theTitle, Unicode.ingest(front + body + "\n"), images)
    }

    /// The title's slug cut at a word to at most 40 characters, for pictures' names.
    static func shortSlug(_ title: String) -> String {
        var out = ""
        for word in title.slug.split(separator: "-") {
            if !out.isEmpty, out.count + word.count + 1 > 40 { break }
            out += (out.isEmpty ? "" : "-") + word
        }
        return out
    }

    /// A paragraph's text on one line, no formatting.
    private func oneLine(_ p: WordParagraph) -> String {
        var out = ""
        for atom in p.atoms {
            switch atom {
            case .char(let c, _): out.append(c)
            case .lineBreak: out.append(" ")
            default: continue
            }
        }
        return out.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    private func escapeBracket(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
    }

    private mutating func table(_ table: WordTable) -> String {
        var rows = table.rows.map { row in
            row.map { cell in cell.map { inline.write($0.atoms, context: .cell) }.filter { !$0.isEmpty }.joined(separator: " ") }
        }
        let columns = rows.map(\.count).max() ?? 0
        guard columns > 0, !rows.isEmpty else { return "" }
        for r in rows.indices where rows[r].count < columns { rows[r] += Array(repeating: "", count: columns - rows[r].count) }
        // Alignment from the first body row's paragraphs (Word aligns figures right).
        let sample = table.rows.count > 1 ? table.rows[1] : table.rows[0]
        let rule = (0..<columns).map { c -> String in
            let alignment = c < sample.count ? sample[c].first?.alignment : nil
            switch alignment {
            case "right", "end": return "---:"
            case "center": return ":---:"
            default: return "---"
            }
        }
        var lines = ["| " + rows[0].joined(separator: " | ") + " |", "|" + rule.joined(separator: "|") + "|"]
        for row in rows.dropFirst() { lines.append("| " + row.joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n")
    }
}
