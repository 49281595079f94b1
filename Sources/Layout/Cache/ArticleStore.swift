import Foundation
import Model
import Output
import Synchronization

/// The typeset bodies of an issue's articles, kept between builds in `out/<id>/.cache/` so a
/// rebuild after one edit typesets one article. Each entry is named by a key the pipeline makes
/// from everything that can change the result — the article's text and images, the layout
/// files, the fonts, Bantin's own binary, the entry's format — so an entry is never stale: a
/// change makes a new key. An entry that cannot be read (damaged, cut short, of another version:
/// its checksum and header say so) is typeset again.
///
/// The entries live in one pack, `articles.pack`, in the order of the issue, not one file per
/// article: creating a file costs 0.6–0.9 ms on an ext4 disk (400 articles: 260–340 ms, most of
/// it the kernel looking for a free inode), writing the 25 MB pack of those 400 costs 9 ms. A
/// build writes its pack as the articles come in, each entry as soon as those before it are
/// written (the two typesetting threads take articles in order, so few wait), and renames it
/// into place when every article is in; a rebuild that changed nothing leaves the pack as it is.
/// The pack is the same bytes for the same articles, whichever thread finished first.
public final class ArticleStore: Sendable {
    public static let packName = "articles.pack"

    let folder: URL
    /// One key per article of the issue, in order.
    let keys: [String]
    let fontsDirectory: URL
    /// The last build's pack, if there is one that reads.
    private let old: Pack?
    private let writer = Mutex(Writer())

    public init(folder: URL, keys: [String], fontsDirectory: URL) {
        self.folder = folder
        self.keys = keys
        self.fontsDirectory = fontsDirectory
        old = Pack(contentsOf: folder.appendingPathComponent(Self.packName))
    }

    deinit {
        writer.withLock { w in w.discard() }
    }

    func load(_ index: Int, _ article: Article) -> [Flowable]? {
        guard index < keys.count, let old, let range = old.ranges[keys[index]],
              let flowables = try? old.data.withUnsafeBytes({ try coding(article).decode(UnsafeRawBufferPointer(rebasing: $0[range])) })
        else { return nil }
        writer.withLock { w in
            w.waiting[index] = .carried(range)
            drain(&w)
        }
        return flowables
    }

    func store(_ index: Int, _ article: Article, _ flowables: [Flowable]) {
        guard index < keys.count else { return }
        coding(article).encode(flowables) { raw in
            writer.withLock { w in
                // The next one due is written from the encoder's memory; a later one waits in a copy.
                if index == w.next {
                    emit(&w, index, raw, carried: false)
                    w.next += 1
                } else {
                    w.waiting[index] = .fresh(Array(raw))
                }
                drain(&w)
            }
        }
    }

    /// Puts this build's pack in place once every article is in it (a build that failed midway
    /// leaves the last pack), and removes what earlier builds left: killed builds' temporaries,
    /// entries of the one-file-per-article cache before the pack.
    public func finish() {
        OutputFile.removeStale(in: folder)
        writer.withLock { w in
            guard w.next == keys.count, !w.failed else { return w.discard() }
            if w.unchanged, w.carriedInPlace == old?.order.count { return }
            if w.unchanged { flushCarried(&w) }
            guard w.file != nil, (try? w.seal(to: folder.appendingPathComponent(Self.packName))) != nil else { return w.discard() }
        }
        // Files only: folders beside the pack are other caches' (`cmyk/`, the converted images).
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name != Self.packName && !name.hasPrefix(".") {
            var folder: ObjCBool = false
            let url = self.folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &folder), !folder.boolValue else { continue }
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// Writes every entry now due, in the issue's order.
    private func drain(_ w: inout Writer) {
        while let piece = w.waiting.removeValue(forKey: w.next) {
            switch piece {
            case .carried(let range):
                old!.data.withUnsafeBytes { emit(&w, w.next, UnsafeRawBufferPointer(rebasing: $0[range]), carried: true) }
            case .fresh(let bytes):
                bytes.withUnsafeBytes { emit(&w, w.next, $0, carried: false) }
            }
            w.next += 1
        }
    }

    /// Writes article `n`'s entry — unless every entry so far is the last pack's, at its own
    /// place: then nothing is written until one is not (and perhaps never).
    private func emit(_ w: inout Writer, _ n: Int, _ bytes: UnsafeRawBufferPointer, carried: Bool) {
        if w.unchanged, carried, let old, n < old.order.count, old.order[n] == keys[n] {
            w.carriedInPlace += 1
            return
        }
        if w.unchanged { flushCarried(&w) }
        w.append(keys[n], bytes)
    }

    /// Opens the new pack and writes into it the entries carried from the last one so far.
    private func flushCarried(_ w: inout Writer) {
        w.unchanged = false
        w.open(OutputFile.temporaryURL(for: folder.appendingPathComponent(Self.packName)))
        guard let old else { return }
        old.data.withUnsafeBytes { all in
            for key in keys.prefix(w.carriedInPlace) { w.append(key, UnsafeRawBufferPointer(rebasing: all[old.ranges[key]!])) }
        }
    }

    private func coding(_ article: Article) -> FlowableCoding {
        FlowableCoding(fontsDirectory: fontsDirectory,
                       images: Dictionary(article.figures.map { ($0.image.issuePath, $0.image) }) { first, _ in first })
    }

    /// Where each entry lies in a pack: a test's way to damage one.
    public static func entries(inPackAt url: URL) -> [(key: String, range: Range<Int>)] {
        guard let pack = Pack(contentsOf: url) else { return [] }
        return pack.order.map { ($0, pack.ranges[$0]!) }
    }
}

/// An entry handed in before those ahead of it are written.
private enum Piece {
    /// From the last pack, where it lies there.
    case carried(Range<Int>)
    case fresh([UInt8])
}

/// The pack being written, and the entries waiting their turn.
private struct Writer: ~Copyable {
    /// The article whose entry goes in next.
    var next = 0
    var waiting: [Int: Piece] = [:]
    /// Whether every entry so far is the last pack's at its own place (none written yet)…
    var unchanged = true
    /// …and how many.
    var carriedInPlace = 0
    var file: (fd: Int32, url: URL)?
    var offset = 0
    var index: [(key: String, offset: Int, length: Int)] = []
    var failed = false

    mutating func open(_ url: URL) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = Foundation.open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { failed = true; return }
        file = (fd, url)
        var header = BinaryWriter(capacity: Pack.headerSize)
        header.uint32(Pack.magic)
        header.byte(Pack.version)
        header.withUnsafeBytes { write($0) }
    }

    mutating func append(_ key: String, _ bytes: UnsafeRawBufferPointer) {
        index.append((key, offset, bytes.count))
        write(bytes)
    }

    /// Ends the pack with its index and footer and renames it into place.
    mutating func seal(to url: URL) throws {
        var tail = BinaryWriter(capacity: 64 * (index.count + 1))
        tail.count(index.count)
        for entry in index {
            tail.string(entry.key)
            tail.varint(UInt64(entry.offset))
            tail.varint(UInt64(entry.length))
        }
        tail.seal()
        tail.fixed(UInt64(offset))
        tail.uint32(Pack.magic)
        tail.withUnsafeBytes { write($0) }
        guard let file, !failed else { throw CocoaError(.fileWriteUnknown) }
        close(file.fd)
        self.file = nil
        defer { unlink(file.url.path) }
        try OutputFile.moveIntoPlace(file.url, at: url)
    }

    /// Drops the pack being written: a cache that cannot be written only makes the next build slower.
    mutating func discard() {
        guard let file else { return }
        close(file.fd)
        unlink(file.url.path)
        self.file = nil
    }

    /// Writes without the `fsync` that `Data.write` makes, which costs more than the encoding:
    /// the pack is only a cache, and one left torn by a crash fails its checksums.
    private mutating func write(_ bytes: UnsafeRawBufferPointer) {
        guard let file, !failed else { return }
        var done = 0
        while done < bytes.count {
            let n = Foundation.write(file.fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { failed = true; return }
            done += n
        }
        offset += bytes.count
    }
}

/// A pack as read back: "BNAP" and a version; the entries back to back; the index (each key with
/// where its entry lies, sealed by a checksum); where the index starts, and "BNAP" again.
private struct Pack: Sendable {
    static let magic: UInt32 = 0x5041_4e42
    static let version: UInt8 = 1
    static let headerSize = 5
    static let footerSize = 12

    let data: Data
    /// The keys in the pack's order (the issue's, when it was written).
    let order: [String]
    let ranges: [String: Range<Int>]

    init?(contentsOf url: URL) {
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped),
              let (order, ranges) = try? data.withUnsafeBytes({ try Self.index($0) }) else { return nil }
        self.data = data
        self.order = order
        self.ranges = ranges
    }

    private static func index(_ bytes: UnsafeRawBufferPointer) throws -> ([String], [String: Range<Int>]) {
        let end = bytes.count - footerSize
        guard end >= headerSize,
              UInt32(littleEndian: bytes.loadUnaligned(as: UInt32.self)) == magic, bytes[4] == version,
              UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: end + 8, as: UInt32.self)) == magic
        else { throw BinaryReader.Damaged() }
        let start = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: end, as: UInt64.self))
        guard start >= headerSize, start <= end else { throw BinaryReader.Damaged() }
        var r = try BinaryReader(sealed: UnsafeRawBufferPointer(rebasing: bytes[Int(start)..<end]))
        var order: [String] = [], ranges: [String: Range<Int>] = [:]
        for _ in 0..<(try r.count()) {
            let key = try r.string(), offset = try r.varint(), length = try r.varint()
            guard offset >= headerSize, length <= start, offset <= start - length else { throw BinaryReader.Damaged() }
            let range = Int(offset)..<Int(offset + length)
            order.append(key)
            if ranges[key] == nil { ranges[key] = range }
        }
        guard r.atEnd else { throw BinaryReader.Damaged() }
        return (order, ranges)
    }
}
