/// Layout: from the document and set lines to pages.
///
/// Steps: `PageGeometry` places the trim, bleed, margins and columns of each page →
/// `ArticleComposer` turns an article's blocks into `Flowable`s (set lines, figures, space) →
/// `ColumnFlow` pours them into columns and pages → `CoverPage`, `ContentsPage` and
/// `RunningHeads` add the issue's furniture → `Paginator` ties it together and pads the
/// page count for saddle stitching. Its output is `[LaidPage]`: each a `Page` (module Pages),
/// all the PDF stage sees, with the layout's own records beside it.
import Diagnostics
import Model
import Pages
import Typesetting

/// The layout stage's entry point: an issue in, its pages out.
public struct Paginator: Sendable {
    public let issue: Issue
    public let layout: LayoutSpec
    public let typesetter: Typesetter

    public init(issue: Issue, layout: LayoutSpec, typesetter: Typesetter) {
        self.issue = issue
        self.layout = layout
        self.typesetter = typesetter
    }

    /// Where each article starts, for the contents page and the screen PDF's bookmarks.
    public struct Result: Sendable {
        /// The pages with the layout's records of them; `pages` is what the PDF stage receives.
        public var laid: [LaidPage]
        public var pages: [Page] { laid.map(\.page) }
        public var articleStarts: [(article: String, page: Int)]
        /// Pages added at the end so the count is a multiple of 4 (saddle stitch).
        public var paddedPages: Int
        /// What the layout could not do well, with where it comes from (a figure too tall for a page).
        public var problems: [Diagnostic]
    }

    /// The articles typeset at the column width, ready to be poured into pages.
    public struct Composition: Sendable {
        fileprivate var articles: [[Flowable]]
        /// How many articles were typeset now (the others came from the store).
        public var typesetArticles: Int
    }

    /// Typesetting: every article's body set into lines and figure boxes — or taken from the
    /// store, when it holds this article as it is now.
    public func compose(reusing store: ArticleStore? = nil) throws -> Composition {
        let geometry = PageGeometry(layout: layout)
        let frame = geometry.frame(page: 1)
        let composer = ArticleComposer(typesetter: typesetter, layout: layout, columnWidth: geometry.columnWidth,
                                       columnHeight: frame.height, frameWidth: frame.width)
        let bodies = try Parallel.map(Array(issue.articles.enumerated())) { n, article -> (flowables: [Flowable], typeset: Bool) in
            if let stored = store?.load(n, article) { return (stored, false) }
            let flowables = try composer.flowables(article)
            store?.store(n, article, flowables)
            return (flowables, true)
        }
        return Composition(articles: bodies.map(\.flowables), typesetArticles: bodies.filter(\.typeset).count)
    }

    /// Pagination: cover, contents, the articles' pages, padding, colophon, running heads and folios.
    public func paginate(_ composition: Composition) throws -> Result {
        let geometry = PageGeometry(layout: layout)
        var bodies = composition.articles.makeIterator()
        var pages: [LaidPage] = []
        if issue.cover != nil {
            pages.append(LaidPage(try CoverPage(issue: issue, layout: layout, typesetter: typesetter, geometry: geometry).page()))
        }
        let contents = ContentsPage(issue: issue, layout: layout, typesetter: typesetter, geometry: geometry)
        let contentsNumber = pages.count + 1
        let laidContents = try contents.layOut(from: contentsNumber)
        let contentsPages = laidContents.pages.count
        for n in 0..<contentsPages { pages.append(LaidPage(geometry.blankPage(contentsNumber + n, kind: .contents))) }

        // Every opener's lines, set side by side: they depend on the frame's width only.
        let opened = issue.sections.flatMap { section in section.articles.map { (section, $0) } }
        let width = geometry.frame(page: 1).width
        var openers = try Parallel.map(opened) { section, article in
            try Opener(article: article, section: section, issue: issue, layout: layout, typesetter: typesetter).set(width: width)
        }.makeIterator()

        var starts: [(String, Int)] = []
        var problems: [Diagnostic] = []
        // When articles may run on, the last page and the height below its content.
        var runOnFrom: Pt?
        for section in issue.sections {
            for article in section.articles {
                var page: LaidPage
                var y: Pt
                if let from = runOnFrom, !pages.isEmpty {
                    page = pages.removeLast()
                    y = from + layout.runOn.above
                    let frame = geometry.frame(page: page.number)
                    page.page.items.append(.rule(from: Point(x: frame.x, y: y), to: Point(x: frame.maxX, y: y), width: layout.runOn.ruleWidth,
                                            color: .black))
                    y = y + layout.runOn.below
                    page.opensArticle = true
                } else {
                    page = LaidPage(geometry.blankPage(pages.count + 1, kind: .article))
                    page.articleTitle = article.title
                    page.sectionTitle = section.title
                    page.opensArticle = true
                    y = geometry.frame(page: page.number).y
                }
                starts.append((article.slug, page.number))
                page.page.anchors.append(Anchor(name: article.slug, at: Point(x: geometry.frame(page: page.number).x, y: y)))
                y = Opener(article: article, section: section, issue: issue, layout: layout, typesetter: typesetter)
                    .draw(openers.next()!, on: &page.page, frame: geometry.frame(page: page.number), from: y)
                let body = bodies.next() ?? []
                var flow = ColumnFlow(opening: page, startingAt: y, geometry: geometry, article: article.title, section: section.title)
                flow.place(body)
                flow.finish()
                flow.balance(body)
                flow.closeColumn()
                for box in flow.oversized {
                    let what = box.image.map { "the figure '\($0.issuePath)'" } ?? "the table"
                    problems.append(.error("figure-too-large", "\(what) with its caption is taller than a page",
                                           at: box.source, hint: "shorten the caption, or lower `figures: max-height` in the layout"))
                }
                pages += flow.pages
                let frame = geometry.frame(page: pages.count)
                runOnFrom = layout.articlesRunOn && frame.maxY - flow.lowest >= frame.height * layout.runOn.room ? flow.lowest : nil
            }
        }
        let set = try contents.numbered(laidContents, starts: Dictionary(starts) { a, _ in a })
        pages.replaceSubrange((contentsNumber - 1)..<(contentsNumber - 1 + contentsPages), with: set.map(LaidPage.init))

        // Pad to a multiple of four (saddle stitch), keeping the colophon on the last page.
        let back = BackMatter(issue: issue, layout: layout, typesetter: typesetter, geometry: geometry)
        let colophon = layout.colophon ? 1 : 0
        var padded = 0
        while layout.padding != .none, (pages.count + colophon) % 4 != 0 {
            pages.append(LaidPage(try back.padding(pages.count + 1, nth: padded)))
            padded += 1
        }
        if layout.colophon { pages.append(LaidPage(try back.colophon(pages.count + 1))) }
        try RunningHeads(issue: issue, layout: layout, typesetter: typesetter, geometry: geometry).apply(to: &pages)
        return Result(laid: pages, articleStarts: starts, paddedPages: padded, problems: problems)
    }
}

extension Paginator.Composition {
    /// Every set line of every article, `Line w=… r=… "…"`, for `bantin dump lines`.
    public var dump: String {
        articles.enumerated().map { n, flowables in
            "Article \(n + 1)\n" + flowables.compactMap { f -> String? in
                switch f {
                case .line(let box): "  " + box.line.dump
                case .figure(let box): "  \(box.image.map { "Figure \($0.issuePath)" } ?? "Table") \(box.imageSize.width.formatted)×\(box.imageSize.height.formatted)"
                case .row(let row): "  Row " + row.cells.map { $0.lines.map(\.text).joined(separator: " ") }.joined(separator: " | ")
                case .space: nil
                }
            }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

extension Paginator.Composition {
    /// A warning for each paragraph in which a word had to be cut to stay in its column, at the
    /// paragraph, quoting where it was cut.
    public var cutWords: [Diagnostic] {
        var out: [Diagnostic] = [], last: SourceRange?
        for flowables in articles {
            for case .line(let box) in flowables where box.line.endsInsideWord && (box.source == nil || box.source != last) {
                last = box.source
                let end = String(box.line.text.unicodeScalars.suffix(24)).trimmingCharacters(in: .whitespaces)
                out.append(.warning("word-cut", "a word too wide for the column was cut after “…\(end)”", at: box.source,
                                    hint: "a run of non-breaking spaces (pasted from a word processor) joins its words into one: "
                                        + "type ordinary spaces, or set `nbsp: space` in the layout; a long address can take a shorter form"))
            }
        }
        return out
    }

    /// Every set line of the issue's article bodies.
    public var lines: [SetLine] { quality.flatMap { $0.paragraphs.flatMap(\.lines) } }

    /// Per article, its paragraphs' lines with where each paragraph is in the source.
    public var quality: [ArticleQuality] {
        articles.map { flowables in
            var paragraphs: [ArticleQuality.Paragraph] = []
            for case .line(let box) in flowables {
                if let last = paragraphs.last, last.source == box.source, box.index > 0 {
                    paragraphs[paragraphs.count - 1].lines.append(box.line)
                } else {
                    paragraphs.append(.init(source: box.source, lines: [box.line]))
                }
            }
            return ArticleQuality(paragraphs: paragraphs)
        }
    }
}

/// The typesetting quality of one article: what `bantin check` reports.
public struct ArticleQuality: Sendable {
    public struct Paragraph: Sendable {
        public var source: SourceRange?
        public var lines: [SetLine]
        /// The largest adjustment of any line, stretched or shrunk.
        public var worstRatio: Double { lines.map { abs($0.ratio) }.max() ?? 0 }
    }

    public var paragraphs: [Paragraph]
    public var lineCount: Int { paragraphs.reduce(0) { $0 + $1.lines.count } }
    public var overfull: Int { paragraphs.reduce(0) { $0 + $1.lines.filter(\.isOverfull).count } }
    /// Lines whose spaces stretch beyond their stretch (adjustment ratio above 1).
    public var loose: Int { paragraphs.reduce(0) { $0 + $1.lines.filter { $0.ratio > 1 }.count } }
    public var worst: Paragraph? { paragraphs.max { $0.worstRatio < $1.worstRatio } }
}
