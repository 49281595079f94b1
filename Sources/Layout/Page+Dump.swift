import Model
import Typesetting

extension Page {
    /// A compact text form of the page, for golden tests and `bantin dump pages`:
    ///
    ///     Page 3 article "Hội nghị…" opens
    ///       text (56.69,120.3) NotoSans-Bold 22 "Hội nghị tổng kết"
    ///       image [56.69 200 240.94×160.63] images/hoi-nghi.jpg
    public var dump: String {
        var out = "Page \(number) \(kind.rawValue)"
        if let title = articleTitle { out += " \"\(title)\"" }
        if opensArticle { out += " opens" }
        for item in items {
            out += "\n  " + item.dump
        }
        for mark in marks {
            out += "\n  " + mark.dump
        }
        return out
    }
}

extension FlowMark {
    /// `flow c1 line @12:1 3/7 y=120.5-133.7`: column, kind, paragraph, line of lines, extent.
    public var dump: String {
        let at = source.map { "@\($0.start.line):\($0.start.column)" } ?? "@-"
        return "flow c\(column) \(kind.rawValue) \(at) \(index + 1)/\(count) y=\(top.formatted)-\(bottom.formatted)"
    }
}

extension PageItem {
    public var dump: String {
        switch self {
        case .text(let run, let origin):
            let face = run.face.name.replacingOccurrences(of: ".ttf", with: "")
            return "text \(origin) \(face) \(run.size.formatted) \"\(run.text)\""
        case .image(let image, let frame, _):
            return "image \(frame) \(image.issuePath)"
        case .rule(let from, let to, let width, _):
            return "rule \(from)-\(to) w=\(width.formatted)"
        case .fill(let rect, let color):
            return "fill \(rect) \(color.hex)"
        }
    }
}
