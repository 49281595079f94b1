import Diagnostics

/// A block of an article's body, with where it stands in the source.
public struct Block: Sendable {
    public indirect enum Kind: Sendable {
        case paragraph([Inline])
        case heading(level: Int, [Inline])
        case list(ordered: Bool, start: Int, items: [[Block]])
        /// A block quote; `style` names a layout's paragraph style for it (`> [!pullquote]`).
        case quote([Block], style: String?)
        case code(language: String?, text: String)
        case figure(Figure)
        case table(Table)
        case rule
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// Every figure in this block and the blocks inside it.
    public var figures: [Figure] { placedFigures.map(\.figure) }

    /// The same, each with the range of the paragraph that holds it (for located diagnostics).
    public var placedFigures: [(figure: Figure, range: SourceRange)] {
        switch kind {
        case .figure(let figure): [(figure, range)]
        case .list(_, _, let items): items.flatMap { $0.flatMap(\.placedFigures) }
        case .quote(let blocks, _): blocks.flatMap(\.placedFigures)
        default: []
        }
    }
}

/// A paragraph that holds only an image: alt text is the caption, the title is the credit.
public struct Figure: Sendable {
    public var image: ImageRef
    public var caption: [Inline]
    public var credit: String?

    public init(image: ImageRef, caption: [Inline], credit: String?) {
        self.image = image
        self.caption = caption
        self.credit = credit
    }
}

/// An image file that exists inside the issue folder, with its pixel size read from its header.
public struct ImageRef: Hashable, Sendable {
    public enum Format: String, Sendable { case jpeg, png }

    /// Absolute path of the file.
    public var file: String
    /// The path relative to the issue folder (`images/hoi-nghi.jpg`), used by the web edition.
    public var issuePath: String
    public var format: Format
    /// The size as the image is seen: a phone photo stored on its side with an EXIF orientation
    /// that turns it upright has its upright size here.
    public var pixelWidth: Int
    public var pixelHeight: Int
    /// EXIF orientation, 1 (as stored) to 8; every output draws the image turned by it.
    public var orientation: Int

    public init(file: String, issuePath: String, format: Format, pixelWidth: Int, pixelHeight: Int, orientation: Int = 1) {
        self.file = file
        self.issuePath = issuePath
        self.format = format
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.orientation = (1...8).contains(orientation) ? orientation : 1
    }

    public var aspectRatio: Double { Double(pixelHeight) / Double(max(pixelWidth, 1)) }

    /// Orientations 5 to 8 turn the image a quarter: stored, it is `pixelHeight` wide.
    public var turnsAQuarter: Bool { orientation >= 5 }
    public var storedWidth: Int { turnsAQuarter ? pixelHeight : pixelWidth }
    public var storedHeight: Int { turnsAQuarter ? pixelWidth : pixelHeight }

    /// The affine map from a stored pixel (x right, y down) to where it is seen, EXIF's eight
    /// orientations: `(xx, yx, xy, yy, x0, y0)` with seen x = xx·x + xy·y + x0, seen y = yx·x + yy·y + y0
    /// (cairo's order). The PDF, the previews and the web edition all turn images by this one map.
    public var orientationMatrix: (xx: Double, yx: Double, xy: Double, yy: Double, x0: Double, y0: Double) {
        let w = Double(storedWidth), h = Double(storedHeight)
        switch orientation {
        case 2: return (-1, 0, 0, 1, w, 0)
        case 3: return (-1, 0, 0, -1, w, h)
        case 4: return (1, 0, 0, -1, 0, h)
        case 5: return (0, 1, 1, 0, 0, 0)
        case 6: return (0, 1, -1, 0, h, 0)
        case 7: return (0, -1, -1, 0, h, w)
        case 8: return (0, -1, 1, 0, 0, w)
        default: return (1, 0, 0, 1, 0, 0)
        }
    }
}
