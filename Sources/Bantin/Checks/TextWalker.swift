import Diagnostics
import Layout
import Model

/// Walks an article the way the composer sets it, and hands every piece of text to a check
/// with the style it is set in and where it comes from: the front matter (title, subtitle,
/// standfirst, byline), then each block, with the block → style mapping of `BlockStyle`.
/// Checks are small walkers over this, one per file in this folder.
struct TextWalker {
    /// A piece of text, the name of the style that sets it, and where it stands in the source.
    typealias Visit = (_ text: String, _ style: StyleName, _ range: SourceRange) -> Void

    static func walk(_ article: Article, _ visit: Visit) {
        let head = SourceRange(path: article.path, line: 1, column: 1)
        visit(article.title, .title, head)
        if let subtitle = article.subtitle { visit(subtitle, .subtitle, head) }
        if let summary = article.summary { visit(summary, .standfirst, head) }
        if !article.authors.isEmpty { visit(article.authors.joined(separator: ", "), .byline, head) }
        walk(article.blocks, quoted: false, visit)
        for note in article.footnotes {
            for block in note.blocks { visit(block.plainText, .footnote, block.range) }
        }
    }

    private static func walk(_ blocks: [Block], quoted: Bool, _ visit: Visit) {
        var previous: Block.Kind?
        for block in blocks {
            switch block.kind {
            case .paragraph(let inlines):
                visit(inlines.plainText, BlockStyle.paragraph(after: previous, quoted: quoted), block.range)
            case .heading(let level, let inlines):
                visit(inlines.plainText, BlockStyle.heading(level: level), block.range)
            case .code(_, let text):
                visit(text, BlockStyle.code, block.range)
            case .figure(let figure):
                visit(figure.caption.plainText, BlockStyle.caption, block.range)
                if let credit = figure.credit { visit(credit, BlockStyle.credit, block.range) }
            case .list(_, _, let items):
                for item in items { walk(item, quoted: quoted, visit) }
            case .quote(let children, _):
                // A styled quote is checked in the quote's family (a style based on it mostly keeps it).
                walk(children, quoted: true, visit)
            case .table(let table):
                if let caption = table.caption { visit(caption.plainText, .tableCaption, block.range) }
                for cell in table.header { visit(cell.plainText, .tableHeader, block.range) }
                for row in table.rows { for cell in row { visit(cell.plainText, .tableCell, block.range) } }
            case .rule:
                break
            }
            previous = block.kind
        }
    }
}
