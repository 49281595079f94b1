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

    /// Everything so far: files in the order they were first reported, then by position
    /// within each file; diagnostics without a place come last. Stable for equal places.
    public var diagnostics: [Diagnostic] {
        let all = lock.withLock { collected }
        var fileOrder: [String: Int] = [:]
        for d in all { if let path = d.range?.path, fileOrder[path] == nil { fileOrder[path] = fileOrder.count } }
        return all.enumerated().sorted { a, b in
            let ka = (a.element.range.map { fileOrder[$0.path]! } ?? Int.max, a.element.range?.start.line ?? 0,
                      a.element.range?.start.column ?? 0, a.offset)
            let kb = (b.element.range.map { fileOrder[$0.path]! } ?? Int.max, b.element.range?.start.line ?? 0,
                      b.element.range?.start.column ?? 0, b.offset)
            return ka < kb
        }.map(\.element)
    }

    public var hasErrors: Bool {
        lock.withLock { collected.contains { $0.severity == .error } }
    }

    public var errorCount: Int { lock.withLock { collected.filter { $0.severity == .error }.count } }
    public var warningCount: Int { lock.withLock { collected.filter { $0.severity == .warning }.count } }
}
