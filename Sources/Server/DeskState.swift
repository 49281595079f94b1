import Bantin
import Diagnostics
import Foundation
import Output
import Pages
import PDF
import Synchronization

/// What the desk shows of one issue: the pages of its last good build (each an image, named by
/// a digest of the page, so an unchanged page keeps its image), the diagnostics of the latest
/// build, its quality report and preflight verdict — and whether the pages are stale, that is,
/// whether the latest build failed and they are those of the one before.
struct IssueDesk: Sendable {
    struct PageImage: Sendable, Equatable {
        var number: Int
        /// `page-003-1a2b3c4d5e6f7a8b.png` in `out/<id>/.desk/`.
        var file: String
    }

    /// A diagnostic as the desk lists it: as the console prints it (location, source line,
    /// caret, hint), and the page where it happens, when it is in the pages.
    struct Item: Sendable {
        var severity: Severity
        var text: String
        var page: Int?
    }

    var id: String
    var pages: [PageImage] = []
    /// The pages themselves, to draw one large when it is asked for.
    var laid: [Page] = []
    var items: [Item] = []
    var quality: [(report: ArticleReport, page: Int?)] = []
    var preflight: (verdict: String, errors: Int, warnings: Int)?
    var stale = false
    /// Bumped by every build that changed anything shown.
    var version = 0
    var builtAt: Date?
}

/// Every issue's desk, read by the HTTP handlers and written by the builder.
final class DeskState: Sendable {
    private let issues = Mutex<[String: IssueDesk]>([:])
    private let order = Mutex<[String]>([])

    func set(_ desk: IssueDesk) {
        issues.withLock { $0[desk.id] = desk }
        order.withLock { if !$0.contains(desk.id) { $0.append(desk.id) } }
    }

    func desk(_ id: String) -> IssueDesk? { issues.withLock { $0[id] } }

    var ids: [String] { order.withLock { $0 } }
}

/// Server-sent events to every browser with the desk open. A stream per client; `finish` ends
/// them all, so that the server's graceful shutdown does not wait on open event streams.
final class Broadcaster: Sendable {
    private let clients = Mutex<[UUID: AsyncStream<String>.Continuation]>([:])
    private let finished = Mutex(false)

    func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let id = UUID()
        if finished.withLock({ $0 }) {
            continuation.finish()
            return stream
        }
        clients.withLock { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in self?.clients.withLock { _ = $0.removeValue(forKey: id) } }
        // A comment first, so a client knows at once that it is subscribed.
        continuation.yield(": subscribed\n\n")
        return stream
    }

    /// `event: NAME` with one line of data (JSON).
    func send(_ name: String, _ data: String) {
        let message = "event: \(name)\ndata: \(data)\n\n"
        for continuation in clients.withLock({ Array($0.values) }) { continuation.yield(message) }
    }

    func finish() {
        finished.withLock { $0 = true }
        for continuation in clients.withLock({ Array($0.values) }) { continuation.finish() }
    }
}
