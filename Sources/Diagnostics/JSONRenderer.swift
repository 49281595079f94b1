import Foundation

/// Diagnostics for machines (`--diagnostics-format json`): one JSON object per line with the
/// file, the range, the severity, the id, the message and the hint.
public struct JSONRenderer {
    public init() {}

    struct Record: Encodable {
        struct Position: Encodable {
            var line: Int
            var column: Int
        }

        struct Range: Encodable {
            var start: Position
            var end: Position
        }

        var file: String?
        var range: Range?
        var severity: String
        var id: String
        var message: String
        var hint: String?
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        let range = diagnostic.range.map {
            Record.Range(start: .init(line: $0.start.line, column: $0.start.column), end: .init(line: $0.end.line, column: $0.end.column))
        }
        let record = Record(file: diagnostic.range?.path, range: range, severity: diagnostic.severity.rawValue,
                            id: diagnostic.id, message: diagnostic.message, hint: diagnostic.hint)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(record)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    public func render(_ engine: DiagnosticEngine) -> String {
        engine.diagnostics.map(render).joined(separator: "\n")
    }
}
