import Foundation

/// A small cache from a field's raw bytes to a computed value, for columns with few distinct values
/// (codes, yes/no, sources, teams): a hit costs a byte comparison instead of a String and its
/// normalisation. Holds at most `limit` entries; beyond that, values are computed every time.
///
/// The keys' bytes are kept end to end in one array and their lengths in another, so a lookup scans
/// a contiguous array of lengths and compares bytes only for keys of the field's length, a few bytes
/// at a time (`ShortBytes.equal`). Each key kept as its own `[UInt8]` cost a reference-counted array
/// access per key tried and a byte-by-byte loop: reading a contact's source took 184 instructions, 147
/// since (callgrind, at 100,000 children).
public struct ByteKeyCache<Value>: Sendable where Value: Sendable {
    public static var limit: Int { 64 }

    /// Every key's bytes, one after another.
    private var keyBytes: [UInt8] = []
    /// Each key's length and where its bytes start in `keyBytes`.
    private var keys: [Key] = []
    private var values: [Value] = []

    private struct Key: Sendable {
        let count: Int
        let start: Int
    }

    public init() {}

    @inline(__always)
    public mutating func value(for bytes: UnsafeBufferPointer<UInt8>, compute: () -> Value) -> Value {
        if let index = index(of: bytes) { return values[index] }
        let value = compute()
        if keys.count < Self.limit {
            keys.append(Key(count: bytes.count, start: keyBytes.count))
            keyBytes.append(contentsOf: bytes)
            values.append(value)
        }
        return value
    }

    /// The entry whose key is exactly `bytes`, if any.
    @inline(__always)
    private func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        return keys.withUnsafeBufferPointer { keys in
            keyBytes.withUnsafeBufferPointer { stored in
                for index in 0..<keys.count where keys[index].count == count {
                    if count == 0
                        || ShortBytes.equal(stored.baseAddress! + keys[index].start, bytes.baseAddress!, count) {
                        return index
                    }
                }
                return nil
            }
        }
    }
}
