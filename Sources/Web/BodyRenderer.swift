import Model

/// Blocks and inlines as HTML. Raw HTML never passes: text is always escaped.
struct BodyRenderer {
    /// Maps an image to its URL relative to the page being written, its `srcset` and its size.
    let imageURL: (ImageRef) -> String
    var srcset: (ImageRef) -> String = { _ in "" }
    var size: (ImageRef) -> (Int, Int)? = { _ in nil }
    /// The shallowest heading level of the article: it becomes `<h2>` under the page's `<h1>`
    /// title, and deeper ones follow without skipping a level (a screen reader's outline).
    var topLevel = 1

    func render(_ blocks: [Block]) -> String {
        blocks.map(render).joined(separator: "\n")
    }

    func render(_ block: Block) -> String {
        switch block.kind {
        case .paragraph(let inlines):
            return "<p>\(render(inlines))</p>"
        case .heading(let level, let inlines):
            let h = min(max(level - topLevel + 2, 2), 4)
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
        case .quote(let blocks):
            return "<blockquote>\n\(render(blocks))\n</blockquote>"
        case .code(let language, let text):
            let cls = language.map { " class=\"language-\(HTML.escape($0))\"" } ?? ""
            return "<pre><code\(cls)>\(HTML.escape(text))</code></pre>"
        case .figure(let figure):
            return self.figure(figure)
        case .rule:
            return "<hr>"
        }
    }

    func figure(_ figure: Figure) -> String {
        let alt = HTML.escape(figure.caption.plainText)
        let (w, h) = size(figure.image) ?? (figure.image.pixelWidth, figure.image.pixelHeight)
        let set = srcset(figure.image)
        let srcsetAttribute = set.isEmpty ? "" : " srcset=\"\(HTML.escape(set))\" sizes=\"(min-width: 44rem) 40rem, 100vw\""
        let img = "<img src=\"\(HTML.escape(imageURL(figure.image)))\"\(srcsetAttribute) alt=\"\(alt)\" width=\"\(w)\" "
            + "height=\"\(h)\" loading=\"lazy\">"
        var caption = render(figure.caption)
        if let credit = figure.credit {
            caption += " <span class=\"credit\">\(HTML.escape(credit))</span>"
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
        }
    }
}
