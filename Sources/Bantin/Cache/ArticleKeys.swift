import Foundation
import Loading
import Model
import Output

/// The name of each article's entry in the `ArticleStore`: a hash of everything that can change
/// how the article is typeset — Bantin's own binary, the layout files (defaults.yaml and the
/// layout's), every font file of the layout, the article's text and its images' bytes. Files are
/// hashed whole (`Digest`, eight bytes a step), each once per build; anything that cannot be
/// read gives a key no entry has.
struct ArticleKeys {
    let workspace: Workspace
    /// Bumped when the cache's binary form changes.
    static let format = "bantin-article-cache 4"

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
