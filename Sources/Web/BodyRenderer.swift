import Model

/// Blocks and inlines as HTML. Raw HTML never passes: text is always escaped.
struct BodyRenderer {
    /// Maps an image to its URL relative to the page being written, its `srcset` and its size.
    let imageURL: (ImageRef) -> String
    var srcset: (ImageRef) -> String = { _ in "" }
    var size: (ImageRef) -> (Int, Int)? = { _ in nil }
    /// The URL of an image's largest copy, which a tap on its figure opens (nil: no link).
    var largest: (ImageRef) -> String? = { _ in nil }
    /// The article's alt texts by image path (`Article.alt`); a figure without one has `alt=""`.
    var alt: [String: String] = [:]
    /// The article's footnotes, rendered after its body with links both ways.
    var footnotes: [Footnote] = []
    /// How many times each note has been referred to so far: a second reference gets its own id.
    private let references = References()

    private final class References {
        var seen: [Int: Int] = [:]
    }

    func render(_ blocks: [Block]) -> String {
        blocks.map(render).joined(separator: "\n")
    }

    /// The body and, when it has footnotes, their list: each note links back to its first
    /// reference (`doc-backlink`), each reference to its note (`doc-noteref`).
    func renderArticle(_ blocks: [Block]) -> String {
        var html = render(blocks)
        guard !footnotes.isEmpty else { return html }
        html += "\n<section class=\"footnotes\" role=\"doc-endnotes\" aria-labelledby=\"footnotes-title\">\n"
            + "<h2 id=\"footnotes-title\">Chú thích</h2>\n<ol>\n"
        for note in footnotes {
            var text = note.blocks.count == 1 ? inner(note.blocks[0]) : render(note.blocks)
            text += " <a href=\"#fnref-\(note.number)\" class=\"backlink\" role=\"doc-backlink\" aria-label=\"Trở lại chỗ dẫn chú thích \(note.number)\">↑</a>"
            html += "<li id=\"fn-\(note.number)\" value=\"\(note.number)\">\(text)</li>\n"
        }
        return html + "</ol>\n</section>"
    }

    /// A paragraph's inlines without the `<p>`, so a one-paragraph note sits in its `<li>`.
    private func inner(_ block: Block) -> String {
        if case .paragraph(let inlines) = block.kind { return render(inlines) }
        return render(block)
    }

    func render(_ block: Block) -> String {
        switch block.kind {
        case .paragraph(let inlines):
            return "<p>\(render(inlines))</p>"
        case .heading(let level, let inlines):
            // The page's <h1> is the title: `#` and `##` are its sections, `###` their parts.
            let h = min(max(level, 2), 4)
            return "<h\(h)>\(render(inlines))</h\(h)>"
        case .list(let ordered, let start, let items):
            let tag = ordered ? "ol" : "ul"
            let startAttribute = ordered && start != 1 ? " start=\"\(start)\"" : ""
            let lis = items.map { item -> String in
                // A tight list item is one paragraph: no <p> inside the <li>.
                if item.count == 1, case .paragraph(let inlines) = item[0].kind { return "<li>\(render(inlines))</li>" }
                return "<li>\(render(item))</li>"
            }
            return "<\(tag)\(startAttribute)>\n\(lis.joined(separator: "\n"))\n</\(tag)>"
        case .quote(let blocks, let style):
            // A styled quote (a pull quote) repeats or highlights the text: an aside, not a citation.
            if let style { return "<aside class=\"\(HTML.escape(style))\">\n\(render(blocks))\n</aside>" }
            return "<blockquote>\n\(render(blocks))\n</blockquote>"
        case .code(let language, let text):
            let cls = language.map { " class=\"language-\(HTML.escape($0))\"" } ?? ""
            return "<pre><code\(cls)>\(HTML.escape(text))</code></pre>"
        case .figure(let figure):
            return self.figure(figure)
        case .table(let table):
            return self.table(table)
        case .rule:
            return "<hr>"
        }
    }

    /// A table in its own scrolling box (a wide table scrolls sideways on a phone, the page does
    /// not): caption, header cells scoped to their columns, numeric columns right-aligned.
    func table(_ table: Table) -> String {
        func alignment(_ c: Int) -> String {
            switch table.alignments[c] {
            case .left: " class=\"left\""
            case .center: " class=\"center\""
            case .right: " class=\"num\""
            case .none: table.isNumeric(column: c) ? " class=\"num\"" : ""
            }
        }
        let label = table.caption.map { $0.plainText } ?? "Bảng"
        var html = "<div class=\"table\" role=\"region\" tabindex=\"0\" aria-label=\"\(HTML.escape(label))\">\n<table>\n"
        if let caption = table.caption { html += "<caption>\(render(caption))</caption>\n" }
        if !table.header.isEmpty {
            html += "<thead>\n<tr>" + table.header.enumerated().map { c, cell in "<th scope=\"col\"\(alignment(c))>\(render(cell))</th>" }.joined()
                + "</tr>\n</thead>\n"
        }
        html += "<tbody>\n"
        for row in table.rows {
            html += "<tr>" + row.enumerated().map { c, cell in "<td\(alignment(c))>\(render(cell))</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>"
    }

    /// A figure: the image (its alt text from the front matter, else empty since the caption
    /// says what it shows), linked to its largest copy; the caption, then the credit on a line
    /// of its own, a full stop between them for screen readers (hidden on screen). A PNG figure
    /// is a chart or a diagram: it keeps a readable width and scrolls in its own box on a phone.
    func figure(_ figure: Figure) -> String {
        let alt = HTML.escape(self.alt[figure.image.issuePath] ?? "")
        let isChart = figure.image.format == .png
        let (w, h) = size(figure.image) ?? (figure.image.pixelWidth, figure.image.pixelHeight)
        let set = srcset(figure.image)
        let sizes = isChart ? "(min-width: 44rem) 40rem, 36rem" : "(min-width: 44rem) 40rem, 100vw"
        let srcsetAttribute = set.isEmpty ? "" : " srcset=\"\(HTML.escape(set))\" sizes=\"\(sizes)\""
        var img = "<img src=\"\(HTML.escape(imageURL(figure.image)))\"\(srcsetAttribute) alt=\"\(alt)\" width=\"\(w)\" "
            + "height=\"\(h)\" loading=\"lazy\">"
        if let large = largest(figure.image) {
            img = "<a class=\"zoom\" href=\"\(HTML.escape(large))\">\(img)<span class=\"sr-only\">Xem ảnh cỡ lớn</span></a>"
        }
        if isChart { img = "<div class=\"chart\">\(img)</div>" }
        var caption = render(figure.caption)
        if let credit = figure.credit {
            let ends = figure.caption.plainText.last.map { ".!?…:".contains($0) } ?? true
            caption += (ends ? " " : "<span class=\"sr-only\">.</span> ") + "<span class=\"credit\">\(HTML.escape(credit))</span>"
        }
        return "<figure>\n\(img)\n<figcaption>\(caption)</figcaption>\n</figure>"
    }

    func render(_ inlines: [Inline]) -> String {
        inlines.map(render).joined()
    }

    func render(_ inline: Inline) -> String {
        switch inline {
        case .text(let s): HTML.escape(s)
        case .code(let s): "<code>\(HTML.escape(s))</code>"
        case .emphasis(let c): "<em>\(render(c))</em>"
        case .strong(let c): "<strong>\(render(c))</strong>"
        case .link(let url, let c):
            if let safe = HTML.safeURL(url) { "<a href=\"\(HTML.escape(safe))\">\(render(c))</a>" } else { render(c) }
        case .softBreak: "\n"
        case .lineBreak: "<br>\n"
        case .footnote(let n):
            noteReference(n)
        }
    }

    private func noteReference(_ n: Int) -> String {
        let times = references.seen[n, default: 0] + 1
        references.seen[n] = times
        let id = times == 1 ? "fnref-\(n)" : "fnref-\(n)-\(times)"
        return "<sup class=\"noteref\"><a href=\"#fn-\(n)\" id=\"\(id)\" role=\"doc-noteref\" aria-label=\"Chú thích \(n)\">\(n)</a></sup>"
    }
}
