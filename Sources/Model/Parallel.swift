import Dispatch

/// Runs independent work on every core (articles are loaded and typeset this way); the
/// results keep the order of the input, so output stays deterministic.
public enum Parallel {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) throws -> R) rethrows -> [R] {
        guard items.count > 1 else { return try items.map(transform) }
        let results = Slots<Result<R, Error>>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            results.fill(i, with: Result { try transform(items[i]) })
        }
        return try results.values.map { try $0.get() }
    }
}

/// One slot per task, each filled exactly once by its own task: no two tasks touch the same
/// memory, and `concurrentPerform` returns only after every task is done, so reading them then
/// is safe. That is the whole of the synchronisation, hence `@unchecked Sendable`.
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func fill(_ index: Int, with value: Value) {
        storage[index] = value
    }

    /// Every slot's value, once all are filled.
    var values: [Value] { storage.map { $0! } }
}
