import Dispatch

/// A value computed on another thread while this one goes on (the web edition, beside the
/// PDFs); `value` waits for it. The result is written once, before the semaphore is signalled,
/// and read only after waiting on it: the semaphore orders the two, hence `@unchecked Sendable`.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.result = work()
            self.finished.signal()
        }
    }

    /// The value, once the work is done.
    var value: Value {
        finished.wait()
        defer { finished.signal() }
        return result!
    }
}
