import Foundation
import Testing
import TestSupport

/// `bantin serve --site` (issue 17): the built web edition and its view counters over real HTTP
/// on loopback, with SQLite, and with PostgreSQL when `BANTIN_TEST_POSTGRES=postgres://…` names
/// a database the tests may empty (`.ci/run` starts one).
@Suite(.serialized) struct SiteServeTests {
    static let postgres = ProcessInfo.processInfo.environment["BANTIN_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let inCI = ProcessInfo.processInfo.environment["CI"] != nil

    /// A small site, built once by the real binary: issue `x` with two articles.
    static let built: Result<TestProject, any Error> = Result {
        let project = try TestProject()
        try project.issue([
            ("01-hoi-nghi.md", "---\ntitle: Hội nghị tổng kết năm\n---\n\nHội nghị diễn ra sáng thứ Sáu.\n"),
            ("02-sat-lo.md", "---\ntitle: Phòng, chống sạt lở đất\n---\n\nMùa mưa năm nay đến sớm.\n"),
        ])
        let build = try run(SiteServerProcess.bantin, ["build", project.url("issues/x").path, "--root", project.root.path,
                                                       "--out", project.url("out").path])
        guard build.status == 0 else { throw BuildFailed(output: build.out + build.err) }
        return project
    }

    struct BuildFailed: Error { var output: String }

    static func site() throws -> TestProject { try built.get() }

    /// The two article pages, as the API names them.
    static func articles() throws -> [String] {
        let issue = try site().url("out/web/x")
        return try FileManager.default.contentsOfDirectory(atPath: issue.path).sorted()
            .filter { FileManager.default.fileExists(atPath: issue.appendingPathComponent("\($0)/index.html").path) }
            .map { "x/\($0)/" }
    }

    /// A fresh store: an empty data folder, or the PostgreSQL database emptied.
    static func freshStore(_ kind: String) throws -> SiteServerProcess.Store {
        if kind == "postgres" {
            let url = try #require(postgres)
            let dropped = try run("psql", [url, "-q", "-c", "DROP TABLE IF EXISTS page_views, site_visits"])
            #expect(dropped.status == 0, "psql: \(dropped.err)")
            return .postgres(url)
        }
        return .sqlite(try temporaryFolder("counts"))
    }

    static let reader = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"

    // MARK: Counting, on both stores

    @Test func countsOncePerVisitorPerDayInSQLite() throws { try countsOncePerVisitorPerDay("sqlite") }
    @Test func badRequestsChangeNothingInSQLite() throws { try badRequestsChangeNothing("sqlite") }
    @Test func acknowledgedViewsSurviveKillInSQLite() throws { try acknowledgedViewsSurviveKill("sqlite") }

    @Test func concurrentViewsAreCountedExactlyInSQLite() throws { try concurrentViewsAreCountedExactly("sqlite") }

    @Test(.enabled(if: postgres != nil, "BANTIN_TEST_POSTGRES is not set: the PostgreSQL tests are skipped (.ci/run sets it)"))
    func concurrentViewsAreCountedExactlyInPostgreSQL() throws { try concurrentViewsAreCountedExactly("postgres") }
    @Test(.enabled(if: postgres != nil, "BANTIN_TEST_POSTGRES is not set: the PostgreSQL tests are skipped (.ci/run sets it)"))
    func countsOncePerVisitorPerDayInPostgreSQL() throws { try countsOncePerVisitorPerDay("postgres") }
    @Test(.enabled(if: postgres != nil, "BANTIN_TEST_POSTGRES is not set: the PostgreSQL tests are skipped (.ci/run sets it)"))
    func badRequestsChangeNothingInPostgreSQL() throws { try badRequestsChangeNothing("postgres") }
    @Test(.enabled(if: postgres != nil, "BANTIN_TEST_POSTGRES is not set: the PostgreSQL tests are skipped (.ci/run sets it)"))
    func acknowledgedViewsSurviveKillInPostgreSQL() throws { try acknowledgedViewsSurviveKill("postgres") }

    /// In CI the PostgreSQL suite is not optional.
    @Test(.enabled(if: inCI)) func postgresIsSetInCI() {
        #expect(Self.postgres != nil, "CI is set but BANTIN_TEST_POSTGRES is not: .ci/run starts PostgreSQL and sets it")
    }

    func countsOncePerVisitorPerDay(_ kind: String) throws {
        let server = try SiteServerProcess(Self.site(), store: Self.freshStore(kind))
        let articles = try Self.articles()
        let (a, b) = (articles[0], articles[1])
        // The front page counts a visit, and has no views of its own.
        var answer = try server.view("", agent: Self.reader)
        #expect(answer.status == 200)
        #expect(answer.counts == ["today": 1, "week": 1, "total": 1])
        // The same reader opens an article: a view, no second visit; again: nothing.
        answer = try server.view(a, agent: Self.reader)
        #expect(answer.counts == ["views": 1, "today": 1, "week": 1, "total": 1])
        answer = try server.view(a, agent: Self.reader)
        #expect(answer.counts == ["views": 1, "today": 1, "week": 1, "total": 1])
        // Another browser on the same address is another visitor.
        answer = try server.view(a, agent: Self.reader + " Edg/131.0")
        #expect(answer.counts == ["views": 2, "today": 2, "week": 2, "total": 2])
        // Bots are answered and not counted: a crawler, a script, no User-Agent, a prefetch.
        for (agent, headers) in [("Googlebot/2.1 (+http://www.google.com/bot.html)", []), ("curl/8.5.0", []), ("", []),
                                 ("python-requests/2.31", []), ("Mozilla/5.0 HeadlessChrome/131.0", []),
                                 (Self.reader + " Firefox", ["Sec-Purpose: prefetch"]), (Self.reader + " Firefox", ["Purpose: prefetch"])] {
            answer = try server.view(a, agent: agent, headers: headers)
            #expect(answer.status == 200, "\(agent)")
            #expect(answer.counts == ["views": 2, "today": 2, "week": 2, "total": 2], "\(agent) \(headers)")
        }
        // The prefetching browser, opening the page for real, counts then.
        answer = try server.view(a, agent: Self.reader + " Firefox")
        #expect(answer.counts == ["views": 3, "today": 3, "week": 3, "total": 3])
        // The first reader on the other article: its first view, no new visit.
        answer = try server.view("/" + b + "index.html", agent: Self.reader)
        #expect(answer.counts == ["views": 1, "today": 3, "week": 3, "total": 3])
        #expect(try server.counts(a)["views"] == 3)
    }

    func badRequestsChangeNothing(_ kind: String) throws {
        let server = try SiteServerProcess(Self.site(), store: Self.freshStore(kind))
        let article = try Self.articles()[0]
        #expect(try server.view(article, agent: Self.reader).counts["views"] == 1)
        let other = Self.reader + " Other"
        let bad: [(String, Int)] = [
            (#"{"page":"x/khong-co-bai-nay/"}"#, 404),
            (#"{"page":"../../etc/"}"#, 404),
            (#"{"page":"x/%2e%2e/"}"#, 404),
            (#"{"page":5}"#, 400),
            (#"{page: "x"}"#, 400),
            ("", 400),
            (#"{"page":""# + String(repeating: "a", count: 1100) + #""}"#, 413),
        ]
        for (body, status) in bad {
            #expect(try server.report(body, agent: other).status == status, "\(body.prefix(40))")
        }
        for method in ["GET", "PUT", "DELETE"] {
            #expect(try server.report("", agent: other, method: method).status == 405, "\(method)")
        }
        #expect(try server.get("/api/views").headers["allow"] == "POST")
        #expect(try server.get("/index.html", headers: []).status == 200)
        #expect(try server.counts(article) == ["views": 1, "today": 1, "week": 1, "total": 1])
        // Paths that climb, in any encoding, never leave the web folder.
        for path in ["/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/x/%2E%2E/%2E%2E/%2E%2E/etc/passwd", "/..%2f..%2fetc/passwd",
                     "/x%5c..%5c..%5cetc%5cpasswd", "/x/%00/index.html", "/x//index.html"] {
            let answer = try server.get(path)
            #expect([400, 404].contains(answer.status), "\(path): \(answer.status)")
            #expect(!String(decoding: answer.body, as: UTF8.self).contains("root:"), "\(path)")
        }
        #expect(try server.report(#"{"page":"x/"}"#, agent: other, method: "PATCH").status == 405)
        #expect(try server.counts(article) == ["views": 1, "today": 1, "week": 1, "total": 1])
    }

    /// An acknowledged view is committed: `kill -9` right after the answer loses none, and a
    /// restart keeps every count.
    func acknowledgedViewsSurviveKill(_ kind: String) throws {
        let store = try Self.freshStore(kind)
        let server = try SiteServerProcess(Self.site(), store: store)
        let article = try Self.articles()[1]
        for n in 1...4 {
            let answer = try server.view(article, agent: Self.reader + " \(n)")
            #expect(answer.status == 200 && answer.counts["views"] == n)
            server.kill9()
            try server.start()
            #expect(try server.counts(article) == ["views": n, "today": n, "week": n, "total": n], "after kill -9 number \(n)")
        }
        #expect(try server.view(article, agent: Self.reader + " 5").counts["views"] == 5)
        server.stop()
        try server.start()
        #expect(try server.counts(article) == ["views": 5, "today": 5, "week": 5, "total": 5])
    }

    /// Reports arriving together (committed in shared transactions): as many views in the store
    /// as were acknowledged; and a `kill -9` in the middle of a stream of them loses none that
    /// was acknowledged (a view committed but killed before its answer may count unacknowledged).
    func concurrentViewsAreCountedExactly(_ kind: String) throws {
        let server = try SiteServerProcess(Self.site(), store: Self.freshStore(kind))
        let article = try Self.articles()[0]
        let statuses = try server.viewsAtOnce(article, count: 120, tag: "together")
        #expect(statuses.count == 120 && statuses.allSatisfy { $0 == 200 }, "\(statuses)")
        server.stop()
        try server.start()
        #expect(try server.counts(article)["views"] == 120)

        // A stream of 1500 reports, and the server killed once the first ones are counted.
        let killed = DispatchSemaphore(value: 0)
        let killer = Thread {
            _ = SiteServerProcess.poll { () -> Bool? in
                ((try? server.counts(article)["views"]) ?? 0) >= 140 ? true : nil
            }
            server.kill9()
            killed.signal()
        }
        killer.start()
        let stream = try server.viewsAtOnce(article, count: 1500, tag: "stream")
        killed.wait()
        let acknowledged = stream.filter { $0 == 200 }.count
        #expect(acknowledged > 0 && acknowledged < 1500, "the kill came too late or too early to tell: \(acknowledged) acknowledged")
        try server.start()
        let views = try #require(try server.counts(article)["views"]) - 120
        #expect(views >= acknowledged, "\(acknowledged) acknowledged, \(views) in the store")
        #expect(views <= 1500)
    }

    // MARK: Serving the site

    @Test func servesTheSiteWithCacheHeaders() throws {
        let project = try Self.site()
        // A hashed asset, as the web edition names its stylesheet once assets carry their hash.
        try project.write("out/web/assets/extra.0123abcd89.css", "body { color: #222; }\n" + String(repeating: "/* … */\n", count: 40))
        let server = try SiteServerProcess(project, store: Self.freshStore("sqlite"))
        let article = try Self.articles()[0]
        let onDisk = try Data(contentsOf: project.url("out/web/\(article)index.html"))

        let page = try server.get("/\(article)")
        #expect(page.status == 200 && page.body == onDisk)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.headers["cache-control"] == "no-cache")
        #expect(page.headers["x-content-type-options"] == "nosniff")
        #expect(page.headers["content-security-policy"]?.contains("connect-src 'self'") == true)
        #expect(page.headers["vary"] == "Accept-Encoding")
        #expect(page.headers["set-cookie"] == nil)
        let etag = try #require(page.headers["etag"])
        #expect(etag.hasPrefix("\"") && etag.count > 20)
        // Revalidation: the same ETag gets a 304 with no body.
        let again = try server.get("/\(article)", headers: ["If-None-Match: \(etag)"])
        #expect(again.status == 304 && again.body.isEmpty)
        #expect(try server.get("/\(article)", headers: ["If-None-Match: \"other\""]).status == 200)

        // gzip when asked for, and the same bytes once unpacked.
        let packed = try server.get("/\(article)", headers: ["Accept-Encoding: gzip, br"])
        #expect(packed.headers["content-encoding"] == "gzip")
        #expect(packed.body.count < onDisk.count)
        #expect(packed.headers["etag"] != etag)
        let gz = project.url("page.gz")
        try packed.body.write(to: gz)
        #expect(try run("gzip", ["-dc", gz.path]).out == String(decoding: onDisk, as: UTF8.self))
        #expect(try server.get("/\(article)", headers: ["Accept-Encoding: gzip;q=0"]).headers["content-encoding"] == nil)
        #expect(try server.get("/\(article)", headers: ["Accept-Encoding: gzip", "If-None-Match: \(packed.headers["etag"] ?? "")"]).status == 304)

        // A folder without its slash goes to it; HEAD has the headers (curl -I reads no body).
        let bare = try server.get("/" + article.dropLast())
        #expect(bare.status == 301 && bare.headers["location"] == "/\(article)")
        let head = try server.get("/index.html", head: true)
        let frontPage = try Data(contentsOf: project.url("out/web/index.html"))
        #expect(head.status == 200 && head.headers["content-length"] == String(frontPage.count))

        // Assets, named by their content: a year and immutable; other text revalidated; the
        // counter's script is the one the page names.
        let html = String(decoding: onDisk, as: UTF8.self)
        let style = try #require(html.firstMatch(of: #/assets/style\.[0-9a-f]{10}\.css/#).map { String($0.output) })
        #expect(try server.get("/" + style).headers["cache-control"] == "public, max-age=31536000, immutable")
        #expect(try server.get("/assets/extra.0123abcd89.css").headers["cache-control"] == "public, max-age=31536000, immutable")
        #expect(try server.get("/feed.xml").headers["cache-control"] == "no-cache")
        let counter = try #require(html.firstMatch(of: #/assets/counter\.[0-9a-f]{10}\.js/#).map { String($0.output) })
        let script = try server.get("/" + counter)
        #expect(script.status == 200 && script.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(html.contains(#"<p class="views" hidden>Lượt xem: <span data-count="views"></span></p>"#))
        #expect(html.contains("Tổng lượt truy cập"))
        #expect(try server.get("/khong-co/").status == 404)
        #expect(try server.get("/index.html", headers: []).status == 200)
        let post = try server.report("", agent: Self.reader, method: "POST")
        #expect(post.status == 400)
    }

    @Test func refusesToStartWithoutABuiltSite() throws {
        let project = try TestProject()
        let answer = try run(SiteServerProcess.bantin, ["serve", "--site", "--port", "0", "--root", project.root.path,
                                                        "--out", project.url("out").path])
        #expect(answer.status == 1)
        #expect(answer.err.contains("no web edition") && answer.err.contains("bantin build"), "\(answer.err)")
    }

    @Test func trustsTheProxyOnlyWhenTold() throws {
        let article = try Self.articles()[0]
        for trust in [false, true] {
            let server = try SiteServerProcess(Self.site(), store: Self.freshStore("sqlite"), extra: trust ? ["--trust-proxy"] : [])
            _ = try server.view(article, agent: Self.reader, headers: ["X-Forwarded-For: 203.0.113.7, 198.51.100.1"])
            // Another client address claimed before the proxy's own hop: the same reader either way.
            _ = try server.view(article, agent: Self.reader, headers: ["X-Forwarded-For: 192.0.2.9, 198.51.100.1"])
            // A different last hop is another reader only behind a trusted proxy.
            let answer = try server.view(article, agent: Self.reader, headers: ["X-Forwarded-For: 198.51.100.2"])
            #expect(answer.counts["views"] == (trust ? 2 : 1), "trust-proxy \(trust)")
        }
    }
}
