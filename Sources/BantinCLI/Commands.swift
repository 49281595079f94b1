import ArgumentParser
import Bantin
import Server
import Diagnostics
import Loading
import Output
import Foundation

struct BantinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bantin",
        abstract: "Typesets a quarterly bulletin: print PDF and web edition from a YAML manifest and Markdown articles.",
        subcommands: [Build.self, Check.self, Preview.self, Serve.self, Dump.self, Import.self, New.self],
        defaultSubcommand: Build.self)
}

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "The project folder holding layouts/ and fonts/ (default: the current folder).")
    var root: String?

    @Option(name: .long, help: "Use this layout instead of the one issue.yaml names.")
    var layout: String?

    @Option(name: .long, help: "How diagnostics are printed: text (path:line:col: error: …) or json (one object per line).")
    var diagnosticsFormat: DiagnosticsFormat = .text

    var rootURL: URL {
        URL(fileURLWithPath: root ?? FileManager.default.currentDirectoryPath)
    }

    /// The run's pipeline, after checking that the run is not from inside an issue folder.
    func pipeline(out: String = "out", booklet: Bool = false, proof: Bool = false) throws -> Pipeline {
        try Usage.checkRunFolder(root: root)
        let outURL = URL(fileURLWithPath: out, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return Pipeline(options: BuildOptions(root: rootURL, outDirectory: outURL.standardized, layoutOverride: layout, booklet: booklet,
                                              proof: proof),
                        log: { line in
                            print(line)
                            fflush(nil)  // every output stream: progress shows as it happens
                        })
    }
}

func folders(_ paths: [String], _ pipeline: Pipeline) throws -> [URL] {
    if paths.isEmpty {
        let found = pipeline.defaultIssueFolders()
        guard !found.isEmpty else { throw ValidationError("no issue folders under \(pipeline.options.root.path)/issues/") }
        return found
    }
    return try Usage.issueFolders(paths, root: pipeline.options.root)
}

enum DiagnosticsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `finish`, then the end of the process, at once: nothing is left to tear down that the
/// operating system would not reclaim anyway.
func end(_ pipeline: Pipeline, format: DiagnosticsFormat) -> Never {
    var status: Int32 = 0
    do {
        try finish(pipeline, format: format)
    } catch let code as ExitCode {
        status = code.rawValue
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        status = 1
    }
    fflush(nil)
    exit(status)
}

/// Prints every diagnostic of the run to standard error, then a count; exits 1 on errors.
func finish(_ pipeline: Pipeline, format: DiagnosticsFormat = .text) throws {
    let engine = pipeline.engine
    if !engine.diagnostics.isEmpty {
        let text = format == .json
            ? JSONRenderer().render(engine)
            : ConsoleRenderer(useColor: isatty(STDERR_FILENO) != 0).render(engine)
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
    if engine.hasErrors {
        if format == .text {
            FileHandle.standardError.write(Data("\(engine.errorCount) error(s), \(engine.warningCount) warning(s)\n".utf8))
        }
        throw ExitCode(1)
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the print PDF and web edition of issues.")

    @Argument(help: "Issue folders (default: every folder under issues/).")
    var issues: [String] = []

    @Option(name: .long, help: "Where outputs go.")
    var out = "out"

    @Flag(name: .long, help: "Print how long each step took.")
    var timings = false

    @Flag(name: .long, help: "Also write booklet.pdf: pages imposed 2-up for saddle stitching (A4 on A3, A5 on A4).")
    var booklet = false

    @Flag(name: .long, help: "Also write a proof round for the board: proof.pdf (numbered lines, watermark) and, from the second round, changes.html.")
    var proof = false

    @OptionGroup var common: CommonOptions

    func run() throws {
        let pipeline = try common.pipeline(out: out, booklet: booklet, proof: proof)
        let built = pipeline.build(try folders(issues, pipeline))
        for issue in built {
            print("built \(issue.issue.id): \(issue.pages.count) pages → \(issue.printPDF.path), \(issue.webPages.count) web pages")
            if timings {
                for timing in issue.timings {
                    let name = timing.step.padding(toLength: 22, withPad: " ", startingAt: 0)
                    print("  \(name)" + String(format: "%8.1f ms", timing.seconds * 1000))
                }
            }
        }
        // The pages of a large issue are millions of values: the process ends with them alive
        // rather than freeing them one by one on the way out.
        withExtendedLifetime(built) { end(pipeline, format: common.diagnosticsFormat) }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load and typeset issues and report every problem; write nothing.")

    @Argument(help: "Issue folders (default: every folder under issues/).")
    var issues: [String] = []

    @OptionGroup var common: CommonOptions

    func run() throws {
        let pipeline = try common.pipeline()
        for folder in try folders(issues, pipeline) {
            if let report = pipeline.checkReport(folder) { print(report) }
        }
        try finish(pipeline, format: common.diagnosticsFormat)
    }
}

struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write PNG previews of pages (and, when asked, a contact sheet of the whole issue), for designers.")

    @Argument(help: "The issue folder.")
    var issue: String

    @Option(name: .long, help: "Pages to render, e.g. 1-4 or 7 (default: all).")
    var pages: String?

    @Option(name: .long, help: "Resolution of the page previews.")
    var dpi: Double = 100

    @Flag(name: .long, help: "Also draw contact-sheet.png: every page, in spreads.")
    var contactSheet = false

    @Option(name: .long, help: "Where outputs go (previews in <out>/<id>/preview/).")
    var out = "out"

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if let pages, PageRange.parse(pages) == nil {
            throw ValidationError("--pages takes a page or a range such as 1-4, not '\(pages)'")
        }
        guard (10...600).contains(dpi) else { throw ValidationError("--dpi must be between 10 and 600") }
    }

    func run() throws {
        let pipeline = try common.pipeline(out: out)
        let folder = try Usage.issueFolders([issue], root: pipeline.options.root)[0]
        if let files = pipeline.preview(folder, pages: pages.flatMap(PageRange.parse), dpi: dpi, contactSheet: contactSheet) {
            for file in files { print(file.path) }
        }
        try finish(pipeline, format: common.diagnosticsFormat)
    }
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the web edition, the desk (every page, diagnostics, quality, preflight) and the PDFs; rebuild on every change.",
        discussion: "With --site: the readers' site instead, in production: the web edition already built in <out>/web, with cache headers, compression and view counters (SQLite in --data, or PostgreSQL with --database); no desk, no rebuilding.")

    @Argument(help: "The issue folders (default: every folder under issues/ with an issue.yaml).")
    var issues: [String] = []

    @Option(name: .long, help: "Port to listen on (0: any free port).")
    var port: Int = 8080

    @Option(name: .long, help: "Address to listen on: loopback unless told otherwise.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Where outputs go.")
    var out = "out"

    @Flag(name: .long, help: "The readers' site: serve <out>/web as built, with view counters; no desk.")
    var site = false

    @Option(name: .long, help: "With --site: the folder of counts.sqlite (default: data/ in the project folder).")
    var data: String?

    @Option(name: .long, help: "With --site: keep the counts in PostgreSQL, postgres://user:password@host:5432/database.")
    var database: String?

    @Flag(name: .long, help: "With --site: the reader's address is the last hop of X-Forwarded-For (behind a reverse proxy).")
    var trustProxy = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if !site, data != nil || database != nil || trustProxy {
            throw ValidationError("--data, --database and --trust-proxy go with --site")
        }
        if site, !issues.isEmpty { throw ValidationError("--site serves the built site: name no issue folders (build them with `bantin build`)") }
        if data != nil, database != nil { throw ValidationError("--data (SQLite) or --database (PostgreSQL), not both") }
    }

    func run() throws {
        if site { return try runSite() }
        let pipeline = try common.pipeline(out: out)
        let server = DeskServer(options: pipeline.options, folders: try folders(issues, pipeline), host: host, port: port)
        let host = host
        try Self.runUntilStopped(failing: "the server stopped: ") {
            try await server.run(log: { line in
                print(line)
                fflush(nil)
            }, ready: { port in
                print("serving http://\(host):\(port)/ (the desk at /desk/); Ctrl-C stops")
                fflush(nil)
            })
        }
    }

    /// `--site`: the built web edition and its counters.
    private func runSite() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let outURL = URL(fileURLWithPath: out, relativeTo: cwd).standardized
        let dataURL = data.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardized } ?? common.rootURL.appendingPathComponent("data")
        let server = SiteServer(web: outURL.appendingPathComponent("web"), data: dataURL, database: database, host: host, port: port,
                                trustProxy: trustProxy)
        let host = host
        try Self.runUntilStopped(failing: "") {
            try await server.run { port, counts in
                print("serving the site http://\(host):\(port)/ (\(counts)); Ctrl-C stops")
                fflush(nil)
            }
        }
    }

    /// Runs a server's task from this synchronous command until it stops (SIGINT or SIGTERM):
    /// "stopped", or its error after `failing` on standard error and exit status 1.
    private static func runUntilStopped(failing: String, _ server: @escaping @Sendable () async throws -> Void) throws {
        let done = DispatchSemaphore(value: 0)
        let failure = Failure()
        Task {
            do {
                try await server()
            } catch {
                failure.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = failure.error {
            FileHandle.standardError.write(Data("error: \(failing)\(error)\n".utf8))
            throw ExitCode(1)
        }
        print("stopped")
    }

    /// The server's error, handed from its task to the waiting main thread.
    private final class Failure: @unchecked Sendable {
        var error: Error?
    }
}

enum PageRange {
    /// `4` or `1-4`.
    static func parse(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        switch parts.count {
        case 1: return parts[0].flatMap { $0 >= 1 ? $0...$0 : nil }
        case 2:
            guard let a = parts[0], let b = parts[1], a >= 1, a <= b else { return nil }
            return a...b
        default: return nil
        }
    }
}

struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print an intermediate representation as text.")

    @Argument(help: "document, lines, pages or pdf (what the PDF writer receives)")
    var stage: Pipeline.DumpStage

    @Argument(help: "The issue folder.")
    var issue: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        let pipeline = try common.pipeline()
        if let text = pipeline.dump(stage, try Usage.issueFolders([issue], root: pipeline.options.root)[0]) { print(text) }
        try finish(pipeline, format: common.diagnosticsFormat)
    }
}

extension Pipeline.DumpStage: ExpressibleByArgument {}
