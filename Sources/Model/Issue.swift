/// One issue of the bulletin: `issues/<id>/issue.yaml` and the articles it lists.
public struct Issue: Sendable {
    /// The folder name, e.g. `2025-q1`.
    public var id: String
    public var publication: Publication
    public var number: Int
    public var year: Int
    public var quarter: Int
    public var date: ISODate
    public var layoutName: String
    public var cover: Cover?
    public var sections: [Section]

    public init(id: String, publication: Publication, number: Int, year: Int, quarter: Int, date: ISODate,
                layoutName: String, cover: Cover?, sections: [Section]) {
        self.id = id
        self.publication = publication
        self.number = number
        self.year = year
        self.quarter = quarter
        self.date = date
        self.layoutName = layoutName
        self.cover = cover
        self.sections = sections
    }

    public var articles: [Article] { sections.flatMap(\.articles) }

    /// `Số 1 · Quý I/2025`
    public var issueLine: String { "Số \(number) · \(quarterLine)" }

    /// `Quý I/2025`, with ASCII Roman numerals.
    public var quarterLine: String {
        let roman = ["I", "II", "III", "IV"]
        let q = (1...4).contains(quarter) ? roman[quarter - 1] : String(quarter)
        return "Quý \(q)/\(year)"
    }
}

public struct Cover: Sendable {
    public var image: ImageRef?
    public var headline: String?

    public init(image: ImageRef?, headline: String?) {
        self.image = image
        self.headline = headline
    }
}

public struct Section: Sendable {
    public var title: String
    public var articles: [Article]

    public init(title: String, articles: [Article]) {
        self.title = title
        self.articles = articles
    }
}
