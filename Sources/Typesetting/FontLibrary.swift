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
        let family = layout.fonts[style.family] ?? layout.fonts["serif"] ?? FontFamily(regular: "NotoSerif-Regular.ttf")
        return try font(family.file(bold: style.bold || bold, italic: style.italic != italic))
    }
}
