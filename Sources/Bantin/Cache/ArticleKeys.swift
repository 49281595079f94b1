import Foundation
import Loading
import Model
import Output

/// The name of each article's entry in the `ArticleStore`: a hash of everything that can change
/// how the article is typeset — Bantin's own binary, the layout files (defaults.yaml and the
/// layout's), every font file of the layout, the article's text and its images' bytes. Files are
/// hashed whole (`contents`), each once per build; anything that cannot be read gives a key no
/// entry has.
struct ArticleKeys {
    let workspace: Workspace
    /// Bumped when the cache's binary form changes.
    static let format = "bantin-article-cache 2"

    func keys(for loaded: LoadedIssue) -> [String] {
        var files: [String: String] = [:]
        func digest(_ url: URL) -> String {
            if let known = files[url.path] { return known }
            let hash = FileManager.default.contents(atPath: url.path).map(Self.contents) ?? "missing \(url.path)"
            files[url.path] = hash
            return hash
        }
        var shared = Digest()
        shared.add(Self.format)
        shared.add(Self.executable)
        let layouts = workspace.layoutsDirectory
        shared.add(loaded.layout.name)
        for name in [LayoutLoader.defaultsName, loaded.layout.name] {
            shared.add(digest(layouts.appendingPathComponent(name + ".yaml")))
        }
        for file in Set(loaded.layout.fonts.values.flatMap(\.files)).sorted() {
            shared.add(file)
            shared.add(digest(workspace.fontsDirectory.appendingPathComponent(file)))
        }
        return loaded.issue.articles.map { article in
            var hash = shared
            hash.add(article.path)
            hash.add(digest(workspace.url(forDisplayPath: article.path)))
            for figure in article.figures {
                hash.add(figure.image.issuePath)
                hash.add(digest(URL(fileURLWithPath: figure.image.file)))
            }
            return hash.hex
        }
    }

    /// A file's bytes hashed eight at a time in two lanes of a multiply–rotate mix (128 bits):
    /// the layout's fonts and the images are megabytes, and `Digest`'s FNV-1a, a byte at a time,
    /// made hashing them most of the keys' cost. Each step is one-to-one, so a file that differs
    /// in one word always hashes differently; files that differ more, all but surely.
    static func contents(_ data: Data) -> String {
        data.withUnsafeBytes { raw in
            var a: UInt64 = 0x243f_6a88_85a3_08d3, b: UInt64 = 0x1319_8a2e_0370_7344
            func mix(_ w: UInt64) {
                a = (a ^ w) &* 0x9e37_79b9_7f4a_7c15
                a = a << 31 | a >> 33
                b = (b ^ w) &* 0xc2b2_ae3d_27d4_eb4f
                b = b << 29 | b >> 35
            }
            let words = raw.count / 8
            for i in 0..<words { mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))) }
            var tail: UInt64 = 0
            for i in (words * 8)..<raw.count { tail = tail << 8 | UInt64(raw[i]) }
            mix(tail)
            mix(UInt64(raw.count))
            return String(a, radix: 16) + "." + String(b, radix: 16)
        }
    }

    /// This program: its path, size and modification time (a rebuilt Bantin typesets anew).
    static let executable: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(date)"
    }()
}
