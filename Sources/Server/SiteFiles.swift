import Crypto
import Foundation
import Hummingbird

/// The built web edition (`<out>/web`), read into memory once when the server starts: each
/// regular file with its type, a strong ETag (its SHA-256) and its cache policy, and a gzip copy
/// of the text types when that is smaller. The site is served as it was when the server
/// started; `bantin build` then a restart publishes a new one. Symbolic links are followed only
/// when they stay inside the folder.
struct SiteFiles: Sendable {
    struct File: Sendable {
        var body: ByteBuffer
        var gzip: ByteBuffer?
        var etag: String
        var type: String
        var cacheControl: String
    }

    /// By path under the folder, `2025-q1/slug/index.html`.
    let files: [String: File]
    /// Every page that can report a view: the folder of each `index.html`, `""` for the front
    /// page, `2025-q1/slug/` for an article.
    let pages: Set<String>
    /// Pages that are articles (`<issue>/<slug>/`): they count views of their own.
    let articles: Set<String>

    init(folder: URL) throws {
        guard let base = DeskResponder.real(folder) else { throw SiteError.missing(folder.path) }
        guard FileManager.default.fileExists(atPath: base + "/index.html") else { throw SiteError.missing(folder.path) }
        var files: [String: File] = [:]
        let walker = FileManager.default.enumerator(atPath: base)
        while let path = walker?.nextObject() as? String {
            guard let real = DeskResponder.real(URL(fileURLWithPath: base).appendingPathComponent(path)), real.hasPrefix(base + "/") else { continue }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), !isFolder.boolValue,
                  let data = FileManager.default.contents(atPath: real) else { continue }
            files[path] = Self.file(path, Array(data))
        }
        self.files = files
        let pages = files.keys.filter { $0 == "index.html" || $0.hasSuffix("/index.html") }.map { String($0.dropLast("index.html".count)) }
        self.pages = Set(pages)
        // An article is a page two folders down whose first folder is an issue's, a page itself.
        articles = Set(pages.filter { page in
            let parts = page.split(separator: "/")
            return parts.count == 2 && pages.contains(parts[0] + "/")
        })
    }

    static func file(_ path: String, _ bytes: [UInt8]) -> File {
        let type = DeskResponder.type(path)
        let digest = SHA256.hash(data: bytes).prefix(16).map { String(format: "%02x", $0) }.joined()
        var gzip: ByteBuffer?
        if compressible(type), let packed = Gzip.compress(bytes), packed.count < bytes.count {
            gzip = ByteBuffer(bytes: packed)
        }
        return File(body: ByteBuffer(bytes: bytes), gzip: gzip, etag: "\"\(digest)\"", type: type, cacheControl: cacheControl(path, type: type))
    }

    static func compressible(_ type: String) -> Bool {
        type.hasPrefix("text/") || type.hasPrefix("application/json") || type.hasPrefix("application/xml")
            || type.hasPrefix("application/atom+xml") || type.hasPrefix("image/svg+xml")
    }

    /// Assets whose name carries their content's hash (`assets/style.3f2a9c1e7b.css`) never
    /// change under that name: a year, immutable. Pages and other text (feed, search index,
    /// an asset not yet hashed) are revalidated on every use, cheap with the ETag. Images and
    /// PDFs change seldom and are large: a day.
    static func cacheControl(_ path: String, type: String) -> String {
        if path.hasPrefix("assets/"), isHashed(path) { return "public, max-age=31536000, immutable" }
        if compressible(type) { return "no-cache" }
        return "public, max-age=86400"
    }

    /// A dot-separated run of at least 8 hex digits just before the extension.
    static func isHashed(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return false }
        let hash = parts[parts.count - 2]
        return hash.count >= 8 && hash.allSatisfy(\.isHexDigit)
    }
}

enum SiteError: Error, CustomStringConvertible {
    case missing(String)

    var description: String {
        switch self {
        case .missing(let path):
            "no web edition in \(path) (no index.html there)\n  hint: run `bantin build` first (with the same --out), then `bantin serve --site`"
        }
    }
}
