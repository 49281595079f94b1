import Foundation
import Output

extension PreflightReport {
    /// A page a person reads: the verdict, then what to fix, then the details per page.
    public func html(title: String) -> String {
        let e = HTMLText.escape
        let colour = errors > 0 ? "#b91c1c" : warnings > 0 ? "#b45309" : "#15803d"
        var out = """
        <!doctype html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Kiểm tra trước in — \(e(title))</title>
        <style>
        body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; }
        .verdict { font-size: 1.4rem; font-weight: 700; color: \(colour); }
        table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
        th, td { border-bottom: 1px solid #ddd; padding: .35rem .5rem; text-align: left; vertical-align: top; }
        .error td:last-child, span.error { color: #b91c1c; } .warning td:last-child { color: #8a4b08; }
        </style>
        </head>
        <body>
        <h1>Kiểm tra trước in (preflight)</h1>
        <p>\(e(title))</p>
        <p class="verdict">\(e(verdict)) — \(errors) lỗi, \(warnings) cảnh báo</p>
        <p>\(pageCount) trang · \(e(pdfx)) · không gian màu: \(e(colourSpaces.joined(separator: ", ")))</p>

        """
        // As a shop groups them: errors (the job stops), warnings (worth a look), information (what was checked).
        for (severity, heading, none) in [(Severity.error, "Lỗi", "Không có lỗi."), (.warning, "Cảnh báo", "Không có cảnh báo."),
                                          (.information, "Thông tin", "")] {
            let group = findings.filter { $0.severity == severity }.sorted { ($0.page ?? 0, $0.check) < ($1.page ?? 0, $1.check) }
            if group.isEmpty && none.isEmpty { continue }
            out += "<h2>\(heading) (\(group.count))</h2>\n"
            if group.isEmpty {
                out += "<p>\(none)</p>\n"
                continue
            }
            out += "<table><tr><th>Trang</th><th>Kiểm tra</th><th>Nội dung</th></tr>\n"
            for f in group {
                out += "<tr class=\"\(f.severity.rawValue)\"><td>\(f.page.map(String.init) ?? "—")</td>"
                    + "<td>\(e(f.check))</td><td>\(e(f.message))\(f.source.map { "<br><code>\(e($0))</code>" } ?? "")"
                    + "\(f.hint.map { "<br><small>\(e($0))</small>" } ?? "")</td></tr>\n"
            }
            out += "</table>\n"
        }
        out += "<h2>Phông chữ</h2>\n<table><tr><th>Phông</th><th>Nhúng</th></tr>\n"
        for font in fonts { out += "<tr><td>\(e(font.name))</td><td>\(font.embedded ? "có" : "<span class=\"error\">không</span>")</td></tr>\n" }
        out += "</table>\n<h2>Từng trang</h2>\n<table><tr><th>Trang</th><th>Xén (TrimBox)</th><th>Tràn lề</th><th>Ảnh (ppi thực tế)</th><th>Chữ ngoài vùng an toàn</th></tr>\n"
        for p in pages {
            let images = p.images.map { "\(e($0.file)) \($0.pixels) — \(Int($0.effectivePPI.rounded())) ppi" }.joined(separator: "<br>")
            out += "<tr><td>\(p.number)</td><td>\(p.trimBox.map { String(format: "%.2f", $0) }.joined(separator: " "))</td>"
                + "<td>\(String(format: "%.1f", p.bleed)) mm</td><td>\(images)</td><td>\(p.textOutsideSafeZone)</td></tr>\n"
        }
        out += "</table>\n</body>\n</html>\n"
        return out
    }
}
