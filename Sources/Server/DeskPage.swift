import Bantin
import Diagnostics
import Foundation
import Web

/// The desk of one issue as HTML: every page as an image (a click shows it large), then what
/// the build says — its diagnostics with the source line and the hint, the quality report, the
/// preflight verdict — each item linked to the page where it happens. `desk.js` keeps it
/// current: on each build event it fetches `status.json` and swaps the images that changed.
struct DeskPage {
    let desk: IssueDesk
    let ids: [String]
    /// `out/<id>/proofs/`, where the proof rounds are.
    var proofs: URL? = nil

    func image(_ page: IssueDesk.PageImage, large: Bool = false) -> String {
        "/desk/\(desk.id)/\(large ? "large" : "page")/\(page.number).png?v=\(page.file.dropFirst(9).dropLast(4))"
    }

    var html: String {
        let e = HTML.escape
        var out = """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Bàn biên tập — \(e(desk.id))</title>
            <link rel="stylesheet" href="/desk/desk.css">
            <script src="/desk/desk.js" defer></script>
            </head>
            <body data-issue="\(e(desk.id))" data-version="\(desk.version)"\(desk.stale ? " class=\"stale\"" : "")>
            <header>
            <h1>Bàn biên tập: số \(e(desk.id))</h1>
            <nav aria-label="Các số">\(ids.map { "<a href=\"/desk/\(e($0))/\"\($0 == desk.id ? " aria-current=\"page\"" : "")>\(e($0))</a>" }.joined(separator: " "))
            · <a href="/pdf/\(e(desk.id))/print.pdf">print.pdf</a> · <a href="/pdf/\(e(desk.id))/screen.pdf">screen.pdf</a> · <a href="/">Bản web</a></nav>
            <p id="stale-note" role="status">Bản dựng mới nhất có lỗi: các trang dưới đây là của bản dựng trước.</p>
            </header>
            <main>

            """
        out += "<section id=\"report\" aria-label=\"Báo cáo\">\n" + report + "</section>\n"
        out += "<section aria-label=\"Bản thảo\"><h2>Bản thảo cho Ban biên tập</h2>\n"
        if let round = proofRound {
            out += "<p>Vòng \(round.number): <a href=\"/pdf/\(e(desk.id))/proof.pdf\">proof.pdf</a>"
                + (round.changes ? " · <a href=\"/proofs/\(e(desk.id))/\(String(format: "round-%02d", round.number))/changes.html\">các trang thay đổi từ vòng trước</a>" : "")
                + "</p>\n"
        }
        out += "<form method=\"post\" action=\"/desk/\(e(desk.id))/proof\"><button type=\"submit\">Tạo bản thảo vòng mới</button></form>\n</section>\n"
        out += "<section aria-label=\"Các trang\"><h2>Các trang</h2>\n<ol id=\"pages\">\n"
        for page in desk.pages {
            out += "<li id=\"p\(page.number)\"><a href=\"\(image(page, large: true))\"><img id=\"page-\(page.number)\" src=\"\(image(page))\" "
                + "alt=\"Trang \(page.number)\" loading=\"lazy\"></a><span>\(page.number)</span></li>\n"
        }
        out += "</ol></section>\n</main>\n</body>\n</html>\n"
        return out
    }

    /// The latest proof round in `out/<id>/proofs/`, and whether it has a change report.
    var proofRound: (number: Int, changes: Bool)? {
        guard let proofs = proofs else { return nil }
        let rounds = ((try? FileManager.default.contentsOfDirectory(atPath: proofs.path)) ?? [])
            .compactMap { $0.hasPrefix("round-") ? Int($0.dropFirst(6)) : nil }
        guard let last = rounds.max() else { return nil }
        let changes = proofs.appendingPathComponent(String(format: "round-%02d", last)).appendingPathComponent("changes.html")
        return (last, FileManager.default.fileExists(atPath: changes.path))
    }

    /// Diagnostics, quality and preflight: the part a build changes besides the pages.
    var report: String {
        let e = HTML.escape
        func link(_ page: Int?) -> String { page.map { " <a href=\"#p\($0)\">trang \($0)</a>" } ?? "" }
        var out = "<h2>Chẩn đoán</h2>\n"
        if desk.items.isEmpty {
            out += "<p class=\"ok\">Không có lỗi hay cảnh báo.</p>\n"
        } else {
            out += "<ul class=\"diagnostics\">\n"
            for item in desk.items {
                out += "<li class=\"\(item.severity.rawValue)\">\(link(item.page))<pre>\(e(item.text))</pre></li>\n"
            }
            out += "</ul>\n"
        }
        out += "<h2>Chất lượng dàn trang</h2>\n<ul class=\"quality\">\n"
        for (report, page) in desk.quality {
            out += "<li>\(e(report.summary))\(link(page))</li>\n"
        }
        out += "</ul>\n<h2>Kiểm tra trước in</h2>\n"
        if let preflight = desk.preflight {
            out += "<p class=\"preflight \(preflight.errors > 0 ? "error" : preflight.warnings > 0 ? "warning" : "ok")\">"
                + "\(e(preflight.verdict)): \(preflight.errors) lỗi, \(preflight.warnings) cảnh báo</p>\n"
        } else {
            out += "<p>Chưa có bản in nào dựng được.</p>\n"
        }
        return out
    }

    /// What `desk.js` needs after a build event.
    var status: String {
        let pages = desk.pages.map { #"{"number":\#($0.number),"src":"\#(image($0))","large":"\#(image($0, large: true))"}"# }.joined(separator: ",")
        let errors = desk.items.filter { $0.severity == .error }.count
        return #"{"issue":"\#(desk.id)","version":\#(desk.version),"stale":\#(desk.stale),"errors":\#(errors),"pages":[\#(pages)],"report":\#(Self.json(report))}"#
    }

    static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "<": out += "\\u003c"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    static let script = """
        // The desk: on each build of this issue, swap the page images that changed and the report.
        "use strict";
        const issue = document.body.dataset.issue;
        const events = new EventSource("/desk/events");
        events.addEventListener("build", async (event) => {
          const built = JSON.parse(event.data);
          if (built.issue !== issue) return;
          const response = await fetch("/desk/" + encodeURIComponent(issue) + "/status.json", { cache: "no-store" });
          if (!response.ok) return;
          const status = await response.json();
          const shown = document.querySelectorAll("#pages img");
          if (shown.length !== status.pages.length) { location.reload(); return; }
          for (const page of status.pages) {
            const image = document.getElementById("page-" + page.number);
            if (image && image.getAttribute("src") !== page.src) {
              image.src = page.src;
              image.parentElement.href = page.large;
            }
          }
          document.getElementById("report").innerHTML = status.report;
          document.body.classList.toggle("stale", status.stale);
          document.body.dataset.version = status.version;
        });
        """

    static let style = """
        body { font: 15px/1.45 "Noto Sans", sans-serif; margin: 0; color: #1b1b1b; background: #f3f2ef; }
        header { background: #1f3b57; color: #fff; padding: 0.6rem 1rem; }
        header a { color: #fff; }
        h1 { font-size: 1.2rem; margin: 0 0 0.3rem; }
        h2 { font-size: 1rem; margin: 1rem 0 0.4rem; }
        main { padding: 0 1rem 2rem; }
        #stale-note { display: none; margin: 0.4rem 0 0; padding: 0.3rem 0.6rem; background: #8a1c1c; }
        body.stale #stale-note { display: block; }
        body.stale #pages img { opacity: 0.45; }
        #pages { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 0.8rem; }
        #pages li { text-align: center; }
        #pages img { width: 100%; height: auto; background: #fff; box-shadow: 0 1px 3px #0004; }
        #pages li:target img { outline: 3px solid #c47a00; }
        .diagnostics { list-style: none; padding: 0; }
        .diagnostics li { background: #fff; border-left: 4px solid #999; margin: 0.4rem 0; padding: 0.3rem 0.6rem; }
        .diagnostics li.error { border-color: #b00020; }
        .diagnostics li.warning { border-color: #c47a00; }
        pre { white-space: pre-wrap; margin: 0.2rem 0; font-size: 0.85rem; }
        .ok { color: #1d6b2a; }
        .preflight.error { color: #b00020; }
        button { font: inherit; padding: 0.3rem 0.8rem; }
        """
}
