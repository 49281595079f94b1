import Foundation
import ZIPFoundation

/// The parts of a .docx that an import reads: the document, its relationships, styles,
/// numbering, footnotes, endnotes and comments, and the media they point at.
struct WordPackage {
    /// No part or image is read past this size: a zip bomb, or not a contributor's article.
    static let maximumPartBytes: UInt64 = 64 << 20

    enum Failure: Error, CustomStringConvertible {
        case notZip
        case missing(String)
        case tooLarge(String)
        case xml(XMLTree.Failure)

        var description: String {
            switch self {
            case .notZip: "it is not a Word file (.docx is a zip archive; this is not one)"
            case .missing(let part): "it has no \(part): not a Word document (a spreadsheet or presentation?)"
            case .tooLarge(let part): "\(part) is larger than \(WordPackage.maximumPartBytes >> 20) MB"
            case .xml(let failure): failure.description
            }
        }
    }

    struct Relationship {
        var type: String
        var target: String
        var external: Bool
    }

    private let archive: Archive
    let document: XNode
    /// The document's relationships by id (`rId7` → image, hyperlink, footnotes …).
    let relationships: [String: Relationship]
    let styles: Styles
    let numbering: Numbering
    /// Footnote and endnote bodies by `w:id`, endnotes' ids prefixed with "e".
    let notes: [String: XNode]
    /// Comment bodies by `w:id`.
    let comments: [String: XNode]

    init(url: URL) throws {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch { throw Failure.notZip }
        self.archive = archive
        // The main part is where the package's relationships say; Word always names it word/document.xml.
        var main = "word/document.xml"
        if let rels = try Self.xml(archive, "_rels/.rels"),
           let office = rels.children("Relationship").first(where: { $0["Type"]?.hasSuffix("/officeDocument") == true }),
           let target = office["Target"] {
            main = target.hasPrefix("/") ? String(target.dropFirst()) : target
        }
        guard let document = try Self.xml(archive, main) else { throw Failure.missing("word/document.xml") }
        self.document = document
        let folder = (main as NSString).deletingLastPathComponent
        let relsPath = folder + "/_rels/" + (main as NSString).lastPathComponent + ".rels"
        var relationships: [String: Relationship] = [:]
        if let rels = try Self.xml(archive, relsPath) {
            for rel in rels.children("Relationship") {
                guard let id = rel["Id"], let type = rel["Type"], let target = rel["Target"] else { continue }
                let external = rel["TargetMode"] == "External"
                let path = external || target.hasPrefix("/") ? (external ? target : String(target.dropFirst()))
                    : (folder.isEmpty ? target : folder + "/" + target)
                relationships[id] = Relationship(type: (type as NSString).lastPathComponent, target: path, external: external)
            }
        }
        self.relationships = relationships
        func part(_ type: String) throws -> XNode? {
            guard let rel = relationships.values.first(where: { $0.type == type && !$0.external }) else { return nil }
            return try Self.xml(archive, rel.target)
        }
        styles = Styles(try part("styles"))
        numbering = Numbering(try part("numbering"))
        var notes: [String: XNode] = [:]
        for note in try part("footnotes")?.children("footnote") ?? [] { if let id = note["id"] { notes[id] = note } }
        for note in try part("endnotes")?.children("endnote") ?? [] { if let id = note["id"] { notes["e" + id] = note } }
        self.notes = notes
        var comments: [String: XNode] = [:]
        for comment in try part("comments")?.children("comment") ?? [] { if let id = comment["id"] { comments[id] = comment } }
        self.comments = comments
    }

    /// The bytes of a media part the document points at.
    func media(_ relationshipID: String) throws -> (path: String, data: Data)? {
        guard let rel = relationships[relationshipID], !rel.external else { return nil }
        guard let data = try Self.bytes(archive, rel.target) else { return nil }
        return (rel.target, data)
    }

    private static func bytes(_ archive: Archive, _ path: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= maximumPartBytes else { throw Failure.tooLarge(path) }
        var data = Data()
        do {
            _ = try archive.extract(entry) { chunk in
                data.append(chunk)
                if data.count > maximumPartBytes { throw Failure.tooLarge(path) }
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.notZip
        }
        return data
    }

    private static func xml(_ archive: Archive, _ path: String) throws -> XNode? {
        guard let data = try bytes(archive, path) else { return nil }
        do { return try XMLTree.parse(data, part: path) } catch let failure as XMLTree.Failure { throw Failure.xml(failure) }
    }
}

/// Word's styles: what a paragraph or character style is for (by its built-in name, through
/// `basedOn`), and what it sets that an import reads — font, bold, italic, list numbering.
struct Styles {
    struct Style {
        var name: String
        var basedOn: String?
        var properties: XNode?  // rPr
        var paragraph: XNode?   // pPr
    }

    private var byID: [String: Style] = [:]
    /// docDefaults' run properties.
    private(set) var defaults: XNode?
    private(set) var defaultParagraphStyle: String?

    init(_ root: XNode?) {
        guard let root else { return }
        defaults = root.child("docDefaults")?.child("rPrDefault")?.child("rPr")
        for style in root.children("style") {
            guard let id = style["styleId"] else { continue }
            byID[id] = Style(name: style.value(of: "name") ?? id, basedOn: style.value(of: "basedOn"),
                             properties: style.child("rPr"), paragraph: style.child("pPr"))
            if style["type"] == "paragraph", style["default"] == "1" { defaultParagraphStyle = id }
        }
    }

    /// The style and those it is based on, nearest first (a loop in `basedOn` stops).
    func chain(_ id: String?) -> [Style] {
        var out: [Style] = [], seen: Set<String> = []
        var next = id
        while let current = next, !seen.contains(current), let style = byID[current] {
            seen.insert(current)
            out.append(style)
            next = style.basedOn
        }
        return out
    }

    /// The first of the chain's values.
    func inherited<T>(_ id: String?, _ read: (Style) -> T?) -> T? {
        for style in chain(id) { if let value = read(style) { return value } }
        return nil
    }
}

/// numbering.xml: for a list (`numId`) and level, whether it is numbered or bulleted.
struct Numbering {
    private var abstractOf: [String: String] = [:]
    private var formats: [String: [Int: String]] = [:]

    init(_ root: XNode?) {
        guard let root else { return }
        for abstract in root.children("abstractNum") {
            guard let id = abstract["abstractNumId"] else { continue }
            var levels: [Int: String] = [:]
            for level in abstract.children("lvl") {
                if let ilvl = level["ilvl"].flatMap(Int.init) { levels[ilvl] = level.value(of: "numFmt") ?? "decimal" }
            }
            formats[id] = levels
        }
        for num in root.children("num") {
            if let id = num["numId"], let abstract = num.value(of: "abstractNumId") { abstractOf[id] = abstract }
        }
    }

    /// The level's number format (`bullet`, `decimal`, `lowerLetter` …), nil when the list is not defined.
    func format(numID: String, level: Int) -> String? {
        guard let abstract = abstractOf[numID], let levels = formats[abstract] else { return nil }
        return levels[level] ?? levels[0]
    }
}
