import Foundation
import Model
import Output

/// The files under `out/web/assets/`, each named with a hash of its content
/// (`style.3f9c0a1b2d.css`, `fonts/NotoSans-Regular.8e21b0c4a7.woff2`), so that a server can let
/// browsers keep them for a year: a changed file is a new name. The theme's files in
/// `layouts/web/assets/` are copied so; the fonts a stylesheet names as `fonts/NAME.woff2` are
/// made from `fonts/NAME.ttf` (`WebFonts`); the stylesheets' `url(…)`s are rewritten to the
/// hashed names; the templates find the hashed paths under `assets` (see `templateNames`).
struct SiteAssets {
    /// The written files by their name in the theme (`style.css`, `fonts/NotoSans-Regular.woff2`):
    /// their paths from the site's root (`assets/style.3f9c0a1b2d.css`).
    var paths: [String: String] = [:]

    /// What templates write as `{{root}}{{assets.style}}`: each theme file's path by its name
    /// without the extension (`style`, `search`); two files of one stem (`site.css`, `site.js`)
    /// are found by their name with `_` for the dot (`site_css`, `site_js`).
    var templateNames: [String: String] {
        let theme = paths.filter { !$0.key.contains("/") }
        var stems: [String: Int] = [:]
        for name in theme.keys { stems[Self.split(name).stem, default: 0] += 1 }
        var result: [String: String] = [:]
        for (name, path) in theme {
            let stem = Self.split(name).stem
            result[stems[stem] == 1 ? stem : name.replacingOccurrences(of: ".", with: "_")] = path
        }
        return result
    }

    /// Writes every asset of `theme` and the fonts its stylesheets name, cut to `characters`,
    /// then removes the other files under `assets/`: all of them, or with `keepingHashed` (a
    /// build of some issues only, whose other pages an earlier build wrote) those without a
    /// hash in their name only.
    static func write(theme: URL, fontsDirectory: URL, characters: Set<Unicode.Scalar>, keepingHashed: Bool,
                      into writer: FileWriter) throws -> SiteAssets {
        let folder = theme.appendingPathComponent("assets")
        let names = files(in: folder)
        var assets = SiteAssets()
        var written: Set<String> = []
        func put(_ data: Data, as name: String) throws {
            let path = "assets/" + hashed(name, data)
            try writer.write(data, to: path)
            assets.paths[name] = path
            written.insert(path)
        }
        let stylesheets = try names.filter { $0.hasSuffix(".css") }
            .map { (name: $0, css: try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
        let fonts = faces(of: stylesheets)
        let compressed = try Parallel.map(fonts) { font in
            let source = fontsDirectory.appendingPathComponent(WebFontError.source(font.name))
            guard FileManager.default.fileExists(atPath: source.path) else {
                throw WebFontError.missing(font.name, stylesheet: "layouts/web/assets/" + font.stylesheet)
            }
            let kept = font.ranges.map { ranges in characters.filter { c in ranges.contains { $0.contains(c.value) } } } ?? characters
            return try WebFonts.woff2(source, characters: kept)
        }
        for (font, data) in zip(fonts, compressed) { try put(data, as: font.name) }
        for name in names where !name.hasSuffix(".css") {
            try put(Data(contentsOf: folder.appendingPathComponent(name)), as: name)
        }
        for (name, css) in stylesheets {
            try put(Data(rewritingURLs(css, assets.paths).utf8), as: name)
        }
        prune(writer.root.appendingPathComponent("assets"), keeping: written, keepingHashed: keepingHashed)
        return assets
    }

    /// The theme's files (not its folders or hidden files), sorted.
    private static func files(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }

    /// Every web font the stylesheets name, once, with the union of the ranges its rules give.
    private static func faces(of stylesheets: [(name: String, css: String)]) -> [WebFace] {
        var fonts: [WebFace] = []
        for (stylesheet, css) in stylesheets {
            for face in faces(in: css, stylesheet: stylesheet) {
                if let i = fonts.firstIndex(where: { $0.name == face.name }) {
                    fonts[i].ranges = fonts[i].ranges.flatMap { old in face.ranges.map { old + $0 } }
                } else {
                    fonts.append(face)
                }
            }
        }
        return fonts
    }

    /// A web font a stylesheet names (`fonts/NAME.woff2`) and the characters its `@font-face`
    /// rules give it: nil for all, or the union of their `unicode-range`s, to which it is cut
    /// (a face that draws the arrows only is a few hundred bytes, loaded only where one is used).
    struct WebFace: Sendable {
        var name: String
        var stylesheet: String
        var ranges: [ClosedRange<UInt32>]?
    }

    static func faces(in css: String, stylesheet: String) -> [WebFace] {
        css.matches(of: #/@font-face\s*\{([^}]*)\}/#).flatMap { rule -> [WebFace] in
            let block = String(rule.output.1)
            let ranges = block.firstMatch(of: #/unicode-range\s*:\s*([^;}]+)/#).map { unicodeRanges(String($0.output.1)) }
            return urls(in: block).filter { $0.hasPrefix("fonts/") && $0.hasSuffix(".woff2") }
                .map { WebFace(name: $0, stylesheet: stylesheet, ranges: ranges) }
        }
    }

    /// `U+2190-2195, U+21A9, U+4??` as ranges of code points.
    static func unicodeRanges(_ text: String) -> [ClosedRange<UInt32>] {
        text.split(separator: ",").compactMap { item in
            let value = item.trimmingCharacters(in: .whitespaces).uppercased()
            guard value.hasPrefix("U+") else { return nil }
            let ends = value.dropFirst(2).split(separator: "-")
            let low = UInt32(ends[0].replacingOccurrences(of: "?", with: "0"), radix: 16)
            let high = UInt32((ends.count > 1 ? ends[1] : ends[0]).replacingOccurrences(of: "?", with: "F"), radix: 16)
            guard let low, let high, low <= high else { return nil }
            return low...high
        }
    }

    /// `style.css` → `style.3f9c0a1b2d.css`: ten hex digits of the content's digest.
    static func hashed(_ name: String, _ data: Data) -> String {
        var digest = Digest()
        digest.add(data)
        let (stem, ext) = split(name)
        return "\(stem).\(digest.hex.prefix(10))\(ext)"
    }

    /// Whether a file name carries a content hash (`style.3f9c0a1b2d.css`).
    static func isHashed(_ name: String) -> Bool {
        let parts = (name as NSString).lastPathComponent.split(separator: ".")
        return parts.count >= 3 && parts[parts.count - 2].count == 10 && parts[parts.count - 2].allSatisfy(\.isHexDigit)
    }

    /// The name without and with its last extension: `fonts/NotoSans-Bold` and `.woff2`.
    static func split(_ name: String) -> (stem: String, ext: String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex, !name[dot...].contains("/") else { return (name, "") }
        return (String(name[..<dot]), String(name[dot...]))
    }

    /// The addresses in a stylesheet's `url(…)`s, as written (quotes removed).
    static func urls(in css: String) -> [String] {
        css.matches(of: urlPattern).map { String($0.output.2) }
    }

    /// A stylesheet with each `url(…)` naming an asset (relative to `assets/`) renamed to its
    /// hashed name; other addresses are left as written.
    static func rewritingURLs(_ css: String, _ paths: [String: String]) -> String {
        css.replacing(urlPattern) { match in
            let address = String(match.output.2)
            guard let path = paths[address] else { return String(match.output.0) }
            return "url(\(match.output.1)\(path.dropFirst("assets/".count))\(match.output.1))"
        }
    }

    private nonisolated(unsafe) static let urlPattern = #/url\(\s*(["']?)([^"')\s]+)["']?\s*\)/#

    private static func prune(_ folder: URL, keeping written: Set<String>, keepingHashed: Bool) {
        let fm = FileManager.default
        for path in (fm.subpaths(atPath: folder.path) ?? []).sorted().reversed() {
            let url = folder.appendingPathComponent(path)
            guard !url.lastPathComponent.hasPrefix(".") else { continue }
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                if (try? fm.contentsOfDirectory(atPath: url.path))?.isEmpty == true { try? fm.removeItem(at: url) }
            } else if !written.contains("assets/" + path), !(keepingHashed && isHashed(path)) {
                try? fm.removeItem(at: url)
            }
        }
    }
}
