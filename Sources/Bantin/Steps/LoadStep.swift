import Diagnostics
import Foundation
import Loading

/// Step 1: the issue folder → the document IR and its layout (manifest, articles, images, layout file).
struct LoadStep: BuildStep {
    static let name = "Loading"
    let workspace: Workspace
    let engine: DiagnosticEngine
    let layoutOverride: String?

    func run(_ folder: URL) -> LoadedIssue? {
        IssueLoader(workspace: workspace, engine: engine).load(issueFolder: folder, layoutOverride: layoutOverride)
    }
}
