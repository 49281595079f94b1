public enum Severity: String, Sendable, Comparable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One problem found in the input: data, not a thrown error, so a run can report all of them.
public struct Diagnostic: Sendable, CustomStringConvertible {
    public var severity: Severity
    /// A stable identifier, e.g. `missing-file`, `yaml-syntax`, `unknown-layout`.
    public var id: String
    public var message: String
    public var range: SourceRange?
    public var hint: String?

    public init(_ severity: Severity, id: String, _ message: String, at range: SourceRange?, hint: String? = nil) {
        self.severity = severity
        self.id = id
        self.message = message
        self.range = range
        self.hint = hint
    }

    public static func error(_ id: String, _ message: String, at range: SourceRange?, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, id: id, message, at: range, hint: hint)
    }

    public static func warning(_ id: String, _ message: String, at range: SourceRange?, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, id: id, message, at: range, hint: hint)
    }

    /// `path:line:col: error: message`, the form compilers use and editors jump to.
    public var description: String {
        let place = range.map { "\($0.path):\($0.start.line):\($0.start.column): " } ?? "bantin: "
        return "\(place)\(severity.rawValue): \(message)"
    }
}
