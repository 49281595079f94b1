import Diagnostics
import Layout
import Model
import Typesetting

/// What an article asks of the layout that the layout may not give: a style a block quote
/// names (`> [!pullquote]`) that the layout does not define, and a table whose words do not
/// fit across the page. Both are errors at the block, with what would fit.
struct BlockStyles {
    let layout: LayoutSpec
    let typesetter: Typesetter
    let engine: DiagnosticEngine
    /// The type area's width, which a table may span.
    let frameWidth: Pt

    func check(_ issue: Issue) {
        for article in issue.articles { check(article.blocks) }
    }

    private func check(_ blocks: [Block]) {
        for block in blocks {
            switch block.kind {
            case .quote(let children, let style):
                if let style, layout.style(named: style) == nil {
                    let styles = layout.quoteStyleNames
                    engine.emit(.error("unknown-style", "the layout '\(layout.name)' has no style '\(style)'", at: block.range,
                                       hint: "its styles for a quotation: \(styles.joined(separator: ", "))"
                                           + "; or define it in layouts/\(layout.name).yaml: `styles: { \(style): { based-on: quote, … } }`"))
                }
                check(children)
            case .list(_, _, let items):
                for item in items { check(item) }
            case .table(let table):
                guard let minimum = try? TableSetter(typesetter: typesetter, layout: layout).minimumWidth(table),
                      minimum > frameWidth + 0.01 else { continue }
                engine.emit(.error("table-too-wide", String(format: "this table needs %.0f mm at its narrowest; the page's type area is %.0f mm wide",
                                                            minimum.millimetres, frameWidth.millimetres),
                                   at: block.range,
                                   hint: "split it into two tables, shorten its longest words (abbreviate units, put them in the header), or use fewer columns"))
            default:
                break
            }
        }
    }
}
