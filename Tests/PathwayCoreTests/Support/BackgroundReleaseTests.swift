import Dispatch
import Foundation
import PathwayCore
import Testing

/// The decoded records are freed on another thread while the outputs are rendered: the value must be
/// freed exactly once, on the queue, and not by the caller.
@Suite("background release")
struct BackgroundReleaseTests {
    /// Signals when it is freed, and on which thread.
    final class Tracked: @unchecked Sendable {
        let freed: DispatchSemaphore
        let freedOn: ConcurrentSlots<UInt>
        init(_ freed: DispatchSemaphore, _ freedOn: ConcurrentSlots<UInt>) {
            self.freed = freed
            self.freedOn = freedOn
        }
        deinit {
            freedOn.update(0) { count in count = (count ?? 0) + 1 }
            freedOn.set(1, BackgroundReleaseTests.currentThread())
            freed.signal()
        }
    }

    static func currentThread() -> UInt {
        #if os(Linux)
        UInt(pthread_self())
        #else
        UInt(bitPattern: pthread_self())
        #endif
    }

    @Test("the value is freed once, by the queue, after the caller let go")
    func freedOnTheQueue() {
        let freed = DispatchSemaphore(value: 0)
        let freedOn = ConcurrentSlots<UInt>(count: 2)
        let queue = DispatchQueue(label: "background-release-test")
        // The queue is held until the caller has handed the value over, so the caller could only free it
        // itself if it still held a reference.
        queue.suspend()
        BackgroundRelease.release(([Tracked(freed, freedOn)], "records"), on: queue)
        #expect(freedOn.get(0) == nil, "freed before the queue ran")
        queue.resume()
        #expect(freed.wait(timeout: .now() + 10) == .success)
        queue.sync {}
        #expect(freedOn.get(0) == 1)
        #expect(freedOn.get(1) != Self.currentThread())
    }
}
