import Foundation
import Model

/// The fonts of one layout, opened once from `fonts/` and shared by every paragraph.
public final class FontLibrary: @unchecked Sendable {
    public let directory: URL
    private let lock = NSLock()
    private var open: [String: Font] = [:]

    public init(directory: URL) {
        self.directory = directory
    }

    public func font(_ name: String) throws -> Font {
        try lock.withLock {
            if let font = open[name] { return font }
            let font = try Font(name: name, path: directory.appendingPathComponent(name).path)
            open[name] = font
            return font
        }
    }

    /// The face a style asks for: its family, weight and slant.
    public func font(for style: TextStyle, in layout: LayoutSpec, bold: Bool = false, italic: Bool = false) throws -> Font {
        try font(family: style.family, bold: style.bold || bold, italic: style.italic != italic, in: layout)
    }

    /// A family's face of a weight and slant (its nearest when the family lacks that face).
    public func font(family name: String, bold: Bool, italic: Bool, in layout: LayoutSpec) throws -> Font {
        guard let family = layout.fonts[name] else { throw FontError.unknownFamily(name) }
        return try font(family.file(bold: bold, italic: italic))
    }
}
