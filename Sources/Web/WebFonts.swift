import Foundation
import Output

/// WOFF2 copies of the web fonts, made with Debian's `woff2_compress` where it is installed
/// (a third the size of the TrueType files, which are always served beside them as fallback).
/// Compression takes about a second a font, so results are cached by content in
/// `~/.cache/bantin/woff2/` (or `$XDG_CACHE_HOME`).
enum WebFonts {
    static let tool: String? = ["/usr/bin/woff2_compress", "/usr/local/bin/woff2_compress"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var cache: URL {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: env["HOME"] ?? NSTemporaryDirectory()).appendingPathComponent(".cache")
        return base.appendingPathComponent("bantin/woff2")
    }

    /// The WOFF2 bytes of a TrueType font, or nil when the tool is missing or fails.
    static func woff2(_ ttf: URL) -> Data? {
        guard let tool, let data = try? Data(contentsOf: ttf) else { return nil }
        var hash = Digest()
        hash.add(data)
        let cached = cache.appendingPathComponent(ttf.deletingPathExtension().lastPathComponent + "-" + hash.hex + ".woff2")
        if let hit = try? Data(contentsOf: cached) { return hit }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("bantin-woff2-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let input = work.appendingPathComponent("font.ttf")
            try data.write(to: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = [input.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            let output = try Data(contentsOf: work.appendingPathComponent("font.woff2"))
            try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
            try OutputFile.write(output, to: cached)
            return output
        } catch {
            return nil
        }
    }
}
