import Diagnostics
import Layout

/// Step 4: cover, contents, the articles' pages, padding to a multiple of four, colophon,
/// running heads and folios. What the layout could not do well (a figure taller than a page)
/// is reported here.
struct PaginateStep: BuildStep {
    static let name = "Paginating"
    let engine: DiagnosticEngine

    func run(_ input: (paginator: Paginator, composition: Paginator.Composition)) throws -> Paginator.Result? {
        let result = try input.paginator.paginate(input.composition)
        engine.emit(contentsOf: result.problems)
        return result
    }
}
