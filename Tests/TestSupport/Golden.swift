import Foundation
import Testing

/// Compares text with a golden file in the `Goldens/` folder beside the calling test file.
/// `BANTIN_UPDATE_GOLDENS=1 swift test` writes the file instead and fails with "recorded …, run
/// again", so a recording run is never green: read the diff, then run the tests again.
public func expectGolden(_ text: String, _ name: String, file: String = #filePath,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Goldens/\(name)")
    if ProcessInfo.processInfo.environment["BANTIN_UPDATE_GOLDENS"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded Goldens/\(name), run again", sourceLocation: sourceLocation)
        return
    }
    guard FileManager.default.fileExists(atPath: url.path) else {
        let how = "record it with BANTIN_UPDATE_GOLDENS=1 swift test, read it, commit it"
        Issue.record("Goldens/\(name) is missing: \(how)", sourceLocation: sourceLocation)
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
