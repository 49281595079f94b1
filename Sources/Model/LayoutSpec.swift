/// A print layout as a designer wrote it in `layouts/<name>.yaml`, read over `layouts/defaults.yaml`:
/// typed, every value given by one of the two files (the types hold no defaults of their own).
public struct LayoutSpec: Sendable {
    public var name: String
    /// The trimmed page (A4 = 210 × 297 mm).
    public var trim: Size
    /// How far artwork touching the trim edge extends beyond it.
    public var bleed: Pt
    public var margins: Margins
    public var columns: Int
    public var gutter: Pt
    /// Family name → the files of its faces in `fonts/`.
    public var fonts: [String: FontFamily]
    /// Paragraph and character styles, one for every `StyleName`.
    public var styles: Styles
    /// Largest height of a figure's image, as a fraction of the column height.
    public var figureMaxHeight: Double
    /// Whether a short article's successor may start on the same page, below it.
    public var articlesRunOn: Bool
    /// Where a run-on article starts below its predecessor.
    public var runOn: RunOn
    /// Running heads and folios of left-hand (even) and right-hand (odd) pages.
    public var masters: Masters
    /// What fills the issue up to a multiple of four pages.
    public var padding: Padding
    /// The words and measures of the padding pages.
    public var paddingPages: PaddingFurniture
    /// Whether the issue ends with a colophon page (editorial board, publisher, printer).
    public var colophon: Bool
    public var colophonPage: ColophonFurniture
    public var opener: Opener
    /// The print PDF: PDF/X-4 or plain, crop marks or none.
    public var pdfx: Bool
    /// The printer's marks outside the bleed (`print: { marks: [crop, …] }`).
    public var marks: PrinterMarks
    public var cropMarks: Bool { marks.contains(.crop) }
    /// The printing condition's ICC profile (a file under `layouts/`) and its name; the shop's own wins.
    public var outputProfile: String
    public var outputCondition: String
    /// The RGB the pages are drawn in, declared device-independent in PDF/X-4.
    public var rgbProfile: String
    /// `print: { colour: cmyk }`: print.pdf's images and colours converted to the output
    /// profile's CMYK here (`ink-limit`, `intent`), rather than left in sRGB to the shop's RIP.
    public var cmyk = false
    /// The most ink any point carries, as a fraction per plate summed (3.0 is 300 %).
    public var inkLimit = 3.0
    public var perceptual = false
    /// Whether pure black text and rules overprint (print on top of what is under them rather
    /// than knocking it out), so a misregistered plate never shows a white halo.
    public var overprintBlack = true
    /// The 2-up imposition's sheet and creep (`booklet:`).
    public var booklet = BookletSpec()
    public var cover: CoverFurniture
    /// The contents page's heading, whether entries name the authors, and its measures.
    public var contents: ContentsFurniture
    /// Images wider than this (width ÷ height) span all columns.
    public var figureWideRatio: Double
    /// A figure spanning columns is never wider than its size at this resolution (nor narrower
    /// than a column), so it prints sharp; a column figure always fills its column.
    public var figureMinPPI: Double
    /// Families tried, in order, for a character the style's own family lacks.
    public var fallback: [String]
    /// How far a space may stretch and shrink, as fractions of its width.
    public var spaceStretch: Double
    public var spaceShrink: Double
    public var breaking: LineBreaking
    /// What a non-breaking space (U+00A0) is in running text.
    public var noBreakSpace: NoBreakSpace = .keep
    /// When set, baselines in columns fall on multiples of this distance from the frame's top.
    public var baselineGrid: Pt?
    /// How far list items and quotations are indented, and the space a thematic break leaves.
    public var blocks: BlockSpacing

    public init(name: String, trim: Size, bleed: Pt, margins: Margins, columns: Int, gutter: Pt,
                fonts: [String: FontFamily], styles: Styles, figureMaxHeight: Double, articlesRunOn: Bool, runOn: RunOn,
                masters: Masters, padding: Padding, paddingPages: PaddingFurniture, colophon: Bool, colophonPage: ColophonFurniture,
                opener: Opener, pdfx: Bool, cropMarks: Bool, outputProfile: String, outputCondition: String,
                rgbProfile: String, cover: CoverFurniture, contents: ContentsFurniture, figureWideRatio: Double, figureMinPPI: Double,
                fallback: [String], spaceStretch: Double, spaceShrink: Double, breaking: LineBreaking, baselineGrid: Pt?,
                blocks: BlockSpacing) {
        self.name = name
        self.trim = trim
        self.bleed = bleed
        self.margins = margins
        self.columns = columns
        self.gutter = gutter
        self.fonts = fonts
        self.styles = styles
        self.figureMaxHeight = figureMaxHeight
        self.articlesRunOn = articlesRunOn
        self.runOn = runOn
        self.masters = masters
        self.padding = padding
        self.paddingPages = paddingPages
        self.colophon = colophon
        self.colophonPage = colophonPage
        self.opener = opener
        self.pdfx = pdfx
        self.marks = cropMarks ? .crop : []
        self.outputProfile = outputProfile
        self.outputCondition = outputCondition
        self.rgbProfile = rgbProfile
        self.cover = cover
        self.contents = contents
        self.figureWideRatio = figureWideRatio
        self.figureMinPPI = figureMinPPI
        self.fallback = fallback
        self.spaceStretch = spaceStretch
        self.spaceShrink = spaceShrink
        self.breaking = breaking
        self.baselineGrid = baselineGrid
        self.blocks = blocks
    }

    public func style(_ name: StyleName) -> TextStyle { styles[name] }

    /// A built-in style or one the layout defines (`styles: { pullquote: { based-on: quote } }`).
    public func style(named name: String) -> TextStyle? {
        StyleName(rawValue: name).map { styles[$0] } ?? styles.custom[name]
    }

    /// Every style name an article may apply to a block quote (`> [!name]`).
    public var quoteStyleNames: [String] { ([StyleName.quote.rawValue] + styles.custom.keys).sorted() }
}

public struct Margins: Sendable, Hashable {
    public var top: Pt
    public var bottom: Pt
    /// On the spine side: left on right-hand (odd) pages, right on left-hand pages.
    public var inside: Pt
    public var outside: Pt

    public init(top: Pt, bottom: Pt, inside: Pt, outside: Pt) {
        self.top = top
        self.bottom = bottom
        self.inside = inside
        self.outside = outside
    }
}

public struct FontFamily: Sendable, Hashable {
    public var regular: String
    public var bold: String?
    public var italic: String?
    public var boldItalic: String?

    public init(regular: String, bold: String? = nil, italic: String? = nil, boldItalic: String? = nil) {
        self.regular = regular
        self.bold = bold
        self.italic = italic
        self.boldItalic = boldItalic
    }

    /// The file for a weight and slant, falling back to the nearest face the family has.
    public func file(bold isBold: Bool, italic isItalic: Bool) -> String {
        switch (isBold, isItalic) {
        case (true, true): boldItalic ?? bold ?? italic ?? regular
        case (true, false): bold ?? regular
        case (false, true): italic ?? regular
        case (false, false): regular
        }
    }

    public var files: [String] { [regular, bold, italic, boldItalic].compactMap { $0 } }
}

/// How an article opens: the section's name above the title, the standfirst's width, a rule
/// under the byline. Title, subtitle, standfirst and byline span all columns.
public struct Opener: Sendable, Hashable {
    public var kicker: Bool
    public var rule: Bool
    /// The standfirst's measure, as a fraction of the type area's width.
    public var standfirstWidth: Double
    /// Space below the kicker; between the byline and its rule; the rule's weight.
    public var kickerBelow: Pt
    public var ruleAbove: Pt
    public var ruleWidth: Pt

    public init(kicker: Bool, rule: Bool, standfirstWidth: Double, kickerBelow: Pt, ruleAbove: Pt, ruleWidth: Pt) {
        self.kicker = kicker
        self.rule = rule
        self.standfirstWidth = standfirstWidth
        self.kickerBelow = kickerBelow
        self.ruleAbove = ruleAbove
        self.ruleWidth = ruleWidth
    }
}

/// The furniture of left and right pages: a running head (a template such as
/// `{publication} · {issue}`) and where the folio goes.
public struct Masters: Sendable, Hashable {
    public var left: MasterPage
    public var right: MasterPage
    /// Whether the page that opens an article carries the running head too.
    public var headOnOpeners: Bool
    /// The running head's baseline above the type area, its hairline's gap below it and weight,
    /// and the folio's distance below the type area.
    public var headAbove: Pt
    public var headRuleGap: Pt
    public var headRuleWidth: Pt
    public var folioBelow: Pt

    public init(left: MasterPage, right: MasterPage, headOnOpeners: Bool, headAbove: Pt, headRuleGap: Pt,
                headRuleWidth: Pt, folioBelow: Pt) {
        self.left = left
        self.right = right
        self.headOnOpeners = headOnOpeners
        self.headAbove = headAbove
        self.headRuleGap = headRuleGap
        self.headRuleWidth = headRuleWidth
        self.folioBelow = folioBelow
    }

    /// The fields a running head may name.
    public static let fields = ["publication", "issue", "section", "article", "date"]
}

public struct MasterPage: Sendable, Hashable {
    public enum Folio: String, Sendable, CaseIterable { case outside, inside, center, none }
    public var head: String
    public var folio: Folio

    public init(head: String, folio: Folio) {
        self.head = head
        self.folio = folio
    }
}

public enum Padding: String, Sendable, CaseIterable {
    /// No padding: the page count is what the content makes (the preflight will complain).
    case none
    /// "Trang này cố ý để trống".
    case blank
    /// A ruled page headed "Ghi chú".
    case notes
    /// The bulletin's own advertisement: how to read, subscribe and write to it.
    case advert
}

/// `text: nbsp:` — text pasted from a word processor or a web page often has non-breaking
/// spaces between all its words: `space` treats each as an ordinary space.
public enum NoBreakSpace: String, Sendable, CaseIterable {
    /// A line never breaks there (`Số 4`, `10 km` typed with one on purpose).
    case keep
    /// An ordinary space.
    case space
}

public enum LineBreaking: String, Sendable, CaseIterable {
    /// Knuth & Plass (1981): the best breaks for the whole paragraph.
    case totalFit = "total-fit"
    /// First fit, line by line: the comparison.
    case greedy
}

public enum Alignment: String, Sendable, CaseIterable {
    case justify, left, center, right
}

/// A colour as the layout writes it: `#1a1a1a`. Black and greys stay exact.
public struct Color: Sendable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    public static let black = Color(red: 0, green: 0, blue: 0)
    public static let white = Color(red: 1, green: 1, blue: 1)

    /// Parses `#rrggbb`.
    public init?(hex: String) {
        guard hex.hasPrefix("#"), hex.count == 7, let v = Int(hex.dropFirst(), radix: 16) else { return nil }
        self.init(red: Double((v >> 16) & 0xFF) / 255, green: Double((v >> 8) & 0xFF) / 255, blue: Double(v & 0xFF) / 255)
    }

    public var hex: String {
        func h(_ c: Double) -> String {
            let s = String(Int((c * 255).rounded()), radix: 16)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + h(red) + h(green) + h(blue)
    }
}

/// `rules:` of a style: none, above, below or above-below.
public struct StyleRules: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let above = StyleRules(rawValue: 1)
    public static let below = StyleRules(rawValue: 2)

    public static let names: [String: StyleRules] = ["none": [], "above": .above, "below": .below, "above-below": [.above, .below]]
}

/// A paragraph style: font, size, leading, alignment, spacing.
public struct TextStyle: Sendable, Hashable {
    public var family: String
    public var bold: Bool
    public var italic: Bool
    public var size: Pt
    public var leading: Pt
    public var align: Alignment
    public var firstLineIndent: Pt
    public var spaceBefore: Pt
    public var spaceAfter: Pt
    public var color: Color
    public var uppercase: Bool
    /// Extra space between grapheme clusters (letter-spacing); zero for body text.
    public var tracking: Pt
    /// Rules above and below the block (`rules: above-below`), as a pull quote has.
    public var rules: StyleRules = []
    /// `first` only: the article's first paragraph opens with an initial this many lines tall
    /// (0: none).
    public var dropCap = 0

    public init(family: String, bold: Bool, italic: Bool, size: Pt, leading: Pt, align: Alignment, firstLineIndent: Pt,
                spaceBefore: Pt, spaceAfter: Pt, color: Color, uppercase: Bool, tracking: Pt) {
        self.family = family
        self.bold = bold
        self.italic = italic
        self.size = size
        self.leading = leading
        self.align = align
        self.firstLineIndent = firstLineIndent
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.color = color
        self.uppercase = uppercase
        self.tracking = tracking
    }
}
