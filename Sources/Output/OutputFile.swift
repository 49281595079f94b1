/// Output: the one way any output file reaches its place.
///
/// Every file Bantin writes (PDFs, previews, web pages, images, preflight reports) is written
/// to a temporary file beside it, `.print.pdf.1234.tmp` (the process id keeps two builds at once
/// out of each other's way), and renamed into place only when it is complete. A failed or killed
/// write leaves the previous file untouched; `removeStale` clears what a dead build left.
import Foundation
import Synchronization

public enum OutputFile {
    /// Writes `data` to `url` through a temporary file, creating the folder when needed. With
    /// `keepingIdentical`, a file that already holds exactly these bytes is left as it is, date
    /// and all (a rebuild of the web edition rewrites only the pages that changed).
    public static func write(_ data: Data, to url: URL, keepingIdentical: Bool = false) throws {
        if keepingIdentical, let old = try? Data(contentsOf: url, options: .alwaysMapped), old == data { return }
        try write(to: url) { temporary in try data.write(to: temporary) }
    }

    /// Lets `produce` write a temporary file beside `url` (it receives its URL), then renames it
    /// into place. Whatever `produce` throws, the temporary file is removed and `url` untouched.
    public static func write(to url: URL, _ produce: (URL) throws -> Void) throws {
        try write(to: url, rejectingTo: nil, produce, vet: { _ in true })
    }

    /// As `write(to:_:)`, and then `vet` looks at the finished temporary file: when it refuses
    /// it, the file goes to `rejected` instead and whatever was at `url` stays (a print PDF that
    /// fails preflight never takes the delivery name of the last good one). When it accepts,
    /// a file left at `rejected` by an earlier run is removed. Returns whether it was accepted.
    @discardableResult
    public static func write(to url: URL, rejectingTo rejected: URL?, _ produce: (URL) throws -> Void,
                             vet: (URL) -> Bool) throws -> Bool {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = temporaryURL(for: url)
        defer { try? FileManager.default.removeItem(at: temporary) }
        try produce(temporary)
        let accepted = rejected == nil || vet(temporary)
        try moveIntoPlace(temporary, at: accepted ? url : rejected!)
        if accepted, let rejected { try? FileManager.default.removeItem(at: rejected) }
        return accepted
    }

    /// Renames a finished temporary file (named by `temporaryURL`) into place — for a writer
    /// that fills its temporary over a longer span than one closure (the article cache's pack).
    public static func moveIntoPlace(_ temporary: URL, at url: URL) throws {
        guard TestAbort.around({ rename(temporary.path, url.path) }) == 0 else {
            throw OutputFileError(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    /// `.print.pdf.1234.tmp` beside `print.pdf`; `tag` names a second temporary of the same file
    /// (`.print.pdf.1234.cairo.tmp`).
    public static func temporaryURL(for url: URL, tag: String? = nil) -> URL {
        let name = [".\(url.lastPathComponent)", String(getpid()), tag, "tmp"].compactMap { $0 }.joined(separator: ".")
        return url.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Removes the temporary files in `folder` (and, when `recursive`, in the folders under it)
    /// whose process is gone — a build killed mid-write; a running build's are never touched.
    public static func removeStale(in folder: URL, recursive: Bool = false) {
        let fm = FileManager.default
        let paths = (recursive ? fm.subpaths(atPath: folder.path) : try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
        for path in paths {
            let name = (path as NSString).lastPathComponent
            guard name.hasPrefix("."), name.hasSuffix(".tmp"),
                  let pid = name.split(separator: ".").compactMap({ Int32($0) }).last,
                  pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? fm.removeItem(at: folder.appendingPathComponent(path))
        }
    }
}

/// A finished temporary file that could not be renamed into place.
public struct OutputFileError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "cannot move the finished file into place at '\(path)': \(reason)" }
}

/// A test's way to kill a build at an exact point of its writing, where a timer can only hope to:
/// `BANTIN_TEST_ABORT=before:3` sends the process SIGKILL just before its third rename of a
/// finished file into place, `after:3` just after it. Unset (always, outside tests), it costs one
/// check of a constant per rename.
enum TestAbort {
    private static let point: (after: Bool, rename: Int)? = {
        guard let spec = ProcessInfo.processInfo.environment["BANTIN_TEST_ABORT"] else { return nil }
        let parts = spec.split(separator: ":")
        guard parts.count == 2, ["before", "after"].contains(parts[0]), let n = Int(parts[1]), n > 0 else { return nil }
        return (parts[0] == "after", n)
    }()
    private static let renames = Atomic<Int>(0)

    static func around(_ rename: () -> Int32) -> Int32 {
        guard let point else { return rename() }
        let n = renames.add(1, ordering: .sequentiallyConsistent).newValue
        if n == point.rename, !point.after { kill(getpid(), SIGKILL) }
        let result = rename()
        if n == point.rename, point.after { kill(getpid(), SIGKILL) }
        return result
    }
}
