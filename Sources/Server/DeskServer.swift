import Bantin
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `bantin serve`: the web edition at `/` as `bantin build` writes it, the desk at `/desk/`, the
/// PDFs at `/pdf/<id>/print.pdf` and `/pdf/<id>/screen.pdf`; every change under `issues/`,
/// `layouts/` or `fonts/` rebuilds, and the browsers with the desk open are told over
/// server-sent events. Stops on SIGINT or SIGTERM once the build under way is done.
public struct DeskServer: Sendable {
    public var options: BuildOptions
    public var folders: [URL]
    public var host: String
    /// 0: a free port, chosen by the system.
    public var port: Int
    /// Resolution of the desk's page images.
    public var dpi: Double = 60
    /// How often the watched folders are looked at.
    public var poll: Duration = .milliseconds(50)

    public init(options: BuildOptions, folders: [URL], host: String = "127.0.0.1", port: Int = 8080) {
        self.options = options
        self.folders = folders
        self.host = host
        self.port = port
    }

    /// Runs until SIGINT or SIGTERM. `ready` gets the port once the first build is on the desk
    /// and the server listens.
    public func run(log: @escaping @Sendable (String) -> Void, ready: @escaping @Sendable (Int) -> Void) async throws {
        let state = DeskState(), events = Broadcaster()
        let builder = DeskBuilder(options: options, folders: folders, state: state, events: events, dpi: dpi, log: log)
        let watched = ["issues", "layouts", "fonts"]
        let first = Snapshot(root: options.root, folders: watched)
        await Self.offThread { builder.build(salt: first.salt) }
        let responder = DeskResponder(options: options, state: state, events: events, ids: builder.ids(), builder: builder,
                                      watched: watched)
        let watcher = WatchService(builder: builder, events: events, root: options.root, folders: watched, start: first, poll: poll)
        let app = Application(responder: responder,
                              configuration: .init(address: .hostname(host, port: port), serverName: nil),
                              services: [watcher],
                              onServerRunning: { channel in ready(channel.localAddress?.port ?? 0) },
                              logger: Self.quietLogger())
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    static func offThread(_ work: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                work()
                done.resume()
            }
        }
    }

    static func quietLogger() -> Logger {
        var logger = Logger(label: "bantin-serve")
        logger.logLevel = .warning
        return logger
    }
}

/// Watches the folders and rebuilds when they change. A build runs to its end; changes made
/// meanwhile start the next one as soon as it is done, so the last change always wins and no
/// two builds run at once. On shutdown it ends the event streams, which the server then closes.
struct WatchService: Service {
    let builder: DeskBuilder
    let events: Broadcaster
    let root: URL
    let folders: [String]
    let start: Snapshot
    let poll: Duration

    func run() async throws {
        defer { events.finish() }
        try? await cancelWhenGracefulShutdown { try await watch() }
    }

    private func watch() async throws {
        var last = start
        while !Task.isCancelled {
            try await Task.sleep(for: poll)
            let now = Snapshot(root: root, folders: folders)
            guard now != last else { continue }
            // A save may come in several writes: wait for the files to settle.
            try await Task.sleep(for: .milliseconds(30))
            let settled = Snapshot(root: root, folders: folders)
            guard settled == now else { continue }
            last = settled
            let root = root, folders = folders
            await DeskServer.offThread {
                builder.build(salt: settled.salt) { Snapshot(root: root, folders: folders) != settled }
            }
        }
    }
}
