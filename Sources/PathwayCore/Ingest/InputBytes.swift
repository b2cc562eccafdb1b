/// An input file's bytes, read-only, shared by the stages and threads that read them without copying.
///
/// The load stage maps export files into memory (PathwayApp's `FileSystem.mapFile`): reading them into
/// an array instead copied every byte into fresh memory that the kernel first had to zero, which took
/// 0.19 to 0.25 s for the 223 MB of the 1M-children benchmark set against 0.03 to 0.04 s mapped (both
/// touching every byte once). Arrays (tests, text re-encoded from Windows-1252, inputs that are not
/// regular files) are copied into memory of the buffer's own.
///
/// The bytes never move: a pointer from `withUnsafeBufferPointer` stays valid for as long as a copy of
/// the buffer is held (`CSVReader` keeps one and reads through the pointer). The memory is given back
/// (`release`) when the last copy goes; a mapped file's pages already read leave resident memory earlier
/// (`doneReading`), while they can still be read.
public struct InputBytes: RandomAccessCollection, Sendable {
    private let owner: Owner
    public let count: Int

    /// Takes over `count` bytes at `base`, valid until `release` is called (once, when the last copy goes).
    /// `doneReading`, when given, is told of byte ranges that will probably not be read again
    /// (`doneReading(_:)`); it must leave them readable, with the same bytes.
    public init(unsafeBase base: UnsafeRawPointer?, count: Int,
                doneReading: (@Sendable (Range<Int>) -> Void)? = nil, release: @escaping @Sendable () -> Void) {
        precondition(count >= 0 && (base != nil || count == 0), "InputBytes needs memory for its bytes")
        owner = Owner(base: base?.assumingMemoryBound(to: UInt8.self), doneReading: doneReading, release: release)
        self.count = count
    }

    /// A copy of the array's bytes.
    public init(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else {
            self.init(unsafeBase: nil, count: 0) {}
            return
        }
        let memory = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = memory.initialize(from: bytes)
        nonisolated(unsafe) let owned = memory
        self.init(unsafeBase: UnsafeRawPointer(memory.baseAddress), count: bytes.count) { owned.deallocate() }
    }

    /// The bytes, for the duration of `body`.
    @inline(__always)
    public func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try withExtendedLifetime(owner) { () throws(E) -> R in
            try body(UnsafeBufferPointer(start: owner.base, count: count))
        }
    }

    /// Says that `range` will probably not be read again, so that memory which can be read back at any
    /// time gives it up: a mapped file's pages leave resident memory (reading them again maps them again
    /// from the page cache). Bytes held in memory of their own (arrays) are kept: they are the only copy.
    public func doneReading(_ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "InputBytes range out of bounds")
        guard !range.isEmpty else { return }
        owner.doneReading?(range)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(index: Int) -> UInt8 {
        precondition(index >= 0 && index < count, "InputBytes index out of range")
        return withExtendedLifetime(owner) { owner.base![index] }
    }

    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        try withExtendedLifetime(owner) { try body(UnsafeBufferPointer(start: owner.base, count: count)) }
    }

    /// Holds the memory; gives it back when the last `InputBytes` that shares it goes.
    private final class Owner: @unchecked Sendable {
        let base: UnsafePointer<UInt8>?
        let doneReading: (@Sendable (Range<Int>) -> Void)?
        let release: @Sendable () -> Void

        init(base: UnsafePointer<UInt8>?, doneReading: (@Sendable (Range<Int>) -> Void)?,
             release: @escaping @Sendable () -> Void) {
            self.base = base
            self.doneReading = doneReading
            self.release = release
        }

        deinit { release() }
    }
}
