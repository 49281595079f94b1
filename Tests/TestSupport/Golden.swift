import Foundation
import Testing

/// Compares text with a golden file in the `Goldens/` folder beside the calling test file;
/// `BANTIN_UPDATE_GOLDENS=1 swift test` rewrites the file instead (read the diff before committing).
public func expectGolden(_ text: String, _ name: String, file: String = #filePath,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Goldens/\(name)")
    if ProcessInfo.processInfo.environment["BANTIN_UPDATE_GOLDENS"] == "1" {
        try text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let golden = try String(contentsOf: url, encoding: .utf8)
    let a = golden.split(separator: "\n", omittingEmptySubsequences: false)
    let b = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (n, (x, y)) in zip(a, b).enumerated() where x != y {
        Issue.record("Goldens/\(name):\(n + 1): expected\n  \(x)\ngot\n  \(y)", sourceLocation: sourceLocation)
        return
    }
    #expect(a.count == b.count, "Goldens/\(name): \(a.count) lines expected, \(b.count) produced", sourceLocation: sourceLocation)
}
