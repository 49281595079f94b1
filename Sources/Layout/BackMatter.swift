import Model
import Pages
import Typesetting

/// The pages at the end of an issue: what pads it to a multiple of four (a deliberate blank,
/// a notes page or the bulletin's own advertisement — never a silently missing page), and the
/// colophon with the editorial board and the imprint from `publication.yaml`.
struct BackMatter {
    let issue: Issue
    let layout: LayoutSpec
    let typesetter: Typesetter
    let geometry: PageGeometry

    /// The `n`th padding page (0-based): an advertisement appears once, the pages after it are for notes.
    func padding(_ number: Int, nth n: Int) throws -> Page {
        var page = geometry.blankPage(number, kind: .blank)
        let frame = geometry.frame(page: number)
        switch layout.padding == .advert && n > 0 ? .notes : layout.padding {
        case .blank, .none:
            var style = layout.style("running-head")
            style.align = .center
            _ = try typesetter.draw("Trang này cố ý để trống", style: style, width: frame.width, x: frame.x,
                                    y: frame.y + frame.height / 2, on: &page)
        case .notes:
            var y = try typesetter.draw("Ghi chú", style: layout.style("title"), width: frame.width, x: frame.x, y: frame.y, on: &page)
            y = y + .mm(8)
            while y < frame.maxY - .mm(4) {
                page.items.append(.rule(from: Point(x: frame.x, y: y), to: Point(x: frame.maxX, y: y), width: 0.3,
                                        color: Color(red: 0.6, green: 0.6, blue: 0.6)))
                y = y + .mm(9)
            }
        case .advert:
            let p = issue.publication
            var y = frame.y + frame.height * 0.25
            page.items.append(.fill(Rect(x: frame.x, y: y - .mm(6), width: frame.width, height: .mm(2)), .black))
            y = try typesetter.draw("Đón đọc " + p.title, style: layout.style("title"), width: frame.width,
                                    x: frame.x, y: y + .mm(4), on: &page) + .mm(4)
            let next = issue.quarter == 4 ? "Quý I/\(issue.year + 1)" : "Quý \(["I", "II", "III", "IV"][issue.quarter])/\(issue.year)"
            var lines = ["Số tiếp theo phát hành \(next).",
                         "Bản tin nhận bài viết, ảnh và ý kiến của hội viên, nhà khoa học và bạn đọc."]
            if let contact = p.contact { lines.append(contact) }
            if let url = p.baseURL { lines.append("Đọc trực tuyến: \(url)") }
            for line in lines {
                y = try typesetter.draw(line, style: layout.style("subtitle"), width: frame.width, x: frame.x, y: y, on: &page) + .mm(2)
            }
        }
        return page
    }

    func colophon(_ number: Int) throws -> Page {
        var page = geometry.blankPage(number, kind: .colophon)
        let frame = geometry.frame(page: number)
        let p = issue.publication
        var small = layout.style("byline")
        small.spaceAfter = 0
        // The imprint sits at the foot of the page, as in most bulletins.
        var lines: [(String, TextStyle)] = [(p.title.uppercased(), layout.style("heading2")), (issue.issueLine, small)]
        if !p.board.isEmpty {
            lines.append(("Ban Biên tập", layout.style("heading3")))
            lines += p.board.map { ($0, small) }
        }
        lines.append(("Cơ quan chủ quản", layout.style("heading3")))
        lines.append((p.publisher, small))
        for line in [p.address, p.contact, p.issn.map { "ISSN \($0)" }, p.license, p.printer].compactMap({ $0 }) {
            lines.append((line, small))
        }
        lines.append(("Phát hành \(issue.date.vietnameseLong).", small))
        let sets = try lines.map { text, style in try typesetter.set(text, style: style, width: frame.width * 0.6) }
        let height = zip(sets, lines).reduce(Pt(0)) { sum, pair in
            sum + pair.0.reduce(Pt(0)) { $0 + $1.leading } + pair.1.1.spaceBefore
        }
        var y = frame.maxY - height - .mm(4)
        page.items.append(.rule(from: Point(x: frame.x, y: y - .mm(4)), to: Point(x: frame.x + frame.width * 0.6, y: y - .mm(4)),
                                width: 0.5, color: .black))
        for (set, line) in zip(sets, lines) {
            y = ColumnFlow.draw(set, x: frame.x, y: y + line.1.spaceBefore, into: &page)
        }
        return page
    }
}
