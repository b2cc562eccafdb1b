import Dispatch
import Foundation

/// Frees a value on another thread. At 1M children the decoded records (1.7 million contacts and the
/// rest) took about 60 ms to free on one core, between compute and render with the other core idle;
/// handed over here, they are freed while the workbook is rendered.
public enum BackgroundRelease {
    /// Takes `value` over and drops it on `queue`: the caller keeps no reference, so the last release,
    /// and the freeing, happen there.
    public static func release<Value: Sendable>(_ value: consuming Value, on queue: DispatchQueue = .global()) {
        let box = Box(value)
        queue.async { box.empty() }
    }

    private final class Box<Value: Sendable>: @unchecked Sendable {
        // Touched by the queue's block only, once the caller has let go of the box.
        private var value: Value?
        init(_ value: consuming Value) { self.value = value }
        func empty() { value = nil }
    }
}

/// Values held until `release()` is called, which frees them on the calling thread, so that the caller
/// chooses when and on which core they are freed (the run frees the decoded records on the render's
/// second core once it has taken the digests and rendered the text outputs, not while it does). Values
/// still held when the holder goes are freed with it.
public final class DeferredRelease: @unchecked Sendable {
    // `values` is read and written under `lock` only.
    private let lock = NSLock()
    private var values: [any Sendable] = []

    public init() {}

    /// Keeps `value` (the caller's copy is consumed) until `release()`.
    public func hold<Value: Sendable>(_ value: consuming Value) {
        let value = consume value
        lock.lock()
        values.append(value)
        lock.unlock()
    }

    /// Frees what is held, on this thread, outside the lock.
    public func release() {
        lock.lock()
        let taken = values
        values = []
        lock.unlock()
        withExtendedLifetime(taken) {}
    }

    /// How many values are held (for tests).
    public var heldCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return values.count
    }
}
