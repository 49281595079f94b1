extension Issue {
    /// The document IR as text, for `bantin dump document` and golden tests:
    ///
    ///     Issue 2025-q1 "Số 1 · Quý I/2025" layout: a4-two-column
    ///     Section "Hoạt động Liên hiệp Hội"
    ///       Article issues/2025-q1/articles/01-x.md slug: hoi-nghi "Hội nghị…"
    ///         Heading @12:1 level: 2 "Kết quả nổi bật"
    public var dump: String {
        var out = ["Issue \(id) \"\(issueLine)\" date: \(date) layout: \(layoutName)"]
        for section in sections {
            out.append("Section \"\(section.title)\"")
            for article in section.articles {
                out.append(article.dump(indent: "  "))
            }
        }
        return out.joined(separator: "\n")
    }
}

extension Article {
    public func dump(indent: String = "") -> String {
        var out = ["\(indent)Article \(path) slug: \(slug) \"\(title)\""]
        for block in blocks { block.dump(indent: indent + "  ", into: &out) }
        for note in footnotes {
            out.append("\(indent)  Footnote \(note.number) @\(note.range.start.line):\(note.range.start.column)")
            for block in note.blocks { block.dump(indent: indent + "    ", into: &out) }
        }
        return out.joined(separator: "\n")
    }
}

extension Block {
    func dump(indent: String, into out: inout [String]) {
        let at = "@\(range.start.line):\(range.start.column)"
        switch kind {
        case .paragraph(let inlines):
            out.append("\(indent)Paragraph \(at) \(quote(inlines.plainText))")
        case .heading(let level, let inlines):
            out.append("\(indent)Heading \(at) level: \(level) \(quote(inlines.plainText))")
        case .list(let ordered, let start, let items):
            out.append("\(indent)List \(at) \(ordered ? "ordered start: \(start)" : "bullet") items: \(items.count)")
            for item in items {
                out.append("\(indent)  Item")
                for block in item { block.dump(indent: indent + "    ", into: &out) }
            }
        case .quote(let blocks, let style):
            out.append("\(indent)Quote \(at)" + (style.map { " style: \($0)" } ?? ""))
            for block in blocks { block.dump(indent: indent + "  ", into: &out) }
        case .code(let language, let text):
            out.append("\(indent)Code \(at) \(language ?? "-") lines: \(text.split(separator: "\n", omittingEmptySubsequences: false).count)")
        case .figure(let figure):
            out.append("\(indent)Figure \(at) \(figure.image.issuePath) \(figure.image.pixelWidth)×\(figure.image.pixelHeight) "
                + "\(quote(figure.caption.plainText))" + (figure.credit.map { " credit: \(quote($0))" } ?? ""))
        case .table(let table):
            let aligns = table.alignments.map { a -> String in
                switch a { case .none: "-"; case .left: "l"; case .right: "r"; case .center: "c" }
            }.joined()
            out.append("\(indent)Table \(at) columns: \(table.columnCount) \(aligns) rows: \(table.rows.count)"
                + (table.caption.map { " caption: \(quote($0.plainText))" } ?? ""))
            for row in [table.header] + table.rows {
                out.append("\(indent)  | " + row.map { $0.plainText }.joined(separator: " | ") + " |")
            }
        case .rule:
            out.append("\(indent)Rule \(at)")
        }
    }

    private func quote(_ text: String) -> String {
        let short = text.count > 60 ? String(text.prefix(60)) + "…" : text
        return "\"" + short + "\""
    }
}
