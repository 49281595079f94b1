import Pages

extension LaidPage {
    /// The page's dump with the layout's own records: the article, whether it opens there, and
    /// every flow record after the items.
    ///
    ///     Page 3 article "Hội nghị…" opens
    ///       text (56.69,120.3) NotoSans-Bold 22 "Hội nghị tổng kết"
    ///       flow c0 line @12:1 3/7 y=120.5-133.7
    public var dump: String {
        var header = page.header
        if let title = articleTitle { header += " \"\(title)\"" }
        if opensArticle { header += " opens" }
        return ([header] + page.items.map { "  " + $0.dump } + flow.map { "  " + $0.dump }).joined(separator: "\n")
    }
}

extension FlowRecord {
    /// `flow c1 line @12:1 3/7 y=120.5-133.7`: column, kind, paragraph, line of lines, extent.
    public var dump: String {
        let at = source.map { "@\($0.start.line):\($0.start.column)" } ?? "@-"
        return "flow c\(column) \(kind.rawValue) \(at) \(index + 1)/\(count) y=\(top.formatted)-\(bottom.formatted)"
    }
}
