import Counting
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `bantin serve --site`: the readers' site in production. Serves the web edition that
/// `bantin build` wrote to `<out>/web` (read into memory at start, no desk, no watching) and
/// counts views and visits at `/api/views`, in SQLite under the data folder or in PostgreSQL.
/// Stops on SIGINT or SIGTERM once the requests under way are answered.
public struct SiteServer: Sendable {
    public var web: URL
    /// Where `counts.sqlite` lives, when no database is named.
    public var data: URL
    /// `postgres://…`: the counts in PostgreSQL instead.
    public var database: String?
    public var host: String
    public var port: Int
    public var trustProxy: Bool

    public init(web: URL, data: URL, database: String?, host: String, port: Int, trustProxy: Bool) {
        self.web = web
        self.data = data
        self.database = database
        self.host = host
        self.port = port
        self.trustProxy = trustProxy
    }

    /// Runs until SIGINT or SIGTERM; `ready` gets the port and a line saying where the counts go.
    public func run(ready: @escaping @Sendable (Int, String) -> Void) async throws {
        let site = try SiteFiles(folder: web)
        let logger = DeskServer.quietLogger()
        let store: any CountStore, where_: String
        if let database {
            store = try await PostgresCounts(url: database, logger: logger)
            where_ = "counts in PostgreSQL"
        } else {
            let sqlite = try SQLiteCounts(folder: data)
            store = sqlite
            where_ = "counts in \(sqlite.file.path)"
        }
        let counter = ViewCounter(site: site, visitors: Visitors(), commits: GroupCommit(store: store), trustProxy: trustProxy)
        let app = Application(responder: SiteResponder(site: site, counter: counter),
                              configuration: .init(address: .hostname(host, port: port), serverName: nil),
                              onServerRunning: { channel in ready(channel.localAddress?.port ?? 0, where_) },
                              logger: logger)
        do {
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}
