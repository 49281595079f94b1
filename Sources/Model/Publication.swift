/// The bulletin itself, from `issues/publication.yaml`.
public struct Publication: Sendable {
    public var title: String
    public var publisher: String
    public var language: String
    public var issn: String?
    public var baseURL: String?
    /// The web edition's icon, an image file (`web: { favicon: images/logo.png }`, relative to
    /// the folder of `publication.yaml`); without one the icon is drawn from the title's initials.
    /// The absolute path of the file.
    public var favicon: String?
    /// The editorial board, one line each ("Trưởng ban: …"), and the imprint, for the colophon.
    public var board: [String] = []
    public var address: String?
    public var contact: String?
    public var license: String?
    public var printer: String?

    public init(title: String, publisher: String, language: String = "vi", issn: String? = nil, baseURL: String? = nil) {
        self.title = title
        self.publisher = publisher
        self.language = language
        self.issn = issn
        self.baseURL = baseURL
    }
}
