import Foundation
import Output

/// What preflight measured of each CMYK image, kept between builds (`out/<id>/.cache/.preflight-ink`):
/// decoding a 9-megapixel cover to find its darkest point takes a tenth of a second, on every
/// build. An entry is named by the digest of the very bytes measured (the image's stream as the
/// file holds it) and how they are read, so it answers only for identical data — what the
/// measurement would find again. Entries this build did not use are dropped when it is saved.
public final class InkMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [String: Int] = [:]
    private var used: [String: Int] = [:]

    public init() {}

    /// The memo saved at `url` by an earlier build (empty when there is none or it is unreadable).
    public init(contentsOf url: URL) {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, parts[0].count == 32, let value = Int(parts[1]), (0...1020).contains(value) else { continue }
            known[String(parts[0])] = value
        }
    }

    /// The most ink of the image whose bytes are `bytes`, read as `reading` says, measured by `measure` when not known.
    func most(_ bytes: UnsafeBufferPointer<UInt8>, reading: String, measure: () -> Int?) -> Int? {
        var digest = Digest()
        digest.add(reading)
        digest.add(Data(buffer: bytes))
        let key = digest.hex
        if let value = lock.withLock({ known[key] }) {
            lock.withLock { used[key] = value }
            return value
        }
        guard let value = measure() else { return nil }
        lock.withLock {
            known[key] = value
            used[key] = value
        }
        return value
    }

    /// Writes the entries this build used.
    public func save(to url: URL) {
        let text = lock.withLock { used.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)\n" }.joined() }
        try? OutputFile.write(Data(text.utf8), to: url, keepingIdentical: true)
    }
}
