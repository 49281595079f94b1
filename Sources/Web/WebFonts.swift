import Foundation
import Output

/// The web fonts: each face the stylesheet names, subset in-process with HarfBuzz to the site's
/// characters (`FontSubsetter`), then compressed to WOFF2 with Debian's `woff2_compress`. Only
/// WOFF2 is shipped (every browser of the last eight years reads it). Subsetting and compressing
/// take a while, and the desk rebuilds the site at every save, so results are cached in
/// `~/.cache/bantin/woff2/` (or `$XDG_CACHE_HOME`) by the font's bytes and the characters kept:
/// both steps give the same bytes for the same input, so builds stay reproducible.
enum WebFonts {
    static let tool: String? = ["/usr/bin/woff2_compress", "/usr/local/bin/woff2_compress"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var cache: URL {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: env["HOME"] ?? NSTemporaryDirectory()).appendingPathComponent(".cache")
        return base.appendingPathComponent("bantin/woff2")
    }

    /// The WOFF2 bytes of the TrueType (or OpenType) font `source` cut to `characters`.
    static func woff2(_ source: URL, characters: Set<Unicode.Scalar>) throws -> Data {
        guard let tool else { throw WebFontError.noCompressor }
        let name = source.lastPathComponent
        guard let data = try? Data(contentsOf: source) else { throw WebFontError.unreadable(name) }
        var hash = Digest()
        hash.add(data)
        hash.add(String(String.UnicodeScalarView(characters.sorted { $0.value < $1.value })))
        let cached = cache.appendingPathComponent(source.deletingPathExtension().lastPathComponent + "-" + hash.hex + ".woff2")
        if let hit = try? Data(contentsOf: cached) { return hit }
        let subset = try FontSubsetter(data: data, name: name).subset(characters)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("bantin-woff2-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let input = work.appendingPathComponent("font.ttf")
        try subset.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [input.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let output = try? Data(contentsOf: work.appendingPathComponent("font.woff2")) else {
            throw WebFontError.compression(name)
        }
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        try OutputFile.write(output, to: cached)
        return output
    }
}
