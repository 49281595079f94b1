import Foundation
import Testing
import TestSupport

/// `bantin serve` over real HTTP (issue 13): the binary on a free loopback port, spoken to with
/// curl. Waits are bounded by a number of polls, never asserted as times.
@Suite(.serialized) struct ServeTests {
    var bantin: String { projectRoot.appendingPathComponent(".build/debug/bantin").path }

    /// A running `bantin serve` of the sample issue (as `x`), stopped when the test ends.
    final class Server {
        let project: TestProject
        let process = Process()
        let output: URL
        var port = 0

        init(bantin: String) throws {
            project = try TestProject()
            try project.copyFromProject("issues/publication.yaml")
            try project.copySample(as: "x")
            output = project.url("serve.log")
            FileManager.default.createFile(atPath: output.path, contents: nil)
            process.executableURL = URL(fileURLWithPath: bantin)
            process.arguments = ["serve", project.url("issues/x").path, "--port", "0", "--root", project.root.path, "--out", project.url("out").path]
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = process.standardOutput
            try process.run()
            let log = try #require(Self.poll { () -> String? in
                let text = (try? String(contentsOf: self.output, encoding: .utf8)) ?? ""
                return text.contains("serving http://127.0.0.1:") ? text : nil
            }, "the server never said it was serving")
            let line = try #require(log.split(separator: "\n").first { $0.hasPrefix("serving http://127.0.0.1:") })
            port = try #require(Int(line.dropFirst("serving http://127.0.0.1:".count).prefix { $0.isNumber }))
        }

        deinit {
            if process.isRunning { process.terminate() }
        }

        /// Status, body and content type of a GET, the path sent as it is (no normalising).
        func get(_ path: String) throws -> (status: Int, body: Data, type: String) {
            let body = project.url("body-\(UUID().uuidString)")
            let out = try run("curl", ["-s", "--path-as-is", "-o", body.path, "-w", "%{http_code} %{content_type}", "http://127.0.0.1:\(port)\(path)"])
            let parts = out.out.split(separator: " ", maxSplits: 1)
            let data = (try? Data(contentsOf: body)) ?? Data()
            try? FileManager.default.removeItem(at: body)
            return (Int(parts.first ?? "") ?? 0, data, parts.count > 1 ? String(parts[1]) : "")
        }

        func text(_ path: String) throws -> String {
            String(decoding: try get(path).body, as: UTF8.self)
        }

        /// Polls every 100 ms, up to 3000 times, until `found` gives a value: the first build of
        /// the desk takes seconds alone, and over a minute on a machine busy with other builds.
        static func poll<T>(_ found: () -> T?) -> T? {
            for _ in 0..<3000 {
                if let value = found() { return value }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return nil
        }
    }

    /// Server-sent events as curl receives them, in a file.
    final class Events {
        let process = Process()
        let file: URL

        init(_ server: Server) throws {
            file = server.project.url("events-\(UUID().uuidString).log")
            FileManager.default.createFile(atPath: file.path, contents: nil)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            process.arguments = ["-s", "-N", "http://127.0.0.1:\(server.port)/desk/events"]
            process.standardOutput = try FileHandle(forWritingTo: file)
            try process.run()
            _ = Server.poll { ((try? String(contentsOf: file, encoding: .utf8)) ?? "").contains(": subscribed") ? true : nil }
        }

        deinit {
            if process.isRunning { process.terminate() }
        }

        /// The data of the first build event after the `seen` first ones that `matches`.
        func next(after seen: Int, _ matches: (String) -> Bool) -> (data: String, count: Int)? {
            Server.poll {
                let lines = ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n")
                let data = lines.filter { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) }
                guard data.count > seen, let hit = data[seen...].firstIndex(where: matches) else { return nil }
                return (data[hit], hit + 1)
            }
        }
    }

    @Test func servesTheSiteTheDeskPageImagesAndThePDFs() throws {
        let server = try Server(bantin: bantin)
        let site = try server.get("/")
        #expect(site.status == 200 && site.type.hasPrefix("text/html") && String(decoding: site.body, as: UTF8.self).contains("<html"))
        let desk = try server.get("/desk/x/")
        let html = String(decoding: desk.body, as: UTF8.self)
        #expect(desk.status == 200 && html.contains("id=\"page-1\"") && html.contains("id=\"page-28\""))
        #expect(html.contains("Kiểm tra trước in") && html.contains("pass"))
        #expect(html.contains("articles/01-hoi-nghi-tong-ket-2024.md: ") && html.contains("lines, 0 overfull"))
        let csp = try run("curl", ["-s", "-D", "-", "-o", "/dev/null", "http://127.0.0.1:\(server.port)/desk/x/"]).out
        #expect(csp.lowercased().contains("content-security-policy: default-src 'self'; script-src 'self'"))
        let image = try server.get("/desk/x/page/3.png")
        #expect(image.status == 200 && image.type == "image/png" && image.body.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // A click shows the page large: drawn at 150 dpi, not 60.
        #expect(html.contains("href=\"/desk/x/large/3.png?v="))
        let large = try server.get("/desk/x/large/3.png")
        #expect(large.status == 200 && large.body.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        func width(_ png: Data) -> Int { png.count > 20 ? Int(png[16]) << 24 | Int(png[17]) << 16 | Int(png[18]) << 8 | Int(png[19]) : 0 }
        #expect(width(large.body) > 2 * width(image.body), "large \(width(large.body)) px, small \(width(image.body)) px")
        for pdf in ["print.pdf", "screen.pdf"] {
            let file = try server.get("/pdf/x/\(pdf)")
            #expect(file.status == 200 && file.body.starts(with: Array("%PDF-".utf8)), "\(pdf)")
        }
        #expect(try server.get("/desk/x/page/99.png").status == 404)
        #expect(try server.get("/desk/nope/").status == 404)
    }

    @Test func anEditReachesTheDeskABreakShowsItsDiagnosticAndAFixClearsIt() throws {
        let server = try Server(bantin: bantin)
        let events = try Events(server)
        let before = try server.text("/desk/x/status.json")
        let article = "issues/x/articles/09-tin-ngan.md"
        let original = try server.project.read(article)

        // An edit: a build event naming the pages that changed, and their new images.
        try server.project.write(article, original + "\nMột câu mới, thêm vào cuối bản tin ngắn để thử bàn biên tập.\n")
        let edited = try #require(events.next(after: 0) { $0.contains("\"changed\":[") && !$0.contains("\"changed\":[]") })
        let changed = try #require(edited.data.split(separator: "[").dropFirst().first?.split(separator: "]").first?.split(separator: ",").compactMap { Int($0) })
        #expect(!changed.isEmpty && edited.data.contains("\"errors\":0"))
        let after = try server.text("/desk/x/status.json")
        for page in changed {
            let src = try #require(after.range(of: "\"number\":\(page),\"src\":\"").map { after[$0.upperBound...].prefix { $0 != "\"" } })
            #expect(!before.contains(String(src)), "page \(page) keeps its old image")
            let image = try server.get(String(src))
            #expect(image.status == 200 && image.body.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }

        // A break: the located diagnostic on the desk, the last good pages kept and marked stale.
        try server.project.write(article, original.replacingOccurrences(of: "title: ", with: "title "))
        let broken = try #require(events.next(after: edited.count) { $0.contains("\"stale\":true") })
        #expect(!broken.data.contains("\"errors\":0"))
        let desk = try server.text("/desk/x/")
        #expect(desk.contains("class=\"stale\"") && desk.contains("id=\"page-28\""))
        #expect(desk.contains("issues/x/articles/09-tin-ngan.md:3:") && desk.contains("hint:"), "\(desk.prefix(3000))")

        // The fix clears it.
        try server.project.write(article, original)
        _ = try #require(events.next(after: broken.count) { $0.contains("\"errors\":0") && $0.contains("\"stale\":false") })
        let fixed = try server.text("/desk/x/")
        #expect(!fixed.contains("class=\"stale\"") && !fixed.contains("09-tin-ngan.md:3:") && fixed.contains("Không có lỗi"))
    }

    @Test func theDesksProofButtonWritesARoundAndItsChangeReport() throws {
        let server = try Server(bantin: bantin)
        func post(_ origin: String?) throws -> String {
            try run("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}", "-X", "POST"]
                        + (origin.map { ["-H", "Origin: \($0)"] } ?? []) + ["http://127.0.0.1:\(server.port)/desk/x/proof"]).out
        }
        #expect(try server.text("/desk/x/").contains("<form method=\"post\" action=\"/desk/x/proof\">"))
        #expect(try post("http://elsewhere.example").hasPrefix("403"), "a form posted from another site")
        #expect(!server.project.exists("out/x/proof.pdf"))
        #expect(try post("http://127.0.0.1:\(server.port)").hasPrefix("303 http://127.0.0.1:\(server.port)/desk/x/"))
        #expect(try server.get("/pdf/x/proof.pdf").body.starts(with: Array("%PDF-".utf8)))
        #expect(try server.text("/desk/x/").contains("Vòng 1: <a href=\"/pdf/x/proof.pdf\">"))

        let article = "issues/x/articles/08-hoi-thao-sat-lo.md"
        try server.project.write(article, try server.project.read(article).replacingOccurrences(of: "hội thảo", with: "hội thảo khoa học"))
        #expect(try post(nil).hasPrefix("303"))
        let desk = try server.text("/desk/x/")
        #expect(desk.contains("Vòng 2:") && desk.contains("href=\"/proofs/x/round-02/changes.html\""))
        let report = try server.text("/proofs/x/round-02/changes.html")
        #expect(report.contains("Các trang thay đổi: ") && report.contains("class=\"mark added\""))
        let old = try #require(report.range(of: "../round-01/pages/").map { report[$0.upperBound...].prefix { $0 != "\"" } })
        #expect(try server.get("/proofs/x/round-01/pages/\(old)").body.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(try server.get("/proofs/x/round-01/lines.json").status == 200)
        #expect(try server.get("/proofs/x/../../issues/x/issue.yaml").status == 400)
    }

    @Test func nothingOutsideTheOutputFolderIsServedAndSIGINTStopsIt() throws {
        let server = try Server(bantin: bantin)
        // A link inside the web edition to a file outside it.
        try server.project.link("out/web/lien-ket.yaml", to: server.project.url("issues/x/issue.yaml"))
        for path in ["/../issues/x/issue.yaml", "/%2e%2e/issues/x/issue.yaml", "/%2E%2E%2Fissues%2Fx%2Fissue.yaml",
                     "/x/%2e%2e%2f%2e%2e%2f%2e%2e%2fissues/x/issue.yaml", "/..%5c..%5cissues/x/issue.yaml", "//etc/passwd",
                     "/x/..", "/lien-ket.yaml", "/desk/x/page/..%2f..%2f..%2fissue.yaml", "/pdf/x/..%2fx%2fprint.pdf",
                     "/pdf/x/preflight.json", "/%00", "/x/"] {
            let response = try server.get(path)
            let body = String(decoding: response.body, as: UTF8.self)
            if path == "/x/" {
                #expect(response.status == 200 && body.contains("<html"), "a folder gives its index.html, never a listing")
                continue
            }
            #expect(response.status == 400 || response.status == 404, "\(path): \(response.status)")
            #expect(!body.contains("sections:") && !body.contains("root:") && !body.contains("%PDF"), "\(path) served \(body.prefix(80))")
            #expect(body.hasPrefix("\(response.status) "), "\(path): errors are short plain pages")
        }
        #expect(try server.get("/x/index.html").status == 200)

        let events = try Events(server)
        kill(server.process.processIdentifier, SIGINT)
        #expect(Server.poll { server.process.isRunning ? nil : true } == true, "SIGINT did not stop the server")
        #expect(server.process.terminationStatus == 0)
        #expect(Server.poll { events.process.isRunning ? nil : true } == true, "the event stream stayed open")
        let leftovers = FileManager.default.enumerator(atPath: server.project.url("out").path)?.allObjects
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".tmp") } ?? []
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
