import Diagnostics
import Model
import Typesetting

/// Sets a table as a scientific journal does: no vertical rules, a heavy rule above the header
/// and below the last row, a light one under the header; the caption above.
///
/// Column widths come from the content, as a browser's automatic table layout: each column's
/// minimum (its longest word) and preferred width (its longest cell on one line). When the
/// preferred widths fit, each column gets its preferred width and the room left goes to the
/// text columns, in proportion to what they hold — a numeric column stays as narrow as its
/// numbers; when only the minimums fit, each column gets its minimum plus a share of the rest
/// in proportion to how much more it would like.
public struct TableSetter {
    let typesetter: Typesetter
    let layout: LayoutSpec

    public init(typesetter: Typesetter, layout: LayoutSpec) {
        self.typesetter = typesetter
        self.layout = layout
    }

    /// The space between two columns.
    static let gap: Pt = .mm(3)

    struct Widths {
        var minimum: [Pt]
        var preferred: [Pt]
        var total: (minimum: Pt, preferred: Pt)
        /// Which columns hold only numbers, asked once per table.
        var numeric: [Bool]
    }

    /// The narrowest the table can be set without cutting a word.
    public func minimumWidth(_ table: Table) throws -> Pt {
        try widths(table).total.minimum
    }

    func widths(_ table: Table) throws -> Widths {
        let n = table.columnCount
        let numeric = (0..<n).map { table.isNumeric(column: $0) }
        var minimum = [Pt](repeating: 0, count: n), preferred = [Pt](repeating: 0, count: n)
        for (row, isHeader) in [(table.header, true)] + table.rows.map({ ($0, false) }) {
            let style = cellStyle(header: isHeader)
            for (c, cell) in row.enumerated() where c < n && !cell.isEmpty {
                let whole = try typesetter.set(cell, style: style, width: Pt(100_000), indentFirstLine: false)
                let width = whole.map(\.naturalWidth).max() ?? 0
                preferred[c] = max(preferred[c], width)
                // A numeric cell never wraps; a text cell (and a header) may wrap at any space.
                if !isHeader, numeric[c] {
                    minimum[c] = max(minimum[c], width)
                } else {
                    for word in cell.plainText.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                        let w = try typesetter.set(String(word), style: style, width: Pt(100_000)).first?.naturalWidth ?? 0
                        minimum[c] = max(minimum[c], w)
                    }
                }
            }
        }
        let gaps = Self.gap * Double(max(0, n - 1))
        return Widths(minimum: minimum, preferred: preferred,
                      total: (minimum.reduce(gaps, +), preferred.reduce(gaps, +)), numeric: numeric)
    }

    /// The columns' widths in `width`: see the type's comment. Nil when even the minimums do not fit.
    func columns(_ table: Table, _ w: Widths, width: Pt) -> [Pt]? {
        let n = table.columnCount
        let room = width - Self.gap * Double(max(0, n - 1))
        let sumMin = w.minimum.reduce(0, +), sumPref = w.preferred.reduce(0, +)
        guard sumMin <= room + 0.01 else { return nil }
        if sumPref <= room {
            let text = (0..<n).filter { !w.numeric[$0] }
            let growing = text.isEmpty ? Array(0..<n) : text
            let weight = growing.reduce(0.0) { $0 + max(w.preferred[$1].value, 1) }
            var out = w.preferred
            for c in growing { out[c] = out[c] + (room - sumPref) * (max(w.preferred[c].value, 1) / weight) }
            return out
        }
        let want = sumPref - sumMin
        return (0..<n).map { c in w.minimum[c] + (room - sumMin) * ((w.preferred[c] - w.minimum[c]).value / max(want.value, 1e-9)) }
    }

    /// Whether the table needs the page's width: its words do not fit a column, or its cells
    /// on one line would take more than one and a half columns (set in one, it would wrap
    /// nearly every cell).
    func spans(_ table: Table, columnWidth: Pt) throws -> Bool {
        guard layout.columns > 1 else { return false }
        let w = try widths(table)
        return w.total.minimum > columnWidth + 0.01 || w.total.preferred > columnWidth * 1.5
    }

    /// The rows set at `width` (nil when it does not fit there).
    func rows(_ table: Table, width: Pt, source: SourceRange?) throws -> [RowBox]? {
        let w = try widths(table)
        guard let columns = columns(table, w, width: width) else { return nil }
        var xs: [Pt] = []
        var x: Pt = 0
        for c in columns {
            xs.append(x)
            x = x + c + Self.gap
        }
        // Numbers stand on their decimal comma: the widest decimals of the column decide where.
        var decimals = [Pt](repeating: 0, count: table.columnCount)
        for c in 0..<table.columnCount where w.numeric[c] && table.alignments[c] != .left && table.alignments[c] != .center {
            for row in table.rows where c < row.count {
                decimals[c] = max(decimals[c], try fractionWidth(row[c]))
            }
        }
        let color = layout.style(.table).color
        var out: [RowBox] = []
        let all = (table.header.isEmpty ? [] : [(table.header, true)]) + table.rows.map { ($0, false) }
        for (i, (row, isHeader)) in all.enumerated() {
            var cells: [RowBox.Cell] = []
            var height: Pt = 0
            let style = cellStyle(header: isHeader)
            for c in 0..<table.columnCount {
                let cell = c < row.count ? row[c] : []
                guard !cell.isEmpty else { continue }
                let numeric = w.numeric[c]
                var cellStyle = style
                switch table.alignments[c] {
                case .left: cellStyle.align = .left
                case .center: cellStyle.align = .center
                case .right: cellStyle.align = .right
                case .none: cellStyle.align = numeric ? .right : .left
                }
                var lines: [SetLine]
                var cx = xs[c]
                if numeric, !isHeader, cellStyle.align == .right {
                    var left = cellStyle
                    left.align = .left
                    lines = try typesetter.set(cell, style: left, width: Pt(100_000), indentFirstLine: false)
                    let natural = lines.first?.naturalWidth ?? 0
                    cx = xs[c] + columns[c] - decimals[c] - (natural - (try fractionWidth(cell)))
                    for k in lines.indices { lines[k].width = natural }
                } else {
                    lines = try typesetter.set(cell, style: cellStyle, width: columns[c], indentFirstLine: false)
                }
                cells.append(RowBox.Cell(x: cx, lines: lines))
                height = max(height, lines.reduce(0) { $0 + $1.leading })
            }
            if height == 0 { height = style.leading }
            var rules: StyleRules = []
            if i == 0 { rules.insert(.above) }
            let lastHeader = isHeader && (i + 1 == all.count || !all[i + 1].1)
            if lastHeader || i == all.count - 1 { rules.insert(.below) }
            out.append(RowBox(cells: cells, height: height + RowBox.padding * 2, width: width, header: isHeader, first: i == 0,
                              last: i == all.count - 1, rules: rules, ruleColor: color, source: source))
        }
        return out
    }

    /// The width of a number's decimals (from its comma on; a trailing " %" counts).
    private func fractionWidth(_ cell: [Inline]) throws -> Pt {
        let text = cell.plainText.trimmingCharacters(in: .whitespaces)
        let parts = Table.decimalParts(text)
        guard !parts.fraction.isEmpty else { return 0 }
        var style = cellStyle(header: false)
        style.align = .left
        let whole = try typesetter.set(parts.whole, style: style, width: Pt(100_000)).first?.naturalWidth ?? 0
        let all = try typesetter.set(cell, style: style, width: Pt(100_000), indentFirstLine: false).first?.naturalWidth ?? 0
        return all - whole
    }

    func cellStyle(header: Bool) -> TextStyle {
        var style = layout.style(header ? .tableHeader : .tableCell)
        style.firstLineIndent = 0
        if style.align == .justify { style.align = .left }
        return style
    }
}
