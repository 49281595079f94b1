import Diagnostics
import Foundation
import Mustache

/// The web edition's look, as a designer edits it in `layouts/web/`: Mustache templates
/// (`page`, `archive`, `issue`, `article`, `search`) and the files under `assets/`.
public struct WebTheme: Sendable {
    public static let templates = ["page", "archive", "issue", "article", "search"]

    public let directory: URL
    let library: [String: MustacheTemplate]

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
                library[name] = try MustacheTemplate(string: text)
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

    func render(_ name: String, _ context: [String: Any]) -> String {
        library[name]?.render(context) ?? ""
    }
}
