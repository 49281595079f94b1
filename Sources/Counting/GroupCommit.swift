import Foundation

/// One transaction for every report that arrives while the previous one commits (group
/// commit): the first report starts a transaction at once; those that come meanwhile wait
/// and go together in the next. Each caller gets its answer only after the transaction that
/// holds its change has committed, so an acknowledged view is never lost; when a commit fails,
/// every caller in it gets the error and nothing of theirs is counted.
public final class GroupCommit: @unchecked Sendable {
    public struct Report: Sendable {
        public var page: String
        public var view: Bool
        public var visit: Bool
        public var day: Day

        public init(page: String, view: Bool, visit: Bool, day: Day) {
            self.page = page
            self.view = view
            self.visit = visit
            self.day = day
        }
    }

    private struct Waiting {
        var report: Report
        var answer: CheckedContinuation<Counts, Error>
    }

    private let store: any CountStore
    private let lock = NSLock()
    private var waiting: [Waiting] = []
    private var running = false

    public init(store: any CountStore) {
        self.store = store
    }

    /// Counts after the transaction that held `report` committed.
    public func submit(_ report: Report) async throws -> Counts {
        try await withCheckedThrowingContinuation { answer in
            lock.lock()
            waiting.append(Waiting(report: report, answer: answer))
            let start = !running
            running = true
            lock.unlock()
            if start { Task { await drain() } }
        }
    }

    private func drain() async {
        while true {
            let batch = lock.withLock {
                let batch = waiting
                waiting = []
                if batch.isEmpty { running = false }
                return batch
            }
            if batch.isEmpty { return }
            do {
                let counts = try await store.commit(Self.changes(batch.map(\.report)))
                for item in batch { item.answer.resume(returning: counts) }
            } catch {
                for item in batch { item.answer.resume(throwing: error) }
            }
        }
    }

    /// The reports of one transaction, added up.
    static func changes(_ reports: [Report]) -> Changes {
        var changes = Changes(today: reports.map(\.day).max() ?? .today)
        for report in reports {
            changes.pages.insert(report.page)
            if report.view { changes.views[report.page, default: 0] += 1 }
            if report.visit { changes.visits[report.day, default: 0] += 1 }
        }
        return changes
    }
}
