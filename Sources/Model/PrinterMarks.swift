/// The marks a printing shop may ask for outside the bleed (`print: { marks: [...] }`): crop
/// marks at the trim's corners, registration targets at the middle of each side, a colour bar
/// of the process inks and their tints, and a slug line naming the issue, page and date.
public struct PrinterMarks: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let crop = PrinterMarks(rawValue: 1)
    public static let registration = PrinterMarks(rawValue: 2)
    public static let colourBar = PrinterMarks(rawValue: 4)
    public static let slug = PrinterMarks(rawValue: 8)

    /// The layout's words for each mark, in the order they are listed.
    public static let names: [(String, PrinterMarks)] = [("crop", .crop), ("registration", .registration),
                                                         ("colour-bar", .colourBar), ("slug", .slug)]
}

/// Where the marks go, shared by print.pdf, booklet.pdf and the layout's checks (PRINT.md):
/// each mark starts `offset` from the trim, outside the bleed, and runs `length`.
public enum MarkGeometry {
    public static let length: Pt = .mm(6)
    /// The shortest crop mark a shop will still find: a booklet sheet with less room is refused.
    public static let shortestLength: Pt = .mm(3)
    public static func offset(bleed: Pt) -> Pt { max(.mm(3), bleed + .mm(1)) }
    /// Room the media grows by on every side beyond the trim to hold the marks.
    public static func room(bleed: Pt) -> Pt { offset(bleed: bleed) + length + .mm(2) }
    /// The registration targets' radius; their crosses reach 1.3 times as far.
    public static let targetRadius: Pt = .mm(2.5)

    /// Where the slug line's top goes (top-left coordinates): below the foot's bleed, right of
    /// the middle target; and how wide it may run.
    public static func slugPlace(trim t: Rect, bleed: Pt) -> (x: Pt, y: Pt, width: Pt) {
        let x = t.x + t.width / 2.0 + targetRadius * 1.3 + .mm(3)
        return (x, t.maxY + bleed + .mm(1.5), t.maxX - x - .mm(2))
    }
}

/// The standard press sheets a booklet is imposed on (PRINT.md): SRA3 or A3 for A4 pages, SRA4
/// or A4 for A5 pages. Portrait sizes; a sheet is turned to lie as its spread does.
public enum SheetSize: String, CaseIterable, Sendable {
    // Smallest first: `auto` takes the first that holds the pages.
    case a4 = "A4", sra4 = "SRA4", a3 = "A3", sra3 = "SRA3"

    public var size: Size {
        switch self {
        case .sra4: Size(width: .mm(225), height: .mm(320))
        case .a4: Size(width: .mm(210), height: .mm(297))
        case .sra3: Size(width: .mm(320), height: .mm(450))
        case .a3: Size(width: .mm(297), height: .mm(420))
        }
    }
}

/// `booklet:` in a layout: the sheet the 2-up imposition is printed on (nil: the smallest
/// standard sheet that holds the spread, its bleed and its marks) and the creep — how far each
/// sheet's pages move towards the spine for every sheet outside it.
public struct BookletSpec: Sendable, Hashable {
    public var sheet: SheetSize?
    public var creep: Pt

    public init(sheet: SheetSize? = nil, creep: Pt = 0) {
        self.sheet = sheet
        self.creep = creep
    }
}

/// A booklet sheet laid out: the sheet (turned to the spread), the spread's trim on it (centred,
/// top-left coordinates) and how long its crop marks can be.
public struct BookletGeometry: Sendable, Equatable {
    public var sheet: Size
    public var spread: Rect
    public var markLength: Pt

    /// Two pages of `trim` side by side, with `bleed` and crop marks around them, on `sheet`;
    /// nil when they do not fit (marks shorter than `MarkGeometry.shortestLength`).
    public init?(sheet: SheetSize, trim: Size, bleed: Pt) {
        let spread = Size(width: trim.width * 2, height: trim.height)
        let portrait = sheet.size
        let turned = spread.width > spread.height ? Size(width: portrait.height, height: portrait.width) : portrait
        let room = min(turned.width - spread.width, turned.height - spread.height) / 2.0
        let length = min(MarkGeometry.length, room - MarkGeometry.offset(bleed: bleed))
        guard length >= MarkGeometry.shortestLength else { return nil }
        self.sheet = turned
        self.spread = Rect(x: (turned.width - spread.width) / 2.0, y: (turned.height - spread.height) / 2.0,
                           width: spread.width, height: spread.height)
        markLength = length
    }

    /// The sheet a layout asks for, or the smallest standard one that holds its pages.
    public static func choose(_ spec: BookletSpec, trim: Size, bleed: Pt) -> BookletGeometry? {
        if let sheet = spec.sheet { return BookletGeometry(sheet: sheet, trim: trim, bleed: bleed) }
        return SheetSize.allCases.lazy.compactMap { BookletGeometry(sheet: $0, trim: trim, bleed: bleed) }.first
    }

    /// What a spread of `trim` pages needs at least, for the message when nothing fits.
    public static func needed(trim: Size, bleed: Pt) -> Size {
        let margin = (MarkGeometry.offset(bleed: bleed) + MarkGeometry.shortestLength) * 2
        return Size(width: trim.width * 2 + margin, height: trim.height + margin)
    }
}
