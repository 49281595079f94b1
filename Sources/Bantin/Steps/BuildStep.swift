import Diagnostics
import Dispatch

/// One named step of an issue's build, with one entry point. A step reports what is wrong with
/// the input into the run's diagnostic engine and returns nil when it cannot go on; it throws
/// only when the machine fails it (a file that cannot be written).
protocol BuildStep {
    associatedtype Input
    associatedtype Product
    /// How the log names the step: `[3/6] Typesetting 2025-q1`.
    static var name: String { get }
    func run(_ input: Input) throws -> Product?
}

/// The steps of an issue's build, in order. `check`, `dump` and `preview` run the first four;
/// `build` runs them all (and the web edition beside the last two).
enum BuildSteps {
    static let all = [LoadStep.name, CheckStep.name, TypesetStep.name, PaginateStep.name, WritePDFsStep.name, PreflightStep.name]
    static let throughPagination = 4
}

/// How long a step took; the PDF step adds one line per PDF (they are written side by side).
public struct StepTiming: Sendable {
    public var step: String
    public var seconds: Double
}

/// Runs the steps of one issue: logs `[n/N] Step issue`, times each step, and stops the issue
/// after a step that reported an error or threw.
final class StepRunner {
    let id: String
    let engine: DiagnosticEngine
    /// Progress lines; nil for commands whose standard output is their result (`dump`).
    let log: ((String) -> Void)?
    private(set) var timings: [StepTiming] = []

    init(id: String, engine: DiagnosticEngine, log: ((String) -> Void)?) {
        self.id = id
        self.engine = engine
        self.log = log
    }

    func run<S: BuildStep>(_ step: S, _ input: S.Input) -> S.Product? {
        let n = (BuildSteps.all.firstIndex(of: S.name) ?? 0) + 1
        log?("[\(n)/\(BuildSteps.all.count)] \(S.name) \(id)")
        let errors = engine.errorCount
        let started = DispatchTime.now()
        defer { record(S.name, since: started) }
        do {
            guard let product = try step.run(input), engine.errorCount == errors else { return nil }
            return product
        } catch {
            engine.emit(.error("build", "\(id): \(error)", at: nil))
            return nil
        }
    }

    func record(_ step: String, seconds: Double) {
        timings.append(StepTiming(step: step, seconds: seconds))
    }

    private func record(_ step: String, since started: DispatchTime) {
        record(step, seconds: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
    }
}
