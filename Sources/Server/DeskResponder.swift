import Bantin
import Foundation
import Hummingbird
import PDF
import ServiceLifecycle

/// Every request of `bantin serve`, by its path. Nothing outside the output folder and the
/// desk's own assets is served: a path is percent-decoded once and refused when a segment is
/// `..`, `.` or empty, or holds a slash, backslash or NUL of its own; the file it names is then
/// resolved (symbolic links followed) and served only when it is still under the folder it was
/// asked from. No directory is listed; errors are short plain pages.
struct DeskResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let options: BuildOptions
    let state: DeskState
    let events: Broadcaster
    let ids: [String]
    let builder: DeskBuilder
    let watched: [String]

    var web: URL { options.outDirectory.appendingPathComponent("web") }

    func respond(to request: Request, context: Context) async throws -> Response {
        guard let segments = Self.segments(request.uri.path) else {
            return Self.plain(.badRequest, "This address is not one the desk serves.")
        }
        if request.method == .post, segments.count == 3, segments[0] == "desk", ids.contains(segments[1]), segments[2] == "proof" {
            return await proof(segments[1], request)
        }
        guard request.method == .get || request.method == .head else {
            return Self.plain(.methodNotAllowed, "Only GET and HEAD are served here, and POST of the desk's proof button.")
        }
        switch segments.first {
        case "proofs":
            // A round's change report and the page images it shows.
            guard segments.count >= 3, ids.contains(segments[1]) else { return Self.notFound }
            return file(options.outDirectory.appendingPathComponent(segments[1]).appendingPathComponent("proofs"), Array(segments.dropFirst(2)))
        case "desk": return desk(Array(segments.dropFirst()), query: request.uri.query ?? "")
        case "pdf":
            guard segments.count == 3, ids.contains(segments[1]), ["print.pdf", "screen.pdf", "proof.pdf"].contains(segments[2]) else { return Self.notFound }
            return file(options.outDirectory.appendingPathComponent(segments[1]), [segments[2]])
        default:
            return file(web, segments, directoryIndex: true)
        }
    }

    // MARK: The desk

    private func desk(_ path: [String], query: String) -> Response {
        switch path {
        case []:
            guard let first = ids.first else { return Self.notFound }
            return Response(status: .seeOther, headers: [.location: "/desk/\(first)/"])
        case ["events"]:
            let stream = events.subscribe(), events = events
            return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                            body: ResponseBody { writer in
                                // The server's graceful shutdown waits for open responses: an
                                // event stream ends when it begins.
                                try await withGracefulShutdownHandler {
                                    for await message in stream { try await writer.write(ByteBuffer(string: message)) }
                                } onGracefulShutdown: {
                                    events.finish()
                                }
                                try await writer.finish(nil)
                            })
        case ["desk.js"]: return Self.asset(DeskPage.script, type: "text/javascript; charset=utf-8")
        case ["desk.css"]: return Self.asset(DeskPage.style, type: "text/css; charset=utf-8")
        default: break
        }
        guard let id = path.first, ids.contains(id), let desk = state.desk(id) else { return Self.notFound }
        switch Array(path.dropFirst()) {
        case []:
            let proofs = options.outDirectory.appendingPathComponent(id).appendingPathComponent("proofs")
            return Self.page(DeskPage(desk: desk, ids: ids, proofs: proofs).html)
        case ["status.json"]:
            return Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: DeskPage(desk: desk, ids: ids).status)))
        case let rest where rest.count == 2 && (rest[0] == "page" || rest[0] == "large"):
            guard rest[1].hasSuffix(".png"), let n = Int(rest[1].dropLast(4)), let image = desk.pages.first(where: { $0.number == n }) else {
                return Self.notFound
            }
            let folder = options.outDirectory.appendingPathComponent(id).appendingPathComponent(".desk")
            guard rest[0] == "large" else { return file(folder, [image.file]) }
            // Large, drawn when first asked for (and kept while the page is unchanged).
            let large = "large-" + image.file
            if !FileManager.default.fileExists(atPath: folder.appendingPathComponent(large).path),
               let page = desk.laid.first(where: { $0.number == n }) {
                try? PreviewWriter(dpi: 150).writePage(page, to: folder.appendingPathComponent(large))
            }
            return file(folder, [large])
        default:
            return Self.notFound
        }
    }

    /// The desk's proof button: a build with a proof round, then back to the desk. Only from
    /// the desk's own pages: a form posted from another site carries its own origin.
    private func proof(_ id: String, _ request: Request) async -> Response {
        if let origin = request.headers[.origin], origin != "http://\(request.head.authority ?? "")" {
            return Self.plain(.forbidden, "A proof is asked for from the desk's own page.")
        }
        let builder = builder, root = options.root, watched = watched
        await DeskServer.offThread { builder.build(salt: Snapshot(root: root, folders: watched).salt, proof: true) }
        return Response(status: .seeOther, headers: [.location: "/desk/\(id)/"])
    }

    // MARK: Files

    /// A file under `folder`, or a folder's `index.html` when `directoryIndex`.
    private func file(_ folder: URL, _ segments: [String], directoryIndex: Bool = false) -> Response {
        guard let base = Self.real(folder) else { return Self.notFound }
        var url = segments.reduce(folder) { $0.appendingPathComponent($1) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return Self.notFound }
        if isFolder.boolValue {
            guard directoryIndex else { return Self.notFound }
            url = url.appendingPathComponent("index.html")
        }
        guard let real = Self.real(url), real.hasPrefix(base + "/"),
              let data = FileManager.default.contents(atPath: real) else { return Self.notFound }
        return Response(status: .ok, headers: [.contentType: Self.type(real), .cacheControl: "no-cache"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The path with every symbolic link followed, or nil when it does not exist.
    static func real(_ url: URL) -> String? {
        guard let resolved = realpath(url.path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The path's segments, percent-decoded; nil for one that could climb or hide a separator.
    static func segments(_ raw: String) -> [String]? {
        guard raw.hasPrefix("/") else { return nil }
        var parts = raw.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // "/issue/" names the folder: its last segment is empty.
        if parts.last == "" { parts.removeLast() }
        var out: [String] = []
        for part in parts {
            guard let decoded = part.removingPercentEncoding, !decoded.isEmpty, decoded != ".", decoded != "..",
                  !decoded.contains("/"), !decoded.contains("\\"), !decoded.contains("\0") else { return nil }
            out.append(decoded)
        }
        return out
    }

    static func type(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml"
        case "txt": "text/plain; charset=utf-8"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "svg": "image/svg+xml"
        case "woff2": "font/woff2"
        case "ttf": "font/ttf"
        case "pdf": "application/pdf"
        case "ico": "image/x-icon"
        default: "application/octet-stream"
        }
    }

    // MARK: Responses

    static let notFound = plain(.notFound, "Nothing here.")

    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: "\(status.code) \(status.reasonPhrase)\n\(text)\n")))
    }

    /// The desk's pages: scripts and styles from this origin only, nothing framed.
    static let policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    static func page(_ html: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                                        .contentSecurityPolicy: policy],
                 body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
