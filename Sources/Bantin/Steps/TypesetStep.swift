import Diagnostics
import Layout

/// Step 3: every article's body set into lines and figure boxes at the column width. `build`
/// gives it the issue's `ArticleStore`, so an article unchanged since the last build is not
/// typeset again.
struct TypesetStep: BuildStep {
    static let name = "Typesetting"
    let engine: DiagnosticEngine
    var store: ArticleStore? = nil

    /// Also warns of every paragraph in which a word had to be cut to stay in its column.
    func run(_ paginator: Paginator) throws -> Paginator.Composition? {
        let composition = try paginator.compose(reusing: store)
        store?.finish()
        engine.emit(contentsOf: composition.cutWords)
        return composition
    }
}
