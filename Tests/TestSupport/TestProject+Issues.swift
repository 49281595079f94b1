import Foundation

/// Ways to put an issue into a throwaway project.
extension TestProject {
    /// Writes issue `x` with these articles (file name → whole file text) in one section.
    public func issue(_ articles: [(String, String)]) throws {
        let list = articles.map { "articles/\($0.0)" }.joined(separator: ", ")
        try write("issues/x/issue.yaml", "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nsections:\n  - title: Tin\n    articles: [\(list)]\n")
        for (name, text) in articles { try write("issues/x/articles/\(name)", text) }
    }

    /// Copies a file or folder of the real project (a real copy, free to edit) to `destination`,
    /// by default the same path.
    public func copyFromProject(_ path: String, to destination: String? = nil) throws {
        try FileManager.default.copyItem(at: projectRoot.appendingPathComponent(path), to: prepare(destination ?? path))
    }

    /// Copies the sample issue `issues/2025-q1` as `issues/<id>` and returns its folder.
    @discardableResult
    public func copySample(as id: String) throws -> URL {
        try copyFromProject("issues/2025-q1", to: "issues/\(id)")
        return url("issues/\(id)")
    }

    /// Copies every file, folder and symbolic link of `folder` (a bad-input case, say) over the
    /// project, except the top-level entries named in `skipping`. Links are copied as links,
    /// pointing where they pointed; folders merge with the project's own.
    public func overlay(_ folder: URL, skipping: Set<String> = []) throws {
        let fm = FileManager.default
        for path in try fm.subpathsOfDirectory(atPath: folder.path).sorted()
        where !skipping.contains(String(path.prefix { $0 != "/" })) {
            let from = folder.appendingPathComponent(path)
            switch try fm.attributesOfItem(atPath: from.path)[.type] as? FileAttributeType {
            case .typeSymbolicLink?:
                try fm.createSymbolicLink(atPath: prepare(path).path, withDestinationPath: fm.destinationOfSymbolicLink(atPath: from.path))
            case .typeDirectory?:
                try makeFolder(path)
            default:
                try fm.copyItem(at: from, to: prepare(path))
            }
        }
    }
}
