import Foundation

/// Collects the diagnostics of one run. Stages keep going after an error and report everything.
public final class DiagnosticEngine: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [Diagnostic] = []
    private var files: [String: SourceFile] = [:]

    public init() {}

    public func emit(_ diagnostic: Diagnostic) {
        lock.withLock { collected.append(diagnostic) }
    }

    public func emit(contentsOf diagnostics: [Diagnostic]) {
        lock.withLock { collected.append(contentsOf: diagnostics) }
    }

    /// Remembers a file's text so renderers can quote the offending line.
    public func register(_ file: SourceFile) {
        lock.withLock { files[file.path] = file }
    }

    public func sourceFile(_ path: String) -> SourceFile? {
        lock.withLock { files[path] }
    }

    /// Everything so far, sorted by file, line and column (stable for equal places, which keeps
    /// the order in which a stage reported them); diagnostics without a place come last. Files
    /// are read in parallel, so the order of emission is not the order of the report.
    public var diagnostics: [Diagnostic] {
        let all = lock.withLock { collected }
        return all.enumerated().sorted { a, b in
            switch (a.element.range, b.element.range) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                return (x.path, x.start.line, x.start.column, a.offset) < (y.path, y.start.line, y.start.column, b.offset)
            }
        }.map(\.element)
    }

    public var hasErrors: Bool {
        lock.withLock { collected.contains { $0.severity == .error } }
    }

    public var errorCount: Int { lock.withLock { collected.filter { $0.severity == .error }.count } }
    public var warningCount: Int { lock.withLock { collected.filter { $0.severity == .warning }.count } }
}
