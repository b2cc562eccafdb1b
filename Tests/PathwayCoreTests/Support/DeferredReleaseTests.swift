#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation
import PathwayCore
import Testing

/// The run frees the decoded records on the render's second core once it is done with the digest and
/// the text outputs: a `DeferredRelease` frees what it holds when, and on the thread where, it is told.
@Suite("deferred release")
struct DeferredReleaseTests {
    final class Tracked: Sendable {
        let onFree: @Sendable () -> Void
        init(_ onFree: @escaping @Sendable () -> Void) { self.onFree = onFree }
        deinit { onFree() }
    }

    final class Log: @unchecked Sendable {
        let lock = NSLock()
        var events: [String] = []
        func add(_ event: String) {
            lock.lock()
            events.append(event)
            lock.unlock()
        }
    }

    @Test("values are held until release, which frees them on the calling thread; a second release frees nothing")
    func heldUntilRelease() {
        let log = Log()
        let holder = DeferredRelease()
        holder.hold(Tracked { log.add("first on \(pthread_self())") })
        holder.hold([Tracked { log.add("second") }])
        #expect(holder.heldCount == 2)
        #expect(log.events.isEmpty)
        // Released from another thread, the values are freed there.
        let releasingThread = ConcurrentSlots<String>(count: 1)
        let done = DispatchSemaphore(value: 0)
        Thread {
            releasingThread.set(0, "\(pthread_self())")
            holder.release()
            done.signal()
        }.start()
        done.wait()
        #expect(Set(log.events) == ["first on \(releasingThread.get(0)!)", "second"])
        #expect(releasingThread.get(0)! != "\(pthread_self())")
        #expect(holder.heldCount == 0)
        holder.release()
        #expect(log.events.count == 2)
    }

    @Test("values still held are freed with the holder")
    func freedWithTheHolder() {
        let log = Log()
        var holder: DeferredRelease? = DeferredRelease()
        holder!.hold(Tracked { log.add("freed") })
        #expect(log.events.isEmpty)
        holder = nil
        #expect(log.events == ["freed"])
    }
}
