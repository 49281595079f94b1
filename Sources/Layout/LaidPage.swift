import Diagnostics
import Model
import Pages

/// A page as the layout laid it: the `Page` the PDF stage receives, and what only the layout
/// needs to know about it — the article and section it belongs to (for running heads), whether
/// an article opens on it, and where the column flow put each line and figure (for the page
/// dump and the tests of widows, orphans and headings).
public struct LaidPage: Sendable {
    public var page: Page
    public var articleTitle: String?
    public var sectionTitle: String?
    /// True on the page where an article starts.
    public var opensArticle = false
    public var flow: [FlowRecord] = []

    public init(_ page: Page) {
        self.page = page
    }

    public var number: Int { page.number }
    public var kind: Page.Kind { page.kind }
    public var isRecto: Bool { page.isRecto }
    public var items: [PageItem] { page.items }
}

/// One line, heading line or figure as the column flow placed it.
public struct FlowRecord: Sendable, Hashable {
    public enum Kind: String, Sendable { case line, heading, figure }
    public var column: Int
    public var kind: Kind
    /// The paragraph (or figure) in its source file.
    public var source: SourceRange?
    /// Position of the line in its paragraph, and the paragraph's number of lines.
    public var index: Int
    public var count: Int
    public var top: Pt
    public var bottom: Pt
}

extension LaidPage {
    /// Where in the sources the line or figure at `point` came from: the flow record whose
    /// band holds the point's height, in the column nearest it; nil for what the flow did not
    /// place (an opener, a running head, the cover).
    public func source(at point: Point, layout: LayoutSpec) -> SourceRange? {
        let geometry = PageGeometry(layout: layout)
        func distance(_ record: FlowRecord) -> Double {
            let left = geometry.columnX(record.column, page: number), right = left + geometry.columnWidth
            return point.x < left ? (left - point.x).value : point.x > right ? (point.x - right).value : 0
        }
        return flow.filter { $0.source != nil && $0.top - 1 <= point.y && point.y <= $0.bottom + 1 }
            .min { distance($0) < distance($1) }?.source
    }
}
