import Foundation
import Loading
import Model

/// The name of each article's entry in the `ArticleStore`: a hash of everything that can change
/// how the article is typeset — Bantin's own binary, the layout files (defaults.yaml and the
/// layout's), every font file of the layout, the article's text and its images' bytes. Files are
/// hashed whole, each once per build; anything that cannot be read gives a key no entry has.
struct ArticleKeys {
    let workspace: Workspace
    /// Bumped when the cache's binary form changes.
    static let format = "bantin-article-cache 1"

    func keys(for loaded: LoadedIssue) -> [String] {
        var files: [String: String] = [:]
        func digest(_ url: URL) -> String {
            if let known = files[url.path] { return known }
            var hash = Digest()
            if let data = FileManager.default.contents(atPath: url.path) { hash.add(data) } else { hash.add("missing \(url.path)") }
            files[url.path] = hash.hex
            return hash.hex
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

    /// This program: its path, size and modification time (a rebuilt Bantin typesets anew).
    static let executable: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(date)"
    }()
}

/// FNV-1a in two 64-bit lanes with different offsets: 128 bits, fast, the same in every process
/// (Swift's `Hasher` is seeded per process, so it cannot name files that outlive one).
struct Digest {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142
    private static let prime: UInt64 = 0x100_0000_01b3

    mutating func add(_ data: Data) {
        data.withUnsafeBytes { raw in
            for byte in raw {
                a = (a ^ UInt64(byte)) &* Self.prime
                b = (b ^ UInt64(byte)) &* Self.prime
            }
        }
        end(data.count)
    }

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            a = (a ^ UInt64(byte)) &* Self.prime
            b = (b ^ UInt64(byte)) &* Self.prime
        }
        end(text.utf8.count)
    }

    /// Ends a field with its length, so `ab` + `c` and `a` + `bc` differ.
    private mutating func end(_ length: Int) {
        var n = UInt64(length)
        for _ in 0..<8 {
            a = (a ^ (n & 0xFF)) &* Self.prime
            b = (b ^ (n & 0xFF)) &* Self.prime
            n >>= 8
        }
    }

    var hex: String {
        [a, b].map { String($0, radix: 16).leftPadded(to: 16) }.joined()
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
