import Foundation
import Imaging
import Model
import Output

/// Converted images kept between builds (`out/<id>/.cache/cmyk/`): converting a cover photo to
/// the printing condition's CMYK takes a good part of a second, and an editor's rebuild or the
/// desk should not pay it again. An entry is named by the digest of the image's bytes and the
/// conversion's fingerprint (profiles, intent, ink limit), so a changed image, profile or limit
/// misses; entries this build did not use are removed at its end (`removeUnused`).
///
/// An entry: `BNTCMYK1`, then width, height, flags (1: a JPEG, 2: inverted `/Decode`) as
/// little-endian 32-bit numbers, the data's length (64-bit), the data, and the digest of all of
/// that — a damaged or cut entry is converted anew, never used.
public final class CMYKImageCache: @unchecked Sendable {
    let folder: URL
    private let lock = NSLock()
    private var used: Set<String> = []

    public init(folder: URL) {
        self.folder = folder
    }

    /// The image in CMYK from the cache, or converted and stored.
    func converted(_ ref: ImageRef, _ conversion: CMYKConversion) throws -> ImageXObject {
        guard let source = FileManager.default.contents(atPath: ref.file) else { throw PDFError.image(ref.issuePath, "unreadable") }
        var digest = Digest()
        digest.add(conversion.fingerprint)
        digest.add(source)
        let name = digest.hex
        lock.withLock { _ = used.insert(name) }
        let url = folder.appendingPathComponent(name)
        if let data = try? Data(contentsOf: url), let image = Self.decode(data) { return image }
        let image = try ImageXObject.load(ref, cmyk: conversion)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? OutputFile.write(Self.encode(image), to: url)
        return image
    }

    /// Removes the entries (and leftover temporaries) this build did not use.
    public func removeUnused() {
        let names = lock.withLock { used }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for entry in entries where !names.contains(entry) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(entry))
        }
    }

    static let magic = Array("BNTCMYK1".utf8)

    static func encode(_ image: ImageXObject) -> Data {
        var out = Data(magic)
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { out.append(contentsOf: $0) } }
        u32(image.width)
        u32(image.height)
        u32((image.filter == "/DCTDecode" ? 1 : 0) | (image.decode == nil ? 0 : 2))
        withUnsafeBytes(of: UInt64(image.data.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(contentsOf: image.data)
        var digest = Digest()
        digest.add(out)
        out.append(contentsOf: Array(digest.hex.utf8))
        return out
    }

    static func decode(_ data: Data) -> ImageXObject? {
        let bytes = [UInt8](data)
        let header = magic.count + 12 + 8, check = 32
        guard bytes.count >= header + check, Array(bytes[0..<magic.count]) == magic else { return nil }
        func u32(_ at: Int) -> Int { (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        let length = (0..<8).reduce(0) { $0 | Int(bytes[magic.count + 12 + $1]) << (8 * $1) }
        guard length >= 0, length <= bytes.count, bytes.count == header + length + check else { return nil }
        var digest = Digest()
        digest.add(Data(bytes[0..<(header + length)]))
        guard Array(digest.hex.utf8) == Array(bytes[(header + length)...]) else { return nil }
        let width = u32(magic.count), height = u32(magic.count + 4), flags = u32(magic.count + 8)
        guard width > 0, height > 0 else { return nil }
        return ImageXObject(width: width, height: height, colorSpace: "/DeviceCMYK", bitsPerComponent: 8,
                            filter: flags & 1 != 0 ? "/DCTDecode" : "/FlateDecode", data: Array(bytes[header..<(header + length)]),
                            decode: flags & 2 != 0 ? [1, 0, 1, 0, 1, 0, 1, 0] : nil)
    }
}
