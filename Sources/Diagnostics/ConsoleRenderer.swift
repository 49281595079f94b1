/// Prints diagnostics the way compilers do, with the source line and a caret under the column.
///
///     issues/2025-q1/issue.yaml:7:17: error: no article file 'articles/09-x.md'
///         articles: [articles/09-x.md]
///                    ^
///       hint: files in articles/: 01-hoi-nghi.md, 02-hoi-thi.md
public struct ConsoleRenderer {
    public var useColor: Bool

    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    public func render(_ diagnostic: Diagnostic, source: SourceFile?) -> String {
        var out = paint(diagnostic.description, diagnostic.severity)
        if let range = diagnostic.range, let line = source?.line(range.start.line), !line.isEmpty {
            let text = String(line).replacingTabs()
            let caretColumn = max(1, min(range.start.column, text.unicodeScalars.count + 1))
            out += "\n    " + text
            out += "\n    " + String(repeating: " ", count: caretColumn - 1) + "^"
        }
        if let hint = diagnostic.hint {
            out += "\n  hint: " + hint
        }
        return out
    }

    public func render(_ engine: DiagnosticEngine) -> String {
        engine.diagnostics
            .map { render($0, source: $0.range.flatMap { engine.sourceFile($0.path) }) }
            .joined(separator: "\n")
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        guard useColor else { return text }
        let code = switch severity {
        case .error: "31"
        case .warning: "33"
        case .note: "36"
        }
        return "\u{1B}[1;\(code)m" + text + "\u{1B}[0m"
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(unicodeScalars.map { $0 == "\t" ? " " : Character($0) })
    }
}
