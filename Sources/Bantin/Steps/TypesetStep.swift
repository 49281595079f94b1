import Layout

/// Step 3: every article's body set into lines and figure boxes at the column width.
struct TypesetStep: BuildStep {
    static let name = "Typesetting"

    func run(_ paginator: Paginator) throws -> Paginator.Composition? {
        try paginator.compose()
    }
}
