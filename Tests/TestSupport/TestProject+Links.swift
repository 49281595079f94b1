import Foundation

/// How a throwaway project keeps the real project's files linked yet never writes into them.
extension TestProject {
    /// `folder` made a real folder holding a link to every entry of `source`.
    func linkEntries(of source: URL, into folder: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: source.path) {
            try fm.createSymbolicLink(at: folder.appendingPathComponent(name), withDestinationURL: source.appendingPathComponent(name))
        }
    }

    /// `path` and every folder on the way made real folders of this project: created when
    /// missing, and a linked folder replaced by a folder of links to its entries.
    func makeFolder(_ path: String) throws {
        let fm = FileManager.default
        var folder = root
        for name in path.split(separator: "/") {
            folder.appendPathComponent(String(name))
            if let target = try? fm.destinationOfSymbolicLink(atPath: folder.path) {
                try fm.removeItem(at: folder)
                try linkEntries(of: URL(fileURLWithPath: target), into: folder)
            } else if !fm.fileExists(atPath: folder.path) {
                try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            }
        }
    }

    /// The URL of `path`, ready to be created: its folder is a real one and nothing is at `path`.
    func prepare(_ path: String) throws -> URL {
        try makeFolder(path.split(separator: "/").dropLast().joined(separator: "/"))
        let url = url(path)
        if (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil { try FileManager.default.removeItem(at: url) }
        return url
    }
}
