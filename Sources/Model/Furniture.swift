/// The words and measures of the pages around the articles — cover, contents, padding pages,
/// colophon — and of the furniture between articles, as `layouts/defaults.yaml` and a layout give
/// them. Texts are templates: `{publication}`, `{next}`… are filled by the layout stage.

/// The cover's type over its image: title, a short rule, the issue line, the publisher, the headline.
public struct CoverFurniture: Sendable, Hashable {
    /// The type's distance from the trim's left and right edges, and from its top to the title.
    public var inset: Pt
    public var top: Pt
    public var ruleAbove: Pt
    public var ruleLength: Pt
    public var ruleWidth: Pt
    public var ruleBelow: Pt
    public var headlineAbove: Pt
    /// The headline's measure, as a fraction of the type's width.
    public var headlineWidth: Double

    public init(inset: Pt, top: Pt, ruleAbove: Pt, ruleLength: Pt, ruleWidth: Pt, ruleBelow: Pt, headlineAbove: Pt,
                headlineWidth: Double) {
        self.inset = inset
        self.top = top
        self.ruleAbove = ruleAbove
        self.ruleLength = ruleLength
        self.ruleWidth = ruleWidth
        self.ruleBelow = ruleBelow
        self.headlineAbove = headlineAbove
        self.headlineWidth = headlineWidth
    }
}

/// The contents page: its heading, whether entries name the authors, and its spacing.
public struct ContentsFurniture: Sendable, Hashable {
    public var title: String
    public var authors: Bool
    public var titleBelow: Pt
    public var issueBelow: Pt
    /// A section's name: space above it, below it to its rule, the rule's weight, space below the
    /// rule, and the room it needs at the foot of a page (else it moves to the next).
    public var sectionAbove: Pt
    public var sectionBelow: Pt
    public var sectionRuleWidth: Pt
    public var sectionRuleBelow: Pt
    public var sectionKeep: Pt
    /// The page numbers' column, the gap before it, and the space after each entry.
    public var pageWidth: Pt
    public var pageGap: Pt
    public var entryBelow: Pt

    public init(title: String, authors: Bool, titleBelow: Pt, issueBelow: Pt, sectionAbove: Pt, sectionBelow: Pt,
                sectionRuleWidth: Pt, sectionRuleBelow: Pt, sectionKeep: Pt, pageWidth: Pt, pageGap: Pt, entryBelow: Pt) {
        self.title = title
        self.authors = authors
        self.titleBelow = titleBelow
        self.issueBelow = issueBelow
        self.sectionAbove = sectionAbove
        self.sectionBelow = sectionBelow
        self.sectionRuleWidth = sectionRuleWidth
        self.sectionRuleBelow = sectionRuleBelow
        self.sectionKeep = sectionKeep
        self.pageWidth = pageWidth
        self.pageGap = pageGap
        self.entryBelow = entryBelow
    }
}

/// The pages that fill an issue to a multiple of four.
public struct PaddingFurniture: Sendable, Hashable {
    /// "Trang này cố ý để trống", centred on a blank page.
    public var blankText: String
    /// A notes page: its heading, then ruled lines.
    public var notesTitle: String
    public var notesFirstLine: Pt
    public var notesLineSpacing: Pt
    public var notesBottom: Pt
    public var notesRuleWidth: Pt
    public var notesRuleColor: Color
    /// The advertisement: a bar, a heading and lines of text, from a fraction of the page's height down.
    public var advertTop: Double
    public var advertBarAbove: Pt
    public var advertBarHeight: Pt
    public var advertTitle: String
    public var advertTitleAbove: Pt
    public var advertTitleBelow: Pt
    /// Lines of text; a line naming a field the publication does not give (`{contact}`, `{url}`) is left out.
    public var advertLines: [String]
    public var advertLineBelow: Pt
    /// How `{next}` names the next issue: `Quý {quarter}/{year}`.
    public var nextIssue: String

    public init(blankText: String, notesTitle: String, notesFirstLine: Pt, notesLineSpacing: Pt, notesBottom: Pt,
                notesRuleWidth: Pt, notesRuleColor: Color, advertTop: Double, advertBarAbove: Pt, advertBarHeight: Pt,
                advertTitle: String, advertTitleAbove: Pt, advertTitleBelow: Pt, advertLines: [String],
                advertLineBelow: Pt, nextIssue: String) {
        self.blankText = blankText
        self.notesTitle = notesTitle
        self.notesFirstLine = notesFirstLine
        self.notesLineSpacing = notesLineSpacing
        self.notesBottom = notesBottom
        self.notesRuleWidth = notesRuleWidth
        self.notesRuleColor = notesRuleColor
        self.advertTop = advertTop
        self.advertBarAbove = advertBarAbove
        self.advertBarHeight = advertBarHeight
        self.advertTitle = advertTitle
        self.advertTitleAbove = advertTitleAbove
        self.advertTitleBelow = advertTitleBelow
        self.advertLines = advertLines
        self.advertLineBelow = advertLineBelow
        self.nextIssue = nextIssue
    }
}

/// The colophon at the foot of the last page: headings and templates of the imprint.
public struct ColophonFurniture: Sendable, Hashable {
    /// The imprint's measure, as a fraction of the type area's width.
    public var width: Double
    public var board: String
    public var publisher: String
    public var issn: String
    public var date: String
    public var bottom: Pt
    public var ruleAbove: Pt
    public var ruleWidth: Pt

    public init(width: Double, board: String, publisher: String, issn: String, date: String, bottom: Pt, ruleAbove: Pt,
                ruleWidth: Pt) {
        self.width = width
        self.board = board
        self.publisher = publisher
        self.issn = issn
        self.date = date
        self.bottom = bottom
        self.ruleAbove = ruleAbove
        self.ruleWidth = ruleWidth
    }
}

/// Where a run-on article starts: a gap, a rule, a gap — if the page has room enough left.
public struct RunOn: Sendable, Hashable {
    public var above: Pt
    public var ruleWidth: Pt
    public var below: Pt
    /// The least room left on the page, as a fraction of the type area's height.
    public var room: Double

    public init(above: Pt, ruleWidth: Pt, below: Pt, room: Double) {
        self.above = above
        self.ruleWidth = ruleWidth
        self.below = below
        self.room = room
    }
}

public enum FootnotePlace: String, Sendable, Hashable, CaseIterable {
    /// At the foot of the column whose text refers to them, on the same page.
    case column
    /// After the article's last paragraph (endnotes).
    case end
}

/// Indents of list items and quotations, and the space a thematic break (`***`) leaves.
public struct BlockSpacing: Sendable, Hashable {
    public var listIndent: Pt
    public var quoteIndent: Pt
    public var breakSpace: Pt
    /// Where footnotes are set (`text: { footnotes: column }`).
    public var footnotes: FootnotePlace = .column

    public init(listIndent: Pt, quoteIndent: Pt, breakSpace: Pt) {
        self.listIndent = listIndent
        self.quoteIndent = quoteIndent
        self.breakSpace = breakSpace
    }
}

extension String {
    /// The template with its `{field}`s filled; nil when it names a field whose value is nil.
    /// Unknown fields and unmatched braces stay as written.
    public func filling(_ values: [String: String?]) -> String? {
        var out = ""
        var rest = Substring(self)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let field = String(rest[rest.index(after: open)..<close])
            if let value = values[field] {
                guard let value else { return nil }
                out += value
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
