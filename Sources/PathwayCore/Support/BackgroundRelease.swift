import Dispatch

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
