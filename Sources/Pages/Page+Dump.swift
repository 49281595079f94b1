import Model

extension Page {
    /// A compact text form of the page, for golden tests and `bantin dump pages`:
    ///
    ///     Page 3 article
    ///       text (56.69,120.3) NotoSans-Bold 22 "Hội nghị tổng kết"
    ///       image [56.69 200 240.94×160.63] images/hoi-nghi.jpg
    public var dump: String {
        ([header] + items.map { "  " + $0.dump }).joined(separator: "\n")
    }

    /// `Page 3 article`: the number and kind.
    public var header: String { "Page \(number) \(kind.rawValue)" }
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
