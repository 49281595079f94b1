internal import CCmarkGFM
import Foundation
import Diagnostics
import Model

/// The only file that imports cmark-gfm. It parses GitHub Flavored Markdown (CommonMark with
/// tables, autolinks and footnotes), copies the C tree into `Block` and `Inline` values with
/// source ranges, and frees the C tree before returning.
struct MarkdownParser {
    let file: SourceFile
    /// Lines of the file before the Markdown body (the front matter).
    let lineOffset: Int
    let engine: DiagnosticEngine
    /// Turns an image URL into a checked image, or reports why not.
    let resolveImage: (String, SourceRange) -> ImageRef?

    /// Lists and quotes inside each other deeper than this are refused (a runaway paste).
    static let maximumDepth = 24
    /// Emphasis, links and code inside each other deeper than this are refused likewise: the
    /// inlines are copied and set recursively, and no article nests them past three or four.
    static let maximumInlineDepth = 32

    /// What an article's body parses to: its blocks and its footnotes.
    struct Parsed {
        var blocks: [Block] = []
        var footnotes: [Footnote] = []
    }

    /// The extensions attached to every parse; registered once per process.
    private static let extensions: [String] = {
        cmark_gfm_core_extensions_ensure_registered()
        return ["table", "autolink"]
    }()

    func parse(_ body: String) -> Parsed {
        let options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return Parsed() }
        defer { cmark_parser_free(parser) }
        for name in Self.extensions {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        body.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        guard let document = cmark_parser_finish(parser) else { return Parsed() }
        defer { cmark_node_free(document) }
        if let deep = tooDeep(document) {
            if deep.inline {
                engine.emit(.error("nesting-too-deep", "emphasis, links and code are nested more than \(Self.maximumInlineDepth) deep here",
                                   at: range(deep.node, fallback: range(deep.block)), hint: "remove the extra `*`, `_` or `[`: a runaway paste nests them"))
            } else {
                engine.emit(.error("nesting-too-deep", "lists and quotes are nested more than \(Self.maximumDepth) deep here",
                                   at: range(deep.node), hint: "flatten the nesting; a bulletin rarely needs more than two levels"))
            }
            return Parsed()
        }
        let top = children(of: document)
        var parsed = Parsed()
        parsed.blocks = captioned(top.compactMap(block))
        // cmark-gfm numbers footnotes in the order their references first appear, as a reader
        // meets them, moves the definitions to the end in that order, and drops those never
        // referred to; a reference's literal is its number.
        let definitions = top.filter { cmark_node_get_type($0) == CMARK_NODE_FOOTNOTE_DEFINITION }
        for (n, definition) in definitions.enumerated() {
            parsed.footnotes.append(Footnote(number: n + 1, blocks: children(of: definition).compactMap(block), range: range(definition)))
        }
        return parsed
    }

    /// A paragraph `Bảng 1. …` (or `Bảng 1: …`) directly above a table becomes its caption.
    private func captioned(_ blocks: [Block]) -> [Block] {
        var out: [Block] = []
        for block in blocks {
            if case .table(var table) = block.kind, table.caption == nil, let previous = out.last,
               case .paragraph(let inlines) = previous.kind, Self.isTableCaption(inlines.plainText) {
                out.removeLast()
                table.caption = inlines
                out.append(Block(.table(table), range: SourceRange(path: previous.range.path, start: previous.range.start, end: block.range.end)))
            } else {
                out.append(block)
            }
        }
        return out
    }

    static func isTableCaption(_ text: String) -> Bool {
        let words = text.split(separator: " ", maxSplits: 2)
        guard words.count >= 2, words[0] == "Bảng" else { return false }
        let number = words[1].trimmingCharacters(in: CharacterSet(charactersIn: ".:"))
        return !number.isEmpty && number.allSatisfy(\.isNumber) && (words[1].hasSuffix(".") || words[1].hasSuffix(":") || words.count == 2)
    }

    /// The first block nested deeper than `maximumDepth`, or inline deeper than
    /// `maximumInlineDepth` inside its block, found without recursion in Swift.
    private func tooDeep(_ root: OpaquePointer) -> (node: OpaquePointer, block: OpaquePointer, inline: Bool)? {
        var stack: [(node: OpaquePointer, block: OpaquePointer, blocks: Int, inlines: Int)] = [(root, root, 0, 0)]
        while let (node, block, blocks, inlines) = stack.popLast() {
            if blocks > Self.maximumDepth { return (node, block, false) }
            // Inline depth counts containers (emphasis, links); the text inside is a leaf.
            if inlines > Self.maximumInlineDepth, cmark_node_first_child(node) != nil { return (node, block, true) }
            for child in children(of: node) {
                let inline = cmark_node_get_type(child).rawValue & 0xC000 == 0xC000  // CMARK_NODE_TYPE_INLINE under CMARK_NODE_TYPE_MASK
                stack.append(inline ? (child, block, blocks, inlines + 1) : (child, child, blocks + 1, 0))
            }
        }
        return nil
    }

    // MARK: Blocks

    private func block(_ node: OpaquePointer) -> Block? {
        let range = self.range(node)
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            if let image = soleImage(node) {
                // A missing image has been reported; its caption stays in the text.
                guard let figure = figure(image, range: range) else { return Block(.paragraph(inlines(of: image)), range: range) }
                return Block(.figure(figure), range: range)
            }
            return Block(.paragraph(inlines(of: node)), range: range)
        case CMARK_NODE_HEADING:
            return Block(.heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node)), range: range)
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let items = children(of: node).map { children(of: $0).compactMap(block) }
            return Block(.list(ordered: ordered, start: Int(cmark_node_get_list_start(node)), items: items), range: range)
        case CMARK_NODE_BLOCK_QUOTE:
            let (blocks, style) = styled(children(of: node).compactMap(block))
            return Block(.quote(blocks, style: style), range: range)
        case CMARK_NODE_CODE_BLOCK:
            let info = string(cmark_node_get_fence_info(node))
            var text = string(cmark_node_get_literal(node))
            if text.hasSuffix("\n") { text.removeLast() }
            return Block(.code(language: info.isEmpty ? nil : info, text: text), range: range)
        case CMARK_NODE_THEMATIC_BREAK:
            return Block(.rule, range: range)
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            return nil
        case _ where String(cString: cmark_node_get_type_string(node)) == "table":
            return Block(.table(table(node)), range: range)
        case CMARK_NODE_HTML_BLOCK:
            engine.emit(.warning("raw-html", "raw HTML is not supported; it is set as plain text", at: range,
                                 hint: "write the content in Markdown instead"))
            let text = string(cmark_node_get_literal(node)).trimmingCharacters(in: .whitespacesAndNewlines)
            return Block(.paragraph([.text(text)]), range: range)
        default:
            return nil
        }
    }

    /// The image of a paragraph that holds only an image: such a paragraph is a figure.
    private func soleImage(_ paragraph: OpaquePointer) -> OpaquePointer? {
        let kids = children(of: paragraph)
        guard kids.count == 1, cmark_node_get_type(kids[0]) == CMARK_NODE_IMAGE else { return nil }
        return kids[0]
    }

    /// A table's rows: the header row first (cmark-gfm's `table_header`), then the body's, each
    /// padded or cut to the delimiter row's columns as GitHub does.
    private func table(_ node: OpaquePointer) -> Table {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [Table.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for c in 0..<columns {
                switch raw[c] {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "r"): alignments.append(.right)
                case UInt8(ascii: "c"): alignments.append(.center)
                default: alignments.append(.none)
                }
            }
        } else {
            alignments = Array(repeating: .none, count: columns)
        }
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        for row in children(of: node) {
            var cells = children(of: row).map { inlines(of: $0) }
            cells += Array(repeating: [], count: max(0, columns - cells.count))
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 { header = Array(cells.prefix(columns)) } else { rows.append(Array(cells.prefix(columns))) }
        }
        return Table(alignments: alignments, header: header, rows: rows)
    }

    /// A block quote whose first line is `[!name]` (GitHub's alert syntax) asks for the layout's
    /// style `name`; the marker itself is not text.
    private func styled(_ blocks: [Block]) -> ([Block], String?) {
        guard let first = blocks.first, case .paragraph(var inlines) = first.kind, case .text(let text) = inlines.first,
              text.hasPrefix("[!"), let close = text.firstIndex(of: "]") else { return (blocks, nil) }
        let name = String(text[text.index(text.startIndex, offsetBy: 2)..<close])
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return (blocks, nil) }
        let rest = String(text[text.index(after: close)...]).drop { $0 == " " }
        inlines[0] = .text(String(rest))
        while let head = inlines.first, head == .text("") || head == .softBreak || head == .lineBreak { inlines.removeFirst() }
        var out = Array(blocks.dropFirst())
        if !inlines.isEmpty { out.insert(Block(.paragraph(inlines), range: first.range), at: 0) }
        return (out, name.lowercased())
    }

    private func figure(_ image: OpaquePointer, range: SourceRange) -> Figure? {
        let imageRange = self.range(image, fallback: range)
        let caption = inlines(of: image)
        if caption.plainText.trimmingCharacters(in: .whitespaces).isEmpty {
            engine.emit(.warning("figure-caption", "this figure has no caption", at: imageRange,
                                 hint: "write the caption between the brackets: ![Quang cảnh hội nghị](…)"))
        }
        guard let ref = resolveImage(string(cmark_node_get_url(image)), imageRange) else {
            return nil
        }
        let title = string(cmark_node_get_title(image)).trimmingCharacters(in: .whitespaces)
        return Figure(image: ref, caption: caption, credit: title.isEmpty ? nil : Unicode.cleanInlineText(title))
    }

    // MARK: Inlines

    private func inlines(of node: OpaquePointer) -> [Inline] {
        children(of: node).compactMap(inline)
    }

    private func inline(_ node: OpaquePointer) -> Inline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            guard let number = Int(string(cmark_node_get_literal(node))) else { return nil }
            return .footnote(number)
        case CMARK_NODE_TEXT: return .text(Unicode.cleanInlineText(string(cmark_node_get_literal(node))))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis(inlines(of: node))
        case CMARK_NODE_STRONG: return .strong(inlines(of: node))
        case CMARK_NODE_LINK:
            let url = string(cmark_node_get_url(node))
            let scheme = url.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().filter { !$0.isWhitespace }
            if scheme.hasPrefix("javascript:") || scheme.hasPrefix("data:") || scheme.hasPrefix("vbscript:") {
                engine.emit(.warning("unsafe-link", "the link '\(url.prefix(40))' is dropped: only web and mail addresses are linked",
                                     at: range(node, fallback: range(cmark_node_parent(node))),
                                     hint: "link to an https:// address, or remove the link and keep its text"))
                let children = inlines(of: node)
                return children.count == 1 ? children[0] : .text(children.plainText)
            }
            return .link(url: url, inlines(of: node))
        case CMARK_NODE_HTML_INLINE:
            engine.emit(.warning("raw-html", "raw HTML is not supported; it is set as plain text",
                                 at: range(node, fallback: range(cmark_node_parent(node))),
                                 hint: "use Markdown: *emphasis*, **strong**, [link](url)"))
            return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_IMAGE:
            engine.emit(.warning("inline-image", "an image inside running text is set as its caption only",
                                 at: range(node, fallback: range(cmark_node_parent(node))),
                                 hint: "put the image in a paragraph of its own to make it a figure"))
            return .emphasis(inlines(of: node))
        default:
            return nil
        }
    }

    // MARK: C tree helpers

    private func children(of node: OpaquePointer) -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            out.append(c)
            child = cmark_node_next(c)
        }
        return out
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private func range(_ node: OpaquePointer?, fallback: SourceRange? = nil) -> SourceRange {
        guard let node, cmark_node_get_start_line(node) > 0 else {
            return fallback ?? SourceRange(path: file.path, line: lineOffset + 1, column: 1)
        }
        let line = Int(cmark_node_get_start_line(node)) + lineOffset
        let column = file.scalarColumn(line: line, byteColumn: Int(cmark_node_get_start_column(node)))
        let endLine = Int(cmark_node_get_end_line(node)) + lineOffset
        let endColumn = file.scalarColumn(line: endLine, byteColumn: Int(cmark_node_get_end_column(node)))
        return SourceRange(path: file.path, start: SourceLocation(line: line, column: column),
                           end: SourceLocation(line: endLine, column: endColumn))
    }
}
