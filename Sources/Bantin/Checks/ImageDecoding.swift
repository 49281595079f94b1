import Diagnostics
import Foundation
import Imaging
import Loading
import Model

/// Every image of the issue decoded whole (`ImageCheck`), in parallel: one damaged past its
/// header is an error at the figure that shows it (or at issue.yaml, for the cover).
struct ImageDecoding {
    let workspace: Workspace
    let engine: DiagnosticEngine

    func check(_ issue: Issue) {
        var uses: [(image: ImageRef, at: SourceRange)] = []
        if let cover = issue.cover?.image, cover.file.hasSuffix(cover.issuePath) {
            // The issue's folder is where the cover's path in it starts.
            let folder = URL(fileURLWithPath: String(cover.file.dropLast(cover.issuePath.count)))
            uses.append((cover, .file(workspace.displayPath(folder.appendingPathComponent("issue.yaml")))))
        }
        for article in issue.articles {
            func walk(_ blocks: [Block]) {
                for block in blocks {
                    switch block.kind {
                    case .figure(let figure): uses.append((figure.image, block.range))
                    case .list(_, _, let items): items.forEach(walk)
                    case .quote(let inner): walk(inner)
                    default: break
                    }
                }
            }
            walk(article.blocks)
        }
        // Each file once, reported at its first use.
        var seen = Set<String>()
        let distinct = uses.filter { seen.insert($0.image.file).inserted }
        let damage = Parallel.map(distinct) { ImageCheck.damage(URL(fileURLWithPath: $0.image.file), isJPEG: $0.image.format == .jpeg) }
        for (use, why) in zip(distinct, damage) {
            guard let why else { continue }
            engine.emit(.error("image-damaged", "the image '\(use.image.issuePath)' is damaged: \(why)", at: use.at,
                               hint: "open it in an image editor and save it again, or copy it again from the original"))
        }
    }
}
