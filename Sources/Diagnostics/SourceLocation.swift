/// Diagnostics: where things are in the input, what went wrong there, and how it is reported.
///
/// Steps: a stage creates `Diagnostic` values with a `SourceRange`; a `DiagnosticEngine`
/// collects all of them for a run; `ConsoleRenderer` prints them as `path:line:col: error: …`.

/// A position in a source file. Lines and columns start at 1; columns count Unicode scalars.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A span of a file, named by the path an editor would open (relative to the working folder).
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var start: SourceLocation
    public var end: SourceLocation

    public init(path: String, start: SourceLocation, end: SourceLocation? = nil) {
        self.path = path
        self.start = start
        self.end = end ?? start
    }

    public init(path: String, line: Int, column: Int) {
        self.init(path: path, start: SourceLocation(line: line, column: column))
    }

    /// The whole file, when nothing more precise is known (points at 1:1).
    public static func file(_ path: String) -> SourceRange {
        SourceRange(path: path, line: 1, column: 1)
    }

    public var description: String { "\(path):\(start)" }
}
