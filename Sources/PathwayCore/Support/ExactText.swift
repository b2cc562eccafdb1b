import Foundation

/// Text compared, hashed and ordered by its exact Unicode scalars (code points), never by Swift's
/// canonical equivalence: SPEC §2 compares ids "exactly after trimming" and uses team names as
/// trimmed, case-sensitive, so "é" (U+00E9) and "e\u{301}" are two different ids and two teams.
/// Used as the key of every id or team dictionary.
public struct ExactText: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        // The same two words are the same text (the same small string, or the same buffer): a table's
        // lookup usually compares a key with an equal one, and ids are small strings.
        if StringIdentity(lhs.value) == StringIdentity(rhs.value) { return true }
        // Reads the bytes in place: copying the Strings into `var`s for `withUTF8` retained and released
        // both on every comparison.
        guard lhs.value.utf8.count == rhs.value.utf8.count else { return false }
        let same = lhs.value.utf8.withContiguousStorageIfAvailable { x in
            rhs.value.utf8.withContiguousStorageIfAvailable { y in
                x.count == 0 || ShortBytes.equal(x.baseAddress!, y.baseAddress!, x.count)
            }
        }
        if let same = same.flatMap({ $0 }) { return same }
        return lhs.value.utf8.elementsEqual(rhs.value.utf8)
    }

    public static func < (lhs: ExactText, rhs: ExactText) -> Bool {
        CodePoint.less(lhs.value, rhs.value)
    }

    public func hash(into hasher: inout Hasher) {
        if value.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            for byte in value.utf8 { hasher.combine(byte) }
        }
        hasher.combine(0xFF as UInt8)  // a terminator byte that never occurs in UTF-8
    }

    public var description: String { value }

    /// Code-point order of two plain strings.
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        CodePoint.less(lhs, rhs)
    }
}

/// A String's two words: equal only for the same text held the same way (the same small string, or
/// the same buffer), so a cheap test of sameness that never gives a false yes.
struct StringIdentity: Equatable {
    let first: UInt64
    let second: UInt64

    @inline(__always)
    init(_ string: String) {
        (first, second) = unsafeBitCast(string, to: (UInt64, UInt64).self)
    }
}
