import Counting
import Foundation
import Hummingbird

/// Every request of `bantin serve --site`: the web edition from memory (`SiteFiles`) and the
/// counting API at `/api/views`. Paths are checked as the desk's are (`DeskResponder.segments`:
/// `..`, `.`, backslash or NUL in any encoding is a 400) and only files loaded from the web
/// folder exist; a folder serves its `index.html`.
struct SiteResponder: HTTPResponder {
    typealias Context = SiteContext

    let site: SiteFiles
    let counter: ViewCounter

    func respond(to request: Request, context: Context) async throws -> Response {
        guard let segments = DeskResponder.segments(request.uri.path) else {
            return Self.plain(.badRequest, "This address is not one the site serves.")
        }
        if segments == ["api", "views"] {
            return await counter.respond(to: request, peer: context.peer)
        }
        guard request.method == .get || request.method == .head else {
            return Self.plain(.methodNotAllowed, "Only GET and HEAD are served here.", headers: [.allow: "GET, HEAD"])
        }
        let path = segments.joined(separator: "/")
        if let file = site.files[path], !(path.isEmpty) {
            return serve(file, request)
        }
        let index = path.isEmpty ? "index.html" : path + "/index.html"
        guard let file = site.files[index] else { return Self.plain(.notFound, "Nothing here.") }
        // `/2025-q1` → `/2025-q1/`: the page's relative links are written for its folder.
        if !path.isEmpty, !request.uri.path.hasSuffix("/") {
            return Response(status: .movedPermanently, headers: [.location: "/" + segments.map(Self.escape).joined(separator: "/") + "/"])
        }
        return serve(file, request)
    }

    private func serve(_ file: SiteFiles.File, _ request: Request) -> Response {
        let gzip = file.gzip != nil && Self.acceptsGzip(request.headers[values: .acceptEncoding])
        // The gzip copy is another representation: a strong ETag of its own.
        let etag = gzip ? String(file.etag.dropLast()) + "-gz\"" : file.etag
        var headers: HTTPFields = [.contentType: file.type, .eTag: etag, .cacheControl: file.cacheControl]
        Self.secure(&headers)
        if file.gzip != nil { headers[.vary] = "Accept-Encoding" }
        if Self.matches(request.headers[values: .ifNoneMatch], etag) {
            return Response(status: .notModified, headers: headers)
        }
        let body = gzip ? file.gzip! : file.body
        if gzip { headers[.contentEncoding] = "gzip" }
        guard request.method == .get else {
            headers[.contentLength] = String(body.readableBytes)
            return Response(status: .ok, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }

    /// `gzip` listed in Accept-Encoding without `q=0`.
    static func acceptsGzip(_ values: [String]) -> Bool {
        values.flatMap { $0.split(separator: ",") }.contains { item in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard parts.first == "gzip" || parts.first == "*" else { return false }
            return !parts.dropFirst().contains { $0.hasPrefix("q=") && (Double($0.dropFirst(2)) ?? 1) == 0 }
        }
    }

    /// If-None-Match holds `etag` (or `*`); a weak `W/` tag compares by its value, as RFC 9110 says.
    static func matches(_ values: [String], _ etag: String) -> Bool {
        values.flatMap { $0.split(separator: ",") }.contains { tag in
            let tag = tag.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }

    /// What the pages' Content-Security-Policy meta says, as a header too (a header also covers
    /// what a meta cannot: framing), and no guessing of types.
    static let policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    static func secure(_ headers: inout HTTPFields) {
        headers[.xContentTypeOptions] = "nosniff"
        headers[.contentSecurityPolicy] = policy
        headers[HTTPFields.Element.Name("Referrer-Policy")!] = "strict-origin-when-cross-origin"
    }

    static func escape(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? segment
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"]
        secure(&headers)
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers,
                        body: .init(byteBuffer: ByteBuffer(string: "\(status.code) \(status.reasonPhrase)\n\(text)\n")))
    }
}
