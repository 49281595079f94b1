import Foundation

/// A throwaway project for one test, in a fresh temporary folder: every font of `fonts/` and
/// every entry of `layouts/` linked from the real project (so a file added there later is picked
/// up), and an `issues/publication.yaml`. Tests add issues with `write`, `issue`, `copySample`
/// or `overlay`. Nothing is ever written through a link into the real project: a linked file is
/// replaced by the new file, a linked folder on the way by a folder of links to its entries.
public struct TestProject: Sendable {
    public let root: URL

    /// `extraFonts` are linked into `fonts/` beside the project's own.
    public init(extraFonts: [URL] = []) throws {
        root = try temporaryFolder("project")
        try linkEntries(of: projectRoot.appendingPathComponent("fonts"), into: url("fonts"))
        try linkEntries(of: projectRoot.appendingPathComponent("layouts"), into: url("layouts"))
        for font in extraFonts { try link("fonts/\(font.lastPathComponent)", to: font) }
        try write("issues/publication.yaml", "title: Bản tin thử\npublisher: Liên hiệp Hội thử\n")
    }

    public func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    public func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: url(path).path) }

    public func read(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    /// Writes a file (a layout's whole text, an article…), replacing whatever was at `path`.
    public func write(_ path: String, _ text: String) throws { try write(path, Data(text.utf8)) }

    public func write(_ path: String, _ data: Data) throws { try data.write(to: prepare(path)) }

    /// Removes a file, folder or link (only the link, never what it points to).
    public func remove(_ path: String) throws { try FileManager.default.removeItem(at: url(path)) }

    /// Puts a symbolic link to `target` at `path`.
    public func link(_ path: String, to target: URL) throws {
        try FileManager.default.createSymbolicLink(at: prepare(path), withDestinationURL: target)
    }

    /// Rewrites layout `name` with `old` replaced by `new`. Throws when `old` is not in it, so an
    /// edit cannot silently stop applying when the layout changes.
    public func editLayout(_ name: String = "a4-two-column.yaml", replacing old: String, with new: String) throws {
        let text = try read("layouts/\(name)")
        guard text.contains(old) else { throw TestSupportError(description: "layouts/\(name) has no “\(old)”") }
        try write("layouts/\(name)", text.replacingOccurrences(of: old, with: new))
    }

    /// A 1×1 PNG, enough for the loader's header probe.
    public static let tinyPNG = Data(base64Encoded:
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC")!
}
