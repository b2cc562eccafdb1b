import PathwayCore
import Testing

@Suite("input bytes: shared without copying, given back once")
struct InputBytesTests {
    /// Counts how often its memory was given back.
    final class Releases: @unchecked Sendable {
        var count = 0
    }

    @Test("copies share the memory, which is given back once, when the last copy goes")
    func releasedOnceByTheLastCopy() {
        let releases = Releases()
        let memory = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 3)
        _ = memory.initialize(from: [7, 8, 9])
        nonisolated(unsafe) let owned = memory
        var first: InputBytes? = InputBytes(unsafeBase: UnsafeRawPointer(memory.baseAddress), count: 3) {
            releases.count += 1
            owned.deallocate()
        }
        var second = first
        first = nil
        #expect(releases.count == 0, "a copy still holds the bytes")
        #expect(Array(second!) == [7, 8, 9])
        #expect(second!.withUnsafeBufferPointer { $0.baseAddress } == UnsafePointer(memory.baseAddress))
        second = nil
        #expect(releases.count == 1)
    }

    @Test("an array's bytes are copied once and read back in order", arguments: [0, 1, 5, 4_096])
    func fromArray(count: Int) {
        let array = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let bytes = InputBytes(array)
        #expect(bytes.count == count && bytes.isEmpty == (count == 0))
        #expect(Array(bytes) == array)
        #expect(bytes.withContiguousStorageIfAvailable { Array($0) } == array)
        if count > 0 { #expect(bytes[count - 1] == array[count - 1]) }
    }
}
