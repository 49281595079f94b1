import Foundation
import Logging
import PostgresNIO

/// The counts in PostgreSQL (`--database postgres://user:pass@host:port/db`), so that several
/// servers behind a load balancer add to the same numbers: the tables are created when missing,
/// every change is an upsert (`ON CONFLICT … DO UPDATE`, atomic under concurrent servers), and
/// `commit` returns once PostgreSQL has committed.
public final class PostgresCounts: CountStore {
    private let client: PostgresClient
    private let logger: Logger
    private let runner: Task<Void, Never>

    /// Connects and creates the tables when missing; throws a `CountingError` naming what failed.
    public init(url: String, logger: Logger) async throws {
        let configuration = try Self.configuration(url)
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
        let client = client
        runner = Task { await client.run() }
        do {
            // The pool retries a refused connection for ever: the first answer is awaited 10 s.
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await client.query("CREATE TABLE IF NOT EXISTS page_views (page text PRIMARY KEY, views bigint NOT NULL)", logger: logger)
                    try await client.query("CREATE TABLE IF NOT EXISTS site_visits (day text PRIMARY KEY, visits bigint NOT NULL)", logger: logger)
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(10))
                    throw CountingError.database("no answer in 10 s")
                }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            runner.cancel()
            throw CountingError.database("could not reach PostgreSQL at \(Self.redacted(url)): \(Self.reason(error))")
        }
    }

    /// What went wrong, in a line (PostgreSQL's own message when it sent one).
    static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
        }
        return "\(error)"
    }

    public func commit(_ changes: Changes) async throws -> Counts {
        try await client.withTransaction(logger: logger) { connection in
            // In a fixed order, so two servers' transactions take the rows' locks alike and never deadlock.
            for (page, n) in changes.views.sorted(by: { $0.key < $1.key }) {
                try await connection.query("""
                    INSERT INTO page_views (page, views) VALUES (\(page), \(n))
                    ON CONFLICT (page) DO UPDATE SET views = page_views.views + EXCLUDED.views
                    """, logger: logger)
            }
            for (day, n) in changes.visits.sorted(by: { $0.key < $1.key }) {
                let text = day.description
                try await connection.query("""
                    INSERT INTO site_visits (day, visits) VALUES (\(text), \(n))
                    ON CONFLICT (day) DO UPDATE SET visits = site_visits.visits + EXCLUDED.visits
                    """, logger: logger)
            }
            var views: [String: Int] = [:]
            for page in changes.pages {
                views[page] = 0
                let rows = try await connection.query("SELECT views FROM page_views WHERE page = \(page)", logger: logger)
                for try await n in rows.decode(Int.self) { views[page] = n }
            }
            let today = changes.today.description, weekStart = changes.today.adding(-6).description
            let rows = try await connection.query("""
                SELECT COALESCE(SUM(CASE WHEN day = \(today) THEN visits END), 0)::bigint,
                       COALESCE(SUM(CASE WHEN day >= \(weekStart) AND day <= \(today) THEN visits END), 0)::bigint,
                       COALESCE(SUM(visits), 0)::bigint
                FROM site_visits
                """, logger: logger)
            var counts = Counts(views: views, today: 0, week: 0, total: 0)
            for try await (a, b, c) in rows.decode((Int, Int, Int).self) {
                counts.today = a
                counts.week = b
                counts.total = c
            }
            return counts
        }
    }

    public func close() async {
        runner.cancel()
        _ = await runner.result
    }

    /// `postgres://user:password@host:port/database` (also `postgresql://`; `?sslmode=require`
    /// asks for TLS, which is otherwise off: the database is expected beside the server).
    static func configuration(_ url: String) throws -> PostgresClient.Configuration {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
              let host = parts.host, !host.isEmpty, let user = parts.user, !user.isEmpty else {
            throw CountingError.usage("--database must look like postgres://user:password@host:5432/database, not '\(redacted(url))'")
        }
        let database = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        let tls: PostgresClient.Configuration.TLS
        if parts.queryItems?.contains(where: { $0.name == "sslmode" && $0.value == "require" }) == true {
            tls = .require(.makeClientConfiguration())
        } else {
            tls = .disable
        }
        return .init(host: host, port: parts.port ?? 5432, username: user.removingPercentEncoding ?? user,
                     password: parts.password?.removingPercentEncoding, database: database.isEmpty ? nil : database, tls: tls)
    }

    /// The URL with its password hidden, for messages.
    static func redacted(_ url: String) -> String {
        url.replacingOccurrences(of: #"(://[^:/@]*:)[^@/]*@"#, with: "$1…@", options: .regularExpression)
    }
}

public enum CountingError: Error, CustomStringConvertible {
    case usage(String)
    case database(String)

    public var description: String {
        switch self {
        case .usage(let text), .database(let text): text
        }
    }
}
