import Dispatch

/// Runs independent work on every core (articles are loaded and typeset this way); the
/// results keep the order of the input, so output stays deterministic.
public enum Parallel {
    public static func map<T, R>(_ items: [T], _ transform: (T) throws -> R) rethrows -> [R] {
        guard items.count > 1 else { return try items.map(transform) }
        return try withoutActuallyEscaping(transform) { transform in
            let results = UnsafeMutableBufferPointer<Result<R, Error>?>.allocate(capacity: items.count)
            results.initialize(repeating: nil)
            defer {
                results.deinitialize()
                results.deallocate()
            }
            DispatchQueue.concurrentPerform(iterations: items.count) { i in
                results[i] = Result { try transform(items[i]) }
            }
            return try results.map { try $0!.get() }
        }
    }
}
