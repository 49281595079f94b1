import Counting
import Foundation
import Hummingbird

/// `POST /api/views` with `{"page":"2025-q1/slug/"}`: the page's report, from the site's
/// `counter.js`. Answers `{"views":N,"today":a,"week":b,"total":c}` (`views` for an article
/// page only) once the transaction that counted it has committed. A reader counts one view per
/// page and one visit of the site per day (`Visitors`); a bot is answered but not counted.
/// Every refusal changes nothing: a body over 1 KB 413, JSON that is not `{"page": string}`
/// 400, a page the site does not have 404, another method 405.
struct ViewCounter: Sendable {
    let site: SiteFiles
    let visitors: Visitors
    let commits: GroupCommit
    /// Take the client's address from the last hop of X-Forwarded-For (a reverse proxy in front).
    let trustProxy: Bool

    static let limit = 1024

    func respond(to request: Request, peer: String) async -> Response {
        guard request.method == .post else {
            return SiteResponder.plain(.methodNotAllowed, "Views are reported with POST.", headers: [.allow: "POST"])
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > Self.limit {
            return SiteResponder.plain(.contentTooLarge, "A report is at most \(Self.limit) bytes.")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.limit)
        } catch {
            return SiteResponder.plain(.contentTooLarge, "A report is at most \(Self.limit) bytes.")
        }
        guard let report = try? JSONDecoder().decode(Report.self, from: Data(body.readableBytesView)) else {
            return SiteResponder.plain(.badRequest, #"A report is JSON: {"page":"2025-q1/slug/"}."#)
        }
        guard let page = Self.page(report.page), site.pages.contains(page) else {
            return SiteResponder.plain(.notFound, "The site has no such page.")
        }
        let agent = request.headers[.userAgent] ?? ""
        let purpose = [Self.purpose, Self.secPurpose, Self.xMoz].flatMap { request.headers[values: $0] }
        let day = Day.today
        var admission = Admission.none
        if !Bots.isBot(agent: agent, purpose: purpose) {
            admission = visitors.admit(ip: client(request, peer), agent: agent, page: page, on: day)
        }
        let isArticle = site.articles.contains(page)
        let counts: Counts
        do {
            counts = try await commits.submit(.init(page: page, view: isArticle && admission.countsView, visit: admission.countsVisit, day: day))
        } catch {
            visitors.forget(admission)
            return SiteResponder.plain(.serviceUnavailable, "The view could not be counted now.")
        }
        var json = "{"
        if isArticle { json += "\"views\":\(counts.views[page] ?? 0)," }
        json += "\"today\":\(counts.today),\"week\":\(counts.week),\"total\":\(counts.total)}"
        var headers: HTTPFields = [.contentType: "application/json", .cacheControl: "no-store"]
        SiteResponder.secure(&headers)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    /// The reader's address: the socket's peer, or with `--trust-proxy` the last address in
    /// X-Forwarded-For (the one the proxy itself added; earlier ones are the client's to invent).
    func client(_ request: Request, _ peer: String) -> String {
        if trustProxy, let last = request.headers[values: Self.forwardedFor].flatMap({ $0.split(separator: ",") }).last {
            return String(last).trimmingCharacters(in: .whitespaces)
        }
        return peer
    }

    /// The page as the site names it: `2025-q1/slug/` (also taken with a leading slash, without
    /// the trailing one, or ending in `index.html`); `""` is the front page. Nil for a path that
    /// could climb.
    static func page(_ raw: String) -> String? {
        guard raw.utf8.count <= 512 else { return nil }
        var path = raw.hasPrefix("/") ? String(raw.dropFirst()) : raw
        if path == "index.html" { path = "" }
        if path.hasSuffix("/index.html") { path = String(path.dropLast("index.html".count)) }
        if !path.isEmpty, !path.hasSuffix("/") { path += "/" }
        guard path.isEmpty || DeskResponder.segments("/" + path) != nil, !path.contains("%") else { return nil }
        return path
    }

    private struct Report: Decodable {
        var page: String
    }

    static let forwardedFor = HTTPFields.Element.Name("X-Forwarded-For")!
    static let purpose = HTTPFields.Element.Name("Purpose")!
    static let secPurpose = HTTPFields.Element.Name("Sec-Purpose")!
    static let xMoz = HTTPFields.Element.Name("X-Moz")!
}
