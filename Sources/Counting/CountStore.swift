/// Where the counts live: SQLite (`SQLiteCounts`) or PostgreSQL (`PostgresCounts`), one protocol.
/// A store keeps numbers only: each page's views, and the site's visits per day.
public protocol CountStore: Sendable {
    /// Adds `changes` in one transaction and returns, read inside it, the counts after it. Returns
    /// only once the transaction is committed (durably: SQLite's WAL with `synchronous=FULL`,
    /// PostgreSQL's commit), so what the caller acknowledges survives a crash.
    func commit(_ changes: Changes) async throws -> Counts

    /// Ends the connections; the store is not used after.
    func close() async
}

/// What one transaction adds and what it reads back.
public struct Changes: Sendable, Equatable {
    /// Views to add, by page.
    public var views: [String: Int] = [:]
    /// Site visits to add, by day.
    public var visits: [Day: Int] = [:]
    /// The pages whose totals are read back (those viewed and those only asked about).
    public var pages: Set<String> = []
    /// The day "today" and "the last 7 days" are counted to.
    public var today: Day

    public init(today: Day) { self.today = today }
}

/// The counts a page shows: its own views, and the site's visits today, over the last 7 days
/// (today and the 6 before) and ever.
public struct Counts: Sendable, Equatable {
    public var views: [String: Int]
    public var today: Int
    public var week: Int
    public var total: Int

    public init(views: [String: Int], today: Int, week: Int, total: Int) {
        self.views = views
        self.today = today
        self.week = week
        self.total = total
    }
}

/// The schema both stores share (PostgreSQL's `bigint`s where SQLite has `INTEGER`).
enum Schema {
    static let pageViews = "page_views"
    static let siteVisits = "site_visits"
}
