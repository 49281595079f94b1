import Diagnostics
import Foundation
import Model

/// Reads `publication.yaml`, which lives in the folder above every issue folder.
struct PublicationLoader {
    let workspace: Workspace
    let engine: DiagnosticEngine

    static let keys = ["title", "publisher", "language", "issn", "web", "board", "address", "contact", "license", "printer"]

    func load(_ url: URL) -> Publication? {
        guard let file = workspace.readText(url, referencedFrom: nil, engine: engine) else { return nil }
        let yaml = YAMLDocument(file: file, engine: engine)
        guard let map = MappingReader(yaml.root, in: yaml, what: "publication.yaml", engine: engine) else {
            if !yaml.failed {
                engine.emit(.error("missing-key", "publication.yaml is empty", at: .file(file.path),
                                   hint: "write at least `title:` and `publisher:`"))
            }
            return nil
        }
        map.checkKeys(Self.keys)
        let title = map.string("title", required: true, example: "Bản tin Khoa học và Công nghệ")
        let publisher = map.string("publisher", required: true, example: "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh …")
        let language = map.string("language") ?? "vi"
        if language != "vi" {
            engine.emit(.warning("language", "only Vietnamese (`vi`) is typeset and checked for now", at: map.range("language")))
        }
        var baseURL: String?, favicon: String?
        if let web = map.mapping("web", what: "web") {
            web.checkKeys(["base_url", "favicon"])
            baseURL = web.string("base_url")
            favicon = web.string("favicon").flatMap { self.favicon($0, folder: url.deletingLastPathComponent(), at: web.range("favicon")) }
        }
        guard let title, let publisher else { return nil }
        var publication = Publication(title: title, publisher: publisher, language: language, issn: map.string("issn"),
                                      baseURL: baseURL)
        publication.board = map.strings("board")?.map(\.text) ?? []
        publication.address = map.string("address")
        publication.contact = map.string("contact")
        publication.license = map.string("license")
        publication.printer = map.string("printer")
        publication.favicon = favicon
        return publication
    }

    /// The icon's file, relative to the folder of `publication.yaml` and inside it: a PNG or a
    /// JPEG, which the web edition scales to the sizes browsers ask for.
    private func favicon(_ path: String, folder: URL, at range: SourceRange) -> String? {
        guard let file = workspace.resolve(path, against: folder, inside: folder) else {
            engine.emit(.error("outside-issue", "the favicon '\(path)' is outside the folder of publication.yaml", at: range,
                               hint: "put the image beside the issues, e.g. `favicon: images/logo.png`"))
            return nil
        }
        guard workspace.fileExists(file) else {
            engine.emit(.error("missing-image", "no image file '\(path)' for the favicon", at: range, hint: Workspace.siblingsHint(of: file)))
            return nil
        }
        guard ["png", "jpg", "jpeg"].contains(file.pathExtension.lowercased()) else {
            engine.emit(.error("bad-image", "the favicon '\(path)' must be a PNG or JPEG file", at: range,
                               hint: "a square PNG of at least 180 × 180 pixels looks best"))
            return nil
        }
        return file.path
    }
}
