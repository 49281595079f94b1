import Foundation
import Testing
import TestSupport

/// A running `bantin serve --site` (the real binary, on a free loopback port) over a small built
/// site, spoken to with curl; killed or stopped by the tests, and stopped when it is dropped.
/// `@unchecked Sendable`: a test's killer thread sends it the `kill -9` while the test talks to it.
final class SiteServerProcess: @unchecked Sendable {
    enum Store: Sendable, CustomStringConvertible {
        case sqlite(URL)
        case postgres(String)

        var arguments: [String] {
            switch self {
            case .sqlite(let folder): ["--data", folder.path]
            case .postgres(let url): ["--database", url]
            }
        }

        var description: String {
            switch self {
            case .sqlite: "SQLite"
            case .postgres: "PostgreSQL"
            }
        }
    }

    static var bantin: String { projectRoot.appendingPathComponent(".build/debug/bantin").path }

    let project: TestProject
    let store: Store
    let extra: [String]
    var process = Process()
    var port = 0

    init(_ project: TestProject, store: Store, extra: [String] = []) throws {
        self.project = project
        self.store = store
        self.extra = extra
        try start()
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// Starts the server and waits (a bounded number of polls) until it says where it listens.
    func start() throws {
        let log = project.url("site-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.bantin)
        process.arguments = ["serve", "--site", "--port", "0", "--root", project.root.path, "--out", project.url("out").path] + store.arguments + extra
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = process.standardOutput
        try process.run()
        let prefix = "serving the site http://127.0.0.1:"
        let text = try #require(Self.poll { () -> String? in
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            return text.contains(prefix) || !self.process.isRunning ? text : nil
        }, "the server never said it was serving")
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(prefix) }, "\(text)")
        port = try #require(Int(line.dropFirst(prefix.count).prefix { $0.isNumber }))
    }

    /// `kill -9`: no shutdown of any kind.
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM, and the wait for the end.
    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    /// A page's report to the counting API: status and the JSON answer (empty when none).
    func report(_ body: String, agent: String, headers: [String] = [], method: String = "POST") throws -> (status: Int, counts: [String: Int]) {
        let file = project.url("report-\(UUID().uuidString).json")
        try Data(body.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var args = ["-s", "-o", "-", "-w", "\n%{http_code}", "-X", method, "-A", agent, "-H", "Content-Type: application/json"]
        for header in headers { args += ["-H", header] }
        if method == "POST" { args += ["--data-binary", "@" + file.path] }
        let out = try run("curl", args + ["http://127.0.0.1:\(port)/api/views"]).out
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        let status = Int(lines.last ?? "") ?? 0
        let json = lines.dropLast().joined(separator: "\n")
        let counts = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Int] ?? [:]
        return (status, counts)
    }

    /// `count` reports of `page`, each from a visitor of its own, sent by one curl at most 16 at
    /// a time; the statuses, one per report (0: no answer).
    func viewsAtOnce(_ page: String, count: Int, tag: String) throws -> [Int] {
        let body = project.url("report-\(UUID().uuidString).json")
        try Data(#"{"page":"\#(page)"}"#.utf8).write(to: body)
        defer { try? FileManager.default.removeItem(at: body) }
        var args = ["--parallel", "--parallel-max", "16"]
        for n in 0..<count {
            if n > 0 { args.append("--next") }
            args += ["-s", "-o", "/dev/null", "-w", "%{http_code}\n", "-A", "Mozilla/5.0 (\(tag) \(n))", "-H", "Content-Type: application/json",
                     "--data-binary", "@" + body.path, "http://127.0.0.1:\(port)/api/views"]
        }
        return try run("curl", args).out.split(separator: "\n").map { Int($0) ?? 0 }
    }

    func view(_ page: String, agent: String, headers: [String] = []) throws -> (status: Int, counts: [String: Int]) {
        try report(#"{"page":"\#(page)"}"#, agent: agent, headers: headers)
    }

    /// The counts as they are, asked as a bot (which counts nothing).
    func counts(_ page: String) throws -> [String: Int] {
        let answer = try view(page, agent: "Googlebot/2.1 (+http://www.google.com/bot.html)")
        #expect(answer.status == 200)
        return answer.counts
    }

    /// A GET (or HEAD) sent as written: status, headers (lower-cased names) and body.
    func get(_ path: String, headers: [String] = [], head: Bool = false) throws -> (status: Int, headers: [String: String], body: Data) {
        let body = project.url("body-\(UUID().uuidString)"), dump = project.url("headers-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: body)
            try? FileManager.default.removeItem(at: dump)
        }
        var args = ["-s", "--path-as-is", "-o", body.path, "-D", dump.path]
        if head { args.append("-I") }
        for header in headers { args += ["-H", header] }
        try run("curl", args + ["http://127.0.0.1:\(port)\(path)"])
        let lines = ((try? String(contentsOf: dump, encoding: .utf8)) ?? "").split(separator: "\r\n")
        let status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, fields, (try? Data(contentsOf: body)) ?? Data())
    }

    /// Polls every 100 ms, up to 600 times, until `found` gives a value.
    static func poll<T>(_ found: () -> T?) -> T? {
        for _ in 0..<600 {
            if let value = found() { return value }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }
}
