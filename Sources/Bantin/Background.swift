import Dispatch

/// A value computed on another thread while this one goes on (the web edition, beside the
/// PDFs), from when `start()` is first called; `value` starts it if nobody has, and waits for
/// it. The result is written once, before the semaphore is signalled, and read only after
/// waiting on it; `started` is touched by the owning thread only: hence `@unchecked Sendable`.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let work: @Sendable () -> Value
    private var started = false
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
    }

    /// Starts the work on another thread; later calls do nothing.
    func start() {
        guard !started else { return }
        started = true
        DispatchQueue.global().async {
            self.result = self.work()
            self.finished.signal()
        }
    }

    /// The value, once the work is done.
    var value: Value {
        start()
        finished.wait()
        defer { finished.signal() }
        return result!
    }
}
