import Diagnostics
import Foundation
import Imaging
import Loading
import Model
import Output

/// Every image of the issue decoded whole (`ImageCheck`), in parallel: one damaged past its
/// header is an error at the figure that shows it (or at issue.yaml, for the cover). The build
/// runs it beside typesetting and pagination and waits for it before anything is written. With a
/// ledger (a file of `size modification-time path` lines, one per image that decoded), an image
/// whose file is as it was when it last decoded is not decoded again: an editor's rebuild pays
/// only for the images that changed.
struct ImageDecoding: Sendable {
    let workspace: Workspace
    var ledger: URL? = nil

    /// The errors of the images that do not decode.
    func check(_ issue: Issue) -> [Diagnostic] {
        var uses: [(image: ImageRef, at: SourceRange)] = []
        if let cover = issue.cover?.image, cover.file.hasSuffix(cover.issuePath) {
            // The issue's folder is where the cover's path in it starts.
            let folder = URL(fileURLWithPath: String(cover.file.dropLast(cover.issuePath.count)))
            uses.append((cover, .file(workspace.displayPath(folder.appendingPathComponent("issue.yaml")))))
        }
        uses += issue.articles.flatMap { $0.blocks.flatMap(\.placedFigures) }.map { ($0.figure.image, $0.range) }
        // Each file once, reported at its first use.
        var seen = Set<String>()
        let distinct = uses.filter { seen.insert($0.image.file).inserted }
        let known = ledger.flatMap { try? String(contentsOf: $0, encoding: .utf8) }.map { Set($0.split(separator: "\n").map(String.init)) } ?? []
        let stamps = distinct.map { Self.stamp($0.image.file) }
        let damage = Parallel.map(Array(zip(distinct, stamps))) { use, stamp -> String? in
            if let stamp, known.contains(stamp) { return nil }
            return ImageCheck.damage(URL(fileURLWithPath: use.image.file), isJPEG: use.image.format == .jpeg)
        }
        var verified: [String] = [], errors: [Diagnostic] = []
        for ((use, why), stamp) in zip(zip(distinct, damage), stamps) {
            guard let why else {
                if let stamp { verified.append(stamp) }
                continue
            }
            errors.append(.error("image-damaged", "the image '\(use.image.issuePath)' is damaged: \(why)", at: use.at,
                                 hint: "open it in an image editor and save it again, or copy it again from the original"))
        }
        if let ledger, Set(verified) != known {
            try? OutputFile.write(Data((verified.sorted().joined(separator: "\n") + "\n").utf8), to: ledger)
        }
        return errors
    }

    /// `size modification-time path` of a file, or nil when it cannot be read.
    private static func stamp(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(path)"
    }
}
