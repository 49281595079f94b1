import Model

extension SetLine {
    /// `Line w=241.0pt r=+0.42 "Sáng ngày…"` — one line of the line-breaking dump.
    public var dump: String {
        let r = (ratio >= 0 ? "+" : "") + String(format2: ratio)
        return "Line w=\(width.formatted)pt n=\(naturalWidth.formatted)pt r=\(r) \"\(text)\""
    }
}

extension String {
    /// Two decimals: `1.50`, `-0.07`.
    public init(format2 v: Double) {
        let rounded = (v * 100).rounded() / 100
        var s = String(rounded)
        if let dot = s.firstIndex(of: "."), s.distance(from: dot, to: s.endIndex) == 2 { s += "0" }
        self = s
    }
}
