import Foundation
import Model
import Output

/// The typeset bodies of an issue's articles, kept between builds in `out/<id>/.cache/` so a
/// rebuild after one edit typesets one article. Each entry is named by a key the pipeline makes
/// from everything that can change the result — the article's text and images, the layout
/// files, the fonts, Bantin's own binary — so an entry is never stale: a change makes a new key.
/// An entry that cannot be read is typeset again; entries no article of this build uses are
/// removed after it.
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
        return try? coding(article).decode(Array(data))
    }

    func store(_ index: Int, _ article: Article, _ flowables: [Flowable]) {
        guard index < keys.count else { return }
        // A cache that cannot be written only makes the next build slower.
        try? OutputFile.write(Data(coding(article).encode(flowables)), to: file(index))
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
