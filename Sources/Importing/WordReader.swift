import Foundation
import Loading

/// What a paragraph of the Word file is for, from its style's built-in name.
enum ParagraphRole: Equatable {
    case body, title, subtitle, heading(Int), quote, caption

    static func of(styleName name: String) -> ParagraphRole? {
        let lower = name.lowercased()
        switch lower {
        case "title": return .title
        case "subtitle": return .subtitle
        case "quote", "intense quote", "block text": return .quote
        case "caption": return .caption
        default:
            if lower.hasPrefix("heading "), let level = Int(lower.dropFirst(8)), (1...9).contains(level) { return .heading(level) }
            return nil
        }
    }
}

/// Inline formatting an import carries over.
struct Format: Equatable {
    var bold = false
    var italic = false
    var link: String?
}

/// One piece of a paragraph: a character with its formatting, or something that is not text.
enum Atom {
    case char(Character, Format)
    case lineBreak
    case footnote(String)  // the note's key in WordPackage.notes
    case image(WordImage)
}

struct WordImage {
    var relationshipID: String
    /// The picture's own name (`hoi-thao.jpg`), when the file keeps one.
    var name: String?
    /// Its description (alt text) in Word.
    var description: String?
}

struct WordParagraph {
    var number: Int
    var role: ParagraphRole
    /// Nesting level, whether numbered, and the Word list it belongs to, for a list item.
    var list: (level: Int, ordered: Bool, numID: String)?
    var alignment: String?
    var atoms: [Atom] = []

    var plainText: String {
        var out = ""
        for atom in atoms { if case .char(let c, _) = atom { out.append(c) } }
        return out
    }

    var hasImage: Bool { atoms.contains { if case .image = $0 { true } else { false } } }
}

struct WordTable {
    var number: Int
    var rows: [[[WordParagraph]]]
}

enum WordBlock {
    case paragraph(WordParagraph)
    case table(WordTable)
}

/// A thing the import did not carry over, or changed, at a paragraph.
public struct ImportNote: Sendable, Equatable {
    public enum Severity: String, Sendable { case warning, note }
    public var paragraph: Int?
    public var severity: Severity
    public var message: String
}

/// Walks WordprocessingML into blocks of atoms, noting what it leaves behind.
struct WordReader {
    let package: WordPackage
    private(set) var notes: [ImportNote] = []
    private var paragraphNumber = 0
    /// Per paragraph: the tracked changes seen, reported once.
    private var insertions = 0
    private var deletions: [String] = []

    init(package: WordPackage) {
        self.package = package
    }

    mutating func blocks() -> [WordBlock] {
        guard let body = package.document.child("body") else { return [] }
        return blocks(in: body)
    }

    private mutating func blocks(in container: XNode) -> [WordBlock] {
        var out: [WordBlock] = []
        for element in container.children {
            switch element.name {
            case "p":
                out.append(.paragraph(paragraph(element)))
            case "tbl":
                out.append(.table(table(element)))
            case "sdt":
                if let content = element.child("sdtContent") { out += blocks(in: content) }
            case "ins", "moveTo", "customXml":
                out += blocks(in: element)
            default:
                continue
            }
        }
        return out
    }

    private mutating func table(_ element: XNode) -> WordTable {
        let first = paragraphNumber + 1
        var rows: [[[WordParagraph]]] = []
        var merged = false, nested = false
        for row in element.children("tr") {
            var cells: [[WordParagraph]] = []
            for cell in row.children("tc") {
                if let properties = cell.child("tcPr"),
                   properties.child("vMerge") != nil || (properties.value(of: "gridSpan").flatMap(Int.init) ?? 1) > 1 {
                    merged = true
                }
                var paragraphs: [WordParagraph] = []
                for block in blocks(in: cell) {
                    switch block {
                    case .paragraph(let p): paragraphs.append(p)
                    case .table: nested = true
                    }
                }
                cells.append(paragraphs)
            }
            rows.append(cells)
        }
        if merged { note(first, .warning, "a table's merged cells were split: each part is a cell of its own (Markdown tables have no spans); check the table") }
        if nested { note(first, .warning, "a table inside a table cell was not carried over") }
        return WordTable(number: first, rows: rows)
    }

    private mutating func note(_ paragraph: Int?, _ severity: ImportNote.Severity, _ message: String) {
        notes.append(ImportNote(paragraph: paragraph, severity: severity, message: message))
    }

    // MARK: Paragraphs

    private mutating func paragraph(_ element: XNode) -> WordParagraph {
        paragraphNumber += 1
        let number = paragraphNumber
        let properties = element.child("pPr")
        let styleID = properties?.value(of: "pStyle") ?? package.styles.defaultParagraphStyle
        let styles = package.styles
        var role = styles.inherited(styleID) { ParagraphRole.of(styleName: $0.name) } ?? .body
        if role == .body, let outline = (properties?.value(of: "outlineLvl") ?? styles.inherited(styleID, { $0.paragraph?.value(of: "outlineLvl") }))
            .flatMap(Int.init), outline < 9 {
            role = .heading(outline + 1)
        }
        var paragraph = WordParagraph(number: number, role: role, alignment: properties?.value(of: "jc"))
        // A list item: numbering set on the paragraph or by its style (List Bullet 2 is a level deeper).
        let numPr = properties?.child("numPr") ?? styles.inherited(styleID) { $0.paragraph?.child("numPr") }
        if let numPr, let numID = numPr.value(of: "numId") ?? styles.inherited(styleID, { $0.paragraph?.child("numPr")?.value(of: "numId") }),
           numID != "0" {
            let wordLevel = numPr.value(of: "ilvl").flatMap(Int.init) ?? 0
            // Word's own list styles nest by name (List Bullet 2) as well as by level.
            var level = wordLevel
            if let name = styles.chain(styleID).first?.name.lowercased(),
               name.hasPrefix("list bullet ") || name.hasPrefix("list number "),
               let depth = Int(name.split(separator: " ").last ?? "") {
                level += depth - 1
            }
            let format = package.numbering.format(numID: numID, level: wordLevel) ?? "bullet"
            if format != "none" { paragraph.list = (level, format != "bullet", numID) }
        }
        if properties?.toggle("pageBreakBefore") == true {
            note(number, .note, "a page break before the paragraph was dropped (the layout places pages)")
        }
        insertions = 0
        deletions = []
        let paragraphStyle = styleID
        inline(element, format: Format(), paragraphStyle: paragraphStyle, into: &paragraph.atoms, number: number)
        if insertions > 0 || !deletions.isEmpty {
            var parts: [String] = []
            if insertions > 0 { parts.append("\(insertions) insertion\(insertions == 1 ? "" : "s") accepted") }
            if !deletions.isEmpty {
                parts.append("\(deletions.count) deletion\(deletions.count == 1 ? "" : "s") dropped ("
                             + deletions.map { "“\(Self.excerpt($0))”" }.joined(separator: ", ") + ")")
            }
            note(number, .note, "tracked changes: " + parts.joined(separator: ", "))
        }
        return paragraph
    }

    /// The content of a paragraph or of something inside one (a hyperlink, an insertion, a field).
    private mutating func inline(_ element: XNode, format: Format, paragraphStyle: String?, into atoms: inout [Atom], number: Int) {
        for child in element.children {
            switch child.name {
            case "r":
                run(child, format: format, paragraphStyle: paragraphStyle, into: &atoms, number: number)
            case "hyperlink":
                var linked = format
                // A link to a bookmark in the document (`w:anchor`) has nothing to point at in the article: its text stays.
                if let id = child["id"], let rel = package.relationships[id], rel.external {
                    linked.link = rel.target
                }
                inline(child, format: linked, paragraphStyle: paragraphStyle, into: &atoms, number: number)
            case "ins", "moveTo":
                insertions += 1
                inline(child, format: format, paragraphStyle: paragraphStyle, into: &atoms, number: number)
            case "del", "moveFrom":
                let text = child.descendants("delText").map(\.text).joined() + child.descendants("t").map(\.text).joined()
                deletions.append(text)
            case "fldSimple":
                let instruction = child["instr"]?.trimmingCharacters(in: .whitespaces) ?? ""
                fieldNote(instruction, number: number)
                inline(child, format: format, paragraphStyle: paragraphStyle, into: &atoms, number: number)
            case "smartTag", "customXml", "dir", "bdo":
                inline(child, format: format, paragraphStyle: paragraphStyle, into: &atoms, number: number)
            case "sdt":
                if let content = child.child("sdtContent") {
                    inline(content, format: format, paragraphStyle: paragraphStyle, into: &atoms, number: number)
                }
            case "oMath", "oMathPara":
                note(number, .warning, "an equation was not carried over; write it as text or an image")
            default:
                continue
            }
        }
    }

    private mutating func fieldNote(_ instruction: String, number: Int) {
        let kind = instruction.split(separator: " ").first.map(String.init) ?? "?"
        note(number, .note, "a field (\(kind)) was carried over as the text it showed")
    }

    private mutating func run(_ run: XNode, format: Format, paragraphStyle: String?, into atoms: inout [Atom], number: Int) {
        let styles = package.styles
        let properties = run.child("rPr")
        let characterStyle = properties?.value(of: "rStyle")
        var format = format
        format.bold = properties?.toggle("b") ?? styles.inherited(characterStyle) { $0.properties?.toggle("b") } ?? false
        format.italic = properties?.toggle("i") ?? styles.inherited(characterStyle) { $0.properties?.toggle("i") } ?? false
        func fontName(_ rPr: XNode?) -> String? {
            guard let fonts = rPr?.child("rFonts") else { return nil }
            return fonts["hAnsi"] ?? fonts["ascii"]
        }
        let font = fontName(properties)
            ?? styles.inherited(characterStyle) { fontName($0.properties) }
            ?? styles.inherited(paragraphStyle) { fontName($0.properties) }
            ?? fontName(styles.defaults)
        let kind = FontKind.of(font)
        // Hidden text is not part of what the contributor sent.
        if properties?.toggle("vanish") == true || properties?.toggle("specVanish") == true { return }
        // The run's text is read by its font in one piece, up to anything that is not text:
        // Word stores a legacy font's byte 0xAD (TCVN3's 'ư') as a soft hyphen, <w:softHyphen/>.
        var text = ""
        func flush(_ atoms: inout [Atom]) {
            guard !text.isEmpty else { return }
            append(text, kind: kind, font: font, format: format, into: &atoms, number: number)
            text = ""
        }
        for child in run.children {
            switch child.name {
            case "t":
                text += child.text
                continue
            case "softHyphen":
                text += "\u{AD}"
                continue
            case "noBreakHyphen":
                text += "\u{2011}"
                continue
            case "rPr":
                continue
            default:
                flush(&atoms)
            }
            switch child.name {
            case "tab", "ptab":
                atoms.append(.char(" ", format))
            case "br", "cr":
                if child["type"] == "page" {
                    note(number, .note, "a page break was dropped (the layout places pages)")
                } else if child["type"] == "column" {
                    note(number, .note, "a column break was dropped")
                } else {
                    atoms.append(.lineBreak)
                }
            case "sym":
                let symbolFont = FontKind.of(child["font"])
                let code = child["char"].flatMap { UInt32($0, radix: 16) }.flatMap(Unicode.Scalar.init)
                if case .symbol(let symbol) = symbolFont, let code, let mapped = symbol.character(code) {
                    atoms.append(.char(Character(mapped), format))
                } else {
                    note(number, .warning, "a symbol (\(child["font"] ?? "?") \(child["char"] ?? "?")) has no Unicode counterpart Bantin knows: it was left out; type the character instead")
                }
            case "footnoteReference":
                if let id = child["id"] { atoms.append(.footnote(id)) }
            case "endnoteReference":
                if let id = child["id"] { atoms.append(.footnote("e" + id)) }
            case "instrText":
                fieldNote(child.text.trimmingCharacters(in: .whitespaces), number: number)
            case "commentReference":
                let text = child["id"].flatMap { package.comments[$0] }.map(Self.text(of:)) ?? ""
                note(number, .warning, "a comment was not carried over: “\(Self.excerpt(text))”")
            case "drawing":
                drawing(child, into: &atoms, number: number)
            case "AlternateContent":
                // Word writes a drawing twice: as DrawingML (Choice) and as VML (Fallback). One is enough.
                if let choice = child.child("Choice") {
                    for inner in choice.children where inner.name == "drawing" { drawing(inner, into: &atoms, number: number) }
                }
            case "pict":
                if let box = child.descendant("txbxContent") {
                    note(number, .warning, "a text box was not carried over: “\(Self.excerpt(Self.text(of: box)))”; move its text into the article")
                } else {
                    note(number, .warning, "a picture in Word's old format (VML) was not carried over; insert it again as a picture")
                }
            case "object":
                note(number, .warning, "an embedded object (\(child.descendant("OLEObject")?["ProgID"] ?? "OLE")) was not carried over; insert it as a picture")
            default:
                continue
            }
        }
        flush(&atoms)
    }

    private mutating func drawing(_ drawing: XNode, into atoms: inout [Atom], number: Int) {
        if let box = drawing.descendant("txbxContent") {
            note(number, .warning, "a text box was not carried over: “\(Self.excerpt(Self.text(of: box)))”; move its text into the article")
            return
        }
        guard let blip = drawing.descendant("blip"), let id = blip["embed"] else {
            if drawing.descendant("chart") != nil {
                note(number, .warning, "a chart was not carried over; export it as a picture (PNG) and insert that")
            } else {
                note(number, .warning, "a drawing (shapes) was not carried over; export it as a picture and insert that")
            }
            return
        }
        let docPr = drawing.descendant("docPr")
        let ownName = [drawing.descendant("cNvPr")?["name"], docPr?["name"]].compactMap { $0 }.first { name in
            let ext = (name as NSString).pathExtension.lowercased()
            return ["jpg", "jpeg", "png", "gif", "tif", "tiff", "bmp", "webp"].contains(ext)
        }
        let description = docPr?["descr"].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        atoms.append(.image(WordImage(relationshipID: id, name: ownName, description: description)))
    }

    /// A run's characters, read by its font.
    private mutating func append(_ text: String, kind: FontKind, font: String?, format: Format, into atoms: inout [Atom], number: Int) {
        var read = text
        if kind != .unicode {
            if let converted = kind.read(text) {
                read = converted
            } else if case .legacy(let encoding, _) = kind {
                if let mixed = kind.readMixed(text) {
                    // Unicode typed or pasted into legacy-font text (the two merge into one run).
                    read = mixed.text
                    if mixed.kept.isEmpty {
                        note(number, .note, "“\(Self.excerpt(text))” is set in \(font ?? "?"), a \(encoding.displayName) font, but is Unicode already: kept as it is")
                    } else {
                        note(number, .warning, "text in \(font ?? "?") mixes Unicode and \(encoding.displayName): each word was read as what it looks like; check "
                             + mixed.kept.map { "“\($0)”" }.joined(separator: ", ") + ", kept as Unicode")
                    }
                } else if let bytes = LegacyEncoding.fontBytes(text.unicodeScalars), let other = LegacyEncoding.detect(bytes),
                          let decoded = other.decode(bytes) {
                    // Text typed for one legacy font and set in another (VNI bytes in .VnTime).
                    read = decoded
                    note(number, .warning, "text in the font \(font ?? "?") is not \(encoding.displayName) but reads as \(other.displayName): "
                         + "“\(Self.excerpt(decoded))” was converted as \(other.displayName); check it")
                } else {
                    note(number, .warning, "text in the font \(font ?? "?") is not \(encoding.displayName): “\(Self.excerpt(text))” was kept as it is; check it")
                }
            } else if case .symbol(let symbol) = kind {
                note(number, .warning, "\(symbol.name) characters with no Unicode counterpart Bantin knows were left out: “\(Self.excerpt(text))”; type the characters instead")
                read = ""
            }
        }
        // Soft hyphens are Word's hyphenation hints; Vietnamese is never hyphenated.
        for c in Unicode.ingest(read) where c != "\u{AD}" { atoms.append(.char(c, format)) }
    }

    /// The text of every `w:t` below an element, paragraphs separated by spaces.
    static func text(of element: XNode) -> String {
        var parts: [String] = []
        for p in element.descendants("p") { parts.append(p.descendants("t").map(\.text).joined()) }
        if parts.isEmpty { parts = element.descendants("t").map(\.text) }
        return parts.joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    /// The first words of a text, for a report line.
    static func excerpt(_ text: String, limit: Int = 48) -> String {
        let clean = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard clean.count > limit else { return clean }
        return String(clean.prefix(limit)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// A footnote or endnote body as paragraphs (Word's own note-number run left out).
    mutating func noteParagraphs(_ key: String) -> [WordParagraph] {
        guard let body = package.notes[key] else { return [] }
        let saved = paragraphNumber
        defer { paragraphNumber = saved }
        var out: [WordParagraph] = []
        for block in blocks(in: body) { if case .paragraph(let p) = block { out.append(p) } }
        return out
    }
}
