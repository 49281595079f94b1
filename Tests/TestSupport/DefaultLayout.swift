import Diagnostics
import Foundation
import Loading
import Model

extension LayoutSpec {
    /// `layouts/defaults.yaml` as the loader reads it: what a layout that says nothing gets.
    public static let defaults: LayoutSpec = {
        let root = projectRoot
        let engine = DiagnosticEngine()
        guard let spec = LayoutLoader(workspace: Workspace(root: root, workingDirectory: root), engine: engine).loadDefaults() else {
            fatalError("layouts/defaults.yaml does not load: \(engine.diagnostics)")
        }
        return spec
    }()
}
