/// The UTF-8 check (spec §2) of a range of a file's bytes, done a piece at a time just ahead of the
/// reader that decodes them, while they are in the cache, instead of in a pass over every file of its
/// own before decoding. That pass also made every page of every file resident at once: at 1M children
/// it set the run's peak memory (250 MB, against 205 MB since), and at 10M children 2.33 GB (1.74 GB
/// since).
///
/// Each piece is at least `step` bytes and ends before a byte that is not a continuation byte
/// (10xxxxxx), so no well-formed sequence is cut in two and a sequence that runs into a cut is as cut
/// short in its piece as it is in the whole: the range is valid UTF-8 exactly when every piece is.
/// (`end` must itself be such a boundary: the end of the file, or the start of a line.)
///
/// The parts of one file share a `Stop`: once one part finds bytes that are not UTF-8, the others stop
/// at their next piece, and the whole file is read again as Windows-1252.
struct UTF8CheckAhead {
    /// Told by the first part of a file that finds bytes that are not UTF-8; read by the others once a
    /// piece. (A lock, not an atomic: `Synchronization` needs macOS 15, and the package builds for 13.)
    final class Stop: Sendable {
        private let stopped = ConcurrentSlots<Bool>(count: 1)
        func set() { stopped.set(0, true) }
        var isSet: Bool { stopped.get(0) == true }
    }

    /// The bytes before this offset have been checked (`Int.max` when nothing is to be checked).
    private(set) var checkedUpTo: Int
    private let end: Int
    private let step: Int
    private let stop: Stop?

    /// Checks `range` of the bytes, at least `step` bytes at a time.
    init(range: Range<Int>, step: Int, stop: Stop?) {
        precondition(step > 0, "a piece of at least one byte")
        checkedUpTo = range.lowerBound
        end = range.upperBound
        self.step = step
        self.stop = stop
    }

    /// Checks nothing: for text already known to be UTF-8 (or re-encoded from Windows-1252).
    static let unchecked = UTF8CheckAhead(nothing: ())

    private init(nothing: Void) {
        checkedUpTo = .max
        end = .max
        step = 1
        stop = nil
    }

    /// Checks on until the bytes before `position` are checked; false when a piece is not valid UTF-8,
    /// or when another part of the file found one that is not.
    @inline(__always)
    mutating func cover(_ position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        position <= checkedUpTo || checkPieces(upTo: position, bytes)
    }

    private mutating func checkPieces(upTo position: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        precondition(position <= end && end <= bytes.count, "UTF8CheckAhead past the end of its range")
        if stop?.isSet == true { return false }
        var upper = min(max(position, checkedUpTo + step), end)
        while upper < end && bytes[upper] & 0xC0 == 0x80 { upper += 1 }
        guard UTF8Validator.isValid(UnsafeBufferPointer(rebasing: bytes[checkedUpTo..<upper])) else {
            stop?.set()
            return false
        }
        checkedUpTo = upper
        return true
    }

    /// Checks the rest of the range (nothing when unchecked: `end` is then `checkedUpTo`, `Int.max`).
    mutating func finish(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        cover(end, in: bytes)
    }
}
