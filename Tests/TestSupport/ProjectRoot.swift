import Foundation

/// The package's own folder — `Package.swift`, `fonts/`, `layouts/`, `issues/` — found from this
/// file's path, so tests read the real fonts, layouts and sample issue wherever the clone is.
public let projectRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A new, empty folder `bantin-<name>-<uuid>` in the system's temporary directory.
public func temporaryFolder(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("bantin-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A test's setup that cannot be done as asked (an edit that matches nothing, say).
public struct TestSupportError: Error, CustomStringConvertible {
    public let description: String
}
