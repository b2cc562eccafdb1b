import Foundation

/// Results written by concurrent tasks (`DispatchQueue.concurrentPerform`), one slot per task, read
/// back in a fixed order so that nothing depends on scheduling.
public final class ConcurrentSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The value, leaving the slot empty (so the caller holds the only reference and can change it in place).
    public func take(_ index: Int) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        let value = slots[index]
        slots[index] = nil
        return value
    }

    public func get(_ index: Int) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return slots[index]
    }

    /// Changes a slot under the lock and returns what `body` returns (e.g. counting down work left).
    public func update<R>(_ index: Int, _ body: (inout Value?) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&slots[index])
    }
}
