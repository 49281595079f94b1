import Diagnostics

/// A block of an article's body, with where it stands in the source.
public struct Block: Sendable {
    public indirect enum Kind: Sendable {
        case paragraph([Inline])
        case heading(level: Int, [Inline])
        case list(ordered: Bool, start: Int, items: [[Block]])
        case quote([Block])
        case code(language: String?, text: String)
        case figure(Figure)
        case rule
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// Every figure in this block and the blocks inside it.
    public var figures: [Figure] {
        switch kind {
        case .figure(let figure): [figure]
        case .list(_, _, let items): items.flatMap { $0.flatMap(\.figures) }
        case .quote(let blocks): blocks.flatMap(\.figures)
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
    public var pixelWidth: Int
    public var pixelHeight: Int

    public init(file: String, issuePath: String, format: Format, pixelWidth: Int, pixelHeight: Int) {
        self.file = file
        self.issuePath = issuePath
        self.format = format
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
    }

    public var aspectRatio: Double { Double(pixelHeight) / Double(max(pixelWidth, 1)) }
}
