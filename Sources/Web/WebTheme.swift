import Diagnostics
import Foundation
import Mustache

/// The web edition's look, as a designer edits it in `layouts/web/`: Mustache templates
/// (`page`, `archive`, `issue`, `article`, `search`) and the files under `assets/`.
public struct WebTheme: Sendable {
    public static let templates = ["page", "archive", "issue", "article", "search"]

    public let directory: URL
    let library: [String: MustacheTemplate]
    /// The hashed files under `assets/` of the build under way (`SiteAssets`).
    var assets = SiteAssets()

    /// Loads every template; a missing one or a syntax error is a diagnostic at its file, line and column.
    public static func load(_ directory: URL, displayPath: (URL) -> String, engine: DiagnosticEngine) -> WebTheme? {
        var library: [String: MustacheTemplate] = [:]
        var ok = true
        for name in templates {
            let url = directory.appendingPathComponent(name + ".mustache")
            let path = displayPath(url)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                engine.emit(.error("missing-template", "the web template '\(name).mustache' is missing", at: .file(path),
                                   hint: "the web theme needs: " + templates.map { $0 + ".mustache" }.joined(separator: ", ")))
                ok = false
                continue
            }
            engine.register(SourceFile(path: path, text: text))
            do {
                library[name] = try MustacheEscaping.template(text)
            } catch let error as MustacheTemplate.ParserError {
                engine.emit(.error("template-syntax", "Mustache syntax error: \(error.error)",
                                   at: SourceRange(path: path, line: error.context.lineNumber, column: error.context.columnNumber),
                                   hint: "check that every {{#section}} is closed by {{/section}} with the same name"))
                ok = false
            } catch {
                engine.emit(.error("template-syntax", "Mustache error: \(error)", at: .file(path)))
                ok = false
            }
        }
        return ok ? WebTheme(directory: directory, library: library) : nil
    }

    /// The text of the templates and of the stylesheets and scripts: the web fonts keep its characters.
    var texts: [String] {
        let assets = directory.appendingPathComponent("assets")
        let files = Self.templates.map { directory.appendingPathComponent($0 + ".mustache") }
            + ((try? FileManager.default.contentsOfDirectory(atPath: assets.path)) ?? []).sorted()
            .filter { $0.hasSuffix(".css") || $0.hasSuffix(".js") }.map { assets.appendingPathComponent($0) }
        return files.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }

    func render(_ name: String, _ context: [String: Any]) -> String {
        library[name]?.render(context) ?? ""
    }
}

/// Mustache's own HTML escaping of `{{value}}` walks the text by grapheme and looks each one
/// up in a `[Character: String]` table, whose hashing normalises every Vietnamese letter: it
/// was the larger part of rendering the web pages. The same escaping is done here on UTF-8
/// bytes wherever that is certainly the same, and by Mustache's own walk elsewhere.
///
/// A template gets it through a standalone `{{%CONTENT_TYPE:…}}` line put before its first
/// line; a standalone tag's line renders as nothing, and the parser is left as at the start.
enum MustacheEscaping {
    static let name = "BANTIN_HTML"

    /// The line that switches a template to this escaping (and registers it first).
    static var pragma: String {
        _ = registered
        return "{{%CONTENT_TYPE:\(name)}}\n"
    }

    private static let registered: Void = MustacheContentTypes.register(HTMLBytes(), named: name)

    /// The template with the pragma line. A syntax error is the one of the text as written, so
    /// that it points at the designer's line and column.
    static func template(_ text: String) throws -> MustacheTemplate {
        if let template = try? MustacheTemplate(string: pragma + text) { return template }
        return try MustacheTemplate(string: text)
    }

    /// `<` `>` `&` `"` `'` as Mustache's `HTMLContentType` escapes them.
    struct HTMLBytes: MustacheContentType {
        func escapeText(_ text: String) -> String {
            escape(text)
        }
    }

    /// `text.htmlEscape()` of swift-mustache, byte for byte. A special character is escaped
    /// alone when it is a whole grapheme: certainly so when the bytes on both sides of it are
    /// ASCII (nothing ASCII extends a grapheme or is prepended to one). Otherwise — a `<`
    /// followed by a combining mark is part of a larger grapheme and stays — graphemes decide.
    static func escape(_ text: String) -> String {
        switch specials(text) {
        case .none: text
        case .betweenASCII: escapeBytes(text)
        case .elsewhere: escapeGraphemes(text)
        }
    }

    private enum Specials { case none, betweenASCII, elsewhere }

    private static func specials(_ text: String) -> Specials {
        let found: Specials? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var found = Specials.none
            for (i, byte) in bytes.enumerated() where isSpecial(byte) {
                if i > 0, bytes[i - 1] >= 0x80 { return .elsewhere }
                if i + 1 < bytes.count, bytes[i + 1] >= 0x80 { return .elsewhere }
                found = .betweenASCII
            }
            return found
        }
        return found ?? .elsewhere
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27
    }

    private static func escapeBytes(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Mustache's walk: grapheme by grapheme, a grapheme equal to one of the five replaced.
    static func escapeGraphemes(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
