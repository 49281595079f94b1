import Foundation
import Layout
import Loading
import Model
import Output
import Pages
import PDF
import Typesetting
import Web

/// `bantin build --proof`: a proof round for the editorial board, kept in
/// `out/<id>/proofs/round-NN/` — `proof.pdf` (`Proof`: numbered lines, the watermark, trim
/// size), its pages as images, the numbered lines with their text (`lines.json`), and, from the
/// second round on, `changes.html`: only the pages whose lines changed since the last round,
/// each old beside new with the changed lines marked. The latest proof is also `out/<id>/proof.pdf`.
struct ProofStep: BuildStep {
    static let name = "Proof"
    let folder: URL
    let typesetter: Typesetter
    var now = Date()

    /// The numbered lines of one round, by page.
    struct Lines: Codable {
        var pages: [Int: [Proof.Line]]
        var mediaSize: [Double]
    }

    func run(_ input: (loaded: LoadedIssue, laid: [LaidPage])) throws -> ProofRound? {
        let proofs = folder.appendingPathComponent("proofs")
        let rounds = ((try? FileManager.default.contentsOfDirectory(atPath: proofs.path)) ?? [])
            .compactMap { $0.hasPrefix("round-") ? Int($0.dropFirst(6)) : nil }.sorted()
        let number = (rounds.last ?? 0) + 1
        let round = proofs.appendingPathComponent(String(format: "round-%02d", number))
        try FileManager.default.createDirectory(at: round.appendingPathComponent("pages"), withIntermediateDirectories: true)

        let formatter = DateFormatter()
        formatter.dateFormat = "dd/MM/yyyy HH:mm"
        let proof = Proof(layout: input.loaded.layout, typesetter: typesetter, stamp: "BẢN THẢO · \(formatter.string(from: now))")
        let pages = try proof.pages(input.laid)
        let pdf = round.appendingPathComponent("proof.pdf")
        var metadata = input.loaded.issue.pdfMetadata
        metadata.title = "Bản thảo, vòng \(number): " + metadata.title
        try DocumentWriter(try PreparedPages(pages)).write(metadata: metadata, kind: .screen(PDFOutline(entries: [])), to: pdf)
        let writer = PreviewWriter(dpi: 60)
        for page in pages {
            try writer.writePage(page, to: round.appendingPathComponent("pages").appendingPathComponent(String(format: "page-%03d.png", page.number)))
        }
        let size = input.laid.first?.page.mediaSize ?? Size(width: 1, height: 1)
        let lines = Lines(pages: Dictionary(uniqueKeysWithValues: input.laid.map { ($0.number, proof.lines($0)) }),
                          mediaSize: [size.width.value, size.height.value])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try OutputFile.write(try encoder.encode(lines), to: round.appendingPathComponent("lines.json"))
        try OutputFile.write(try Data(contentsOf: pdf), to: folder.appendingPathComponent("proof.pdf"))

        guard let previous = rounds.last else { return ProofRound(number: number, pdf: pdf, changes: nil, changedPages: []) }
        let old = try JSONDecoder().decode(Lines.self, from: Data(contentsOf: proofs.appendingPathComponent(String(format: "round-%02d", previous))
            .appendingPathComponent("lines.json")))
        let changed = Set(old.pages.keys).union(lines.pages.keys).sorted().filter { old.pages[$0]?.map(\.text) != lines.pages[$0]?.map(\.text) }
        let changes = round.appendingPathComponent("changes.html")
        try OutputFile.write(Data(report(old: old, new: lines, changed: changed, previous: previous, number: number,
                                         title: input.loaded.issue.pdfMetadata.title).utf8), to: changes)
        return ProofRound(number: number, pdf: pdf, changes: changes, changedPages: changed)
    }

    /// The change report: for each changed page, the last round's image beside this round's,
    /// the lines that changed marked on each (a line is changed when its text is not on the
    /// other side's page).
    func report(old: Lines, new: Lines, changed: [Int], previous: Int, number: Int, title: String) -> String {
        let e = HTML.escape
        func marks(_ lines: [Proof.Line], against other: [Proof.Line], size: [Double], kind: String) -> String {
            var remaining = other.map(\.text)
            return lines.compactMap { line in
                if let i = remaining.firstIndex(of: line.text) {
                    remaining.remove(at: i)
                    return nil
                }
                let style = String(format: "left:%.2f%%;top:%.2f%%;width:%.2f%%;height:%.2f%%", line.left / size[0] * 100,
                                   line.top / size[1] * 100, line.width / size[0] * 100, (line.bottom - line.top) / size[1] * 100)
                return "<span class=\"mark \(kind)\" style=\"\(style)\" title=\"\(e(line.text))\"></span>"
            }.joined()
        }
        var out = """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <title>Thay đổi từ vòng \(previous) đến vòng \(number) — \(e(title))</title>
            <style>
            body { font: 15px/1.4 sans-serif; margin: 1rem; }
            .pair { display: flex; gap: 1rem; margin: 1rem 0 2rem; }
            figure { margin: 0; flex: 1; }
            .page { position: relative; }
            .page img { width: 100%; display: block; box-shadow: 0 1px 3px #0004; }
            .mark { position: absolute; background: rgba(255, 196, 0, 0.35); outline: 1px solid #c47a00; }
            .mark.removed { background: rgba(220, 0, 40, 0.2); outline-color: #b00020; }
            </style>
            </head>
            <body>
            <main>
            <h1>Thay đổi từ bản thảo vòng \(previous) đến vòng \(number)</h1>
            <p>\(changed.isEmpty ? "Không trang nào thay đổi." : "Các trang thay đổi: " + changed.map(String.init).joined(separator: ", ") + ".")</p>

            """
        for page in changed {
            let before = old.pages[page] ?? [], after = new.pages[page] ?? []
            let name = String(format: "page-%03d.png", page)
            out += "<section id=\"trang-\(page)\">\n<h2>Trang \(page)</h2>\n<div class=\"pair\">\n"
            out += "<figure><figcaption>Vòng \(previous)</figcaption>"
            out += old.pages[page] == nil ? "<p>(chưa có trang này)</p>" : "<div class=\"page\"><img src=\"../round-\(String(format: "%02d", previous))/pages/\(name)\" alt=\"Trang \(page), vòng \(previous)\">\(marks(before, against: after, size: old.mediaSize, kind: "removed"))</div>"
            out += "</figure>\n<figure><figcaption>Vòng \(number)</figcaption>"
            out += new.pages[page] == nil ? "<p>(trang này không còn)</p>" : "<div class=\"page\"><img src=\"pages/\(name)\" alt=\"Trang \(page), vòng \(number)\">\(marks(after, against: before, size: new.mediaSize, kind: "added"))</div>"
            out += "</figure>\n</div>\n</section>\n"
        }
        return out + "</main>\n</body>\n</html>\n"
    }
}

/// One proof round as `build --proof` wrote it.
public struct ProofRound: Sendable {
    public var number: Int
    public var pdf: URL
    /// The change report; nil for the first round.
    public var changes: URL?
    /// The pages whose lines changed since the last round.
    public var changedPages: [Int]
}
