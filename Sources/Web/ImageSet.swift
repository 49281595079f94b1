import Foundation
import Imaging
import Model

/// The resized copies of an issue's images, by source file: what `src`, `srcset`,
/// `width`/`height` and thumbnails point at (paths relative to the issue's folder).
struct ImageSet {
    var variants: [String: [ImageVariant]] = [:]

    static func write(_ issue: Issue, into folder: URL) throws -> ImageSet {
        var refs = Set(issue.articles.flatMap(\.figures).map(\.image))
        if let cover = issue.cover?.image { refs.insert(cover) }
        var set = ImageSet()
        let sorted = refs.sorted { $0.issuePath < $1.issuePath }
        let results = try Parallel.map(sorted) { ref in
            let stem = URL(fileURLWithPath: ref.issuePath).deletingPathExtension().lastPathComponent
            return try ImageVariants.write(URL(fileURLWithPath: ref.file), isJPEG: ref.format == .jpeg,
                                           widths: WebSite.widths, into: folder, stem: stem,
                                           size: (ref.pixelWidth, ref.pixelHeight),
                                           turn: ref.orientation == 1 ? nil : ref.orientationMatrix)
        }
        for (ref, variants) in zip(sorted, results) { set.variants[ref.file] = variants }
        return set
    }

    /// The copy closest above `width` (or the largest).
    func best(_ ref: ImageRef, width: Int) -> ImageVariant? {
        let list = variants[ref.file] ?? []
        return list.first { $0.width >= width } ?? list.last
    }

    /// The 400 px copy (or the image itself when smaller) of an image of issue `id`, its path
    /// from the site's root and its size: for cards, whose issue may not be the page's.
    static func thumbnail(_ ref: ImageRef, issue id: String) -> (path: String, width: Int, height: Int) {
        copy(ref, width: WebSite.widths[0], issue: id)
    }

    /// The copy `best(ref, width:)` picks, known without the set (every width below the
    /// image's own is written, then the image itself): for pages of issues not written this
    /// time, and the feed.
    static func copy(_ ref: ImageRef, width wanted: Int, issue id: String) -> (path: String, width: Int, height: Int) {
        let width = min(wanted, ref.pixelWidth)
        let height = width == ref.pixelWidth ? ref.pixelHeight
            : max(1, Int((Double(ref.pixelHeight) * Double(width) / Double(ref.pixelWidth)).rounded()))
        let stem = URL(fileURLWithPath: ref.issuePath).deletingPathExtension().lastPathComponent
        return ("\(id)/images/" + ImageVariants.name(stem: stem, width: width, isJPEG: ref.format == .jpeg), width, height)
    }

    func srcset(_ ref: ImageRef, prefix: String) -> String {
        (variants[ref.file] ?? []).map { "\(prefix)\($0.file) \($0.width)w" }.joined(separator: ", ")
    }
}
