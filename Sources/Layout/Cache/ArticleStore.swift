import Foundation
import Model
import Output

/// The typeset bodies of an issue's articles, kept between builds in `out/<id>/.cache/` so a
/// rebuild after one edit typesets one article. Each entry is named by a key the pipeline makes
/// from everything that can change the result — the article's text and images, the layout
/// files, the fonts, Bantin's own binary, the entry's format — so an entry is never stale: a
/// change makes a new key. An entry that cannot be read (damaged, cut short, of another version:
/// its checksum and header say so) is typeset again; entries no article of this build uses are
/// removed after it, with what killed builds left.
///
/// One file per article, not one pack for the issue: the pack saves creating the files on a
/// full build (~25 ms of 3 s for 400 articles) but must be rewritten whole after one edit
/// (~20–60 ms for 25 MB), the rebuild that matters.
public final class ArticleStore: Sendable {
    let folder: URL
    /// One key per article of the issue, in order.
    let keys: [String]
    let fontsDirectory: URL

    public init(folder: URL, keys: [String], fontsDirectory: URL) {
        self.folder = folder
        self.keys = keys
        self.fontsDirectory = fontsDirectory
    }

    func load(_ index: Int, _ article: Article) -> [Flowable]? {
        guard index < keys.count, let data = FileManager.default.contents(atPath: file(index).path) else { return nil }
        return try? data.withUnsafeBytes { try coding(article).decode($0) }
    }

    func store(_ index: Int, _ article: Article, _ flowables: [Flowable]) {
        guard index < keys.count else { return }
        // A cache that cannot be written only makes the next build slower.
        try? coding(article).encode(flowables) { raw in
            try OutputFile.write(to: file(index)) { temporary in try Self.write(raw, to: temporary) }
        }
    }

    /// Writes a file without the `fsync` that `Data.write` makes, which costs more than the
    /// encoding: an entry is only a cache, and one left torn by a crash fails its checksum and
    /// is typeset again.
    private static func write(_ bytes: UnsafeRawBufferPointer, to url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw CocoaError(.fileWriteUnknown) }
            done += n
        }
    }

    /// Removes the entries this build did not use, and what killed builds left.
    public func prune() {
        OutputFile.removeStale(in: folder)
        let used = Set(keys.map { $0 + ".bin" })
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where !used.contains(name) && !name.hasPrefix(".") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    private func file(_ index: Int) -> URL {
        folder.appendingPathComponent(keys[index] + ".bin")
    }

    private func coding(_ article: Article) -> FlowableCoding {
        FlowableCoding(fontsDirectory: fontsDirectory,
                       images: Dictionary(article.figures.map { ($0.image.issuePath, $0.image) }) { first, _ in first })
    }
}
