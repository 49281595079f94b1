import Foundation

/// What the desk watches — `issues/`, `layouts/` (the web theme with it) and `fonts/` — as a
/// map of every file to its size and modification time. Polling twenty times a second finds a
/// save within a fraction of the 300 ms an editor waits for, with no platform's file events.
struct Snapshot: Equatable, Sendable {
    var files: [String: Stamp] = [:]

    struct Stamp: Equatable, Hashable, Sendable {
        var size: Int64
        var modified: Int64
    }

    init() {}

    init(root: URL, folders: [String]) {
        for folder in folders {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let path as String in walker {
                let name = (path as NSString).lastPathComponent
                // Editors' swap and backup files, and what the build writes, do not count.
                if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") { continue }
                var info = stat()
                let full = base.appendingPathComponent(path).path
                guard stat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                files[folder + "/" + path] = Stamp(size: Int64(info.st_size),
                                                   modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
            }
        }
    }

    /// Changes to the files a page draws without naming their bytes: fonts and images.
    var salt: Int {
        var hasher = Hasher()
        for (path, stamp) in files.sorted(by: { $0.key < $1.key })
        where path.hasPrefix("fonts/") || path.contains("/images/") {
            hasher.combine(path)
            hasher.combine(stamp)
        }
        return hasher.finalize()
    }
}
