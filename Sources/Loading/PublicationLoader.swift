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
        var baseURL: String?
        if let web = map.mapping("web", what: "web") {
            web.checkKeys(["base_url"])
            baseURL = web.string("base_url")
        }
        guard let title, let publisher else { return nil }
        var publication = Publication(title: title, publisher: publisher, language: language, issn: map.string("issn"),
                                      baseURL: baseURL)
        publication.board = map.strings("board")?.map(\.text) ?? []
        publication.address = map.string("address")
        publication.contact = map.string("contact")
        publication.license = map.string("license")
        publication.printer = map.string("printer")
        return publication
    }
}
