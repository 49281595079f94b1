import Foundation
import GRDB

/// The counts in one SQLite file (`counts.sqlite` in the data folder), through GRDB: WAL, and
/// `synchronous=FULL`, so that a commit is on disk (the WAL fsynced) before `commit` returns.
public final class SQLiteCounts: CountStore {
    private let pool: DatabasePool
    public let file: URL

    /// Opens (creating the folder, the file and the tables when missing) `counts.sqlite` in `folder`.
    public init(folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        file = folder.appendingPathComponent("counts.sqlite")
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA busy_timeout = 5000")
        }
        pool = try DatabasePool(path: file.path, configuration: configuration)  // a pool is in WAL mode
        try pool.write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS \(Schema.pageViews) (page TEXT PRIMARY KEY, views INTEGER NOT NULL) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS \(Schema.siteVisits) (day TEXT PRIMARY KEY, visits INTEGER NOT NULL) WITHOUT ROWID;
                """)
        }
    }

    public func commit(_ changes: Changes) async throws -> Counts {
        try await pool.write { db in
            for (page, n) in changes.views {
                try db.execute(sql: """
                    INSERT INTO \(Schema.pageViews) (page, views) VALUES (?, ?)
                    ON CONFLICT (page) DO UPDATE SET views = views + excluded.views
                    """, arguments: [page, n])
            }
            for (day, n) in changes.visits {
                try db.execute(sql: """
                    INSERT INTO \(Schema.siteVisits) (day, visits) VALUES (?, ?)
                    ON CONFLICT (day) DO UPDATE SET visits = visits + excluded.visits
                    """, arguments: [day.description, n])
            }
            var views: [String: Int] = [:]
            for page in changes.pages {
                views[page] = try Int.fetchOne(db, sql: "SELECT views FROM \(Schema.pageViews) WHERE page = ?", arguments: [page]) ?? 0
            }
            let today = changes.today.description, weekStart = changes.today.adding(-6).description
            let row = try Row.fetchOne(db, sql: """
                SELECT COALESCE(SUM(CASE WHEN day = ? THEN visits END), 0),
                       COALESCE(SUM(CASE WHEN day >= ? AND day <= ? THEN visits END), 0),
                       COALESCE(SUM(visits), 0)
                FROM \(Schema.siteVisits)
                """, arguments: [today, weekStart, today])
            return Counts(views: views, today: row?[0] ?? 0, week: row?[1] ?? 0, total: row?[2] ?? 0)
        }
    }

    public func close() async {
        try? pool.close()
    }
}
