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

    /// Everything so far, in the order of files and positions (stable for equal places).
    public var diagnostics: [Diagnostic] {
        lock.withLock { collected }
    }

    public var hasErrors: Bool {
        lock.withLock { collected.contains { $0.severity == .error } }
    }

    public var errorCount: Int { lock.withLock { collected.filter { $0.severity == .error }.count } }
    public var warningCount: Int { lock.withLock { collected.filter { $0.severity == .warning }.count } }
}
