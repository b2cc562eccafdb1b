import Foundation

/// Comparisons of two runs of bytes of the same length that do not call `memcmp` for runs of up to 16
/// bytes (nearly every id, code and team name): up to 16 bytes are read as two words that may overlap
/// (the first and the last 8, 4, 2 or 1 bytes), reading nothing outside the two runs; longer runs go
/// to `memcmp`. A call to `memcmp` for an id of 8 bytes was 2 % of the CPU samples at 1M children
/// (perf), more than its instructions suggest.
enum ShortBytes {
    /// Whether the `count` bytes at `a` and at `b` are equal. It reads the same words as `key` but
    /// compares them as they are: the byte swaps `key` needs for the order cost 3.3 M instructions at
    /// 100,000 children (callgrind) in the caches' look-ups of every field.
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
        if count >= 8 {
            if count > 16 { return memcmp(x, y, count) == 0 }
            return x.loadUnaligned(as: UInt64.self) == y.loadUnaligned(as: UInt64.self)
                && x.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
                == y.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
        }
        if count >= 4 {
            return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
                && x.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
                == y.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
        }
        if count >= 2 {
            return x.loadUnaligned(as: UInt16.self) == y.loadUnaligned(as: UInt16.self)
                && x.loadUnaligned(fromByteOffset: count &- 2, as: UInt16.self)
                == y.loadUnaligned(fromByteOffset: count &- 2, as: UInt16.self)
        }
        return count == 0 || a.pointee == b.pointee
    }

    /// Whether the `count` bytes at `a` come before the `count` bytes at `b` in byte order (`memcmp`'s
    /// order).
    @inline(__always)
    static func less(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        if count > 16 { return memcmp(a, b, count) < 0 }
        return key(UnsafeRawPointer(a), count) < key(UnsafeRawPointer(b), count)
    }

    /// Up to 16 bytes as two numbers that compare (the first, then the second) as the bytes do, for runs
    /// of the same length: the first and the last 8, 4 or 2 bytes (the two may overlap), read
    /// big-endian so that a word's first byte counts most. When the first words are equal, so are the
    /// bytes the two words share, and the last words differ first where the runs do. Words of 4 or 2
    /// bytes are put side by side in the first number.
    @inline(__always)
    private static func key(_ p: UnsafeRawPointer, _ count: Int) -> (UInt64, UInt64) {
        if count >= 8 {
            return (UInt64(bigEndian: p.loadUnaligned(as: UInt64.self)),
                    UInt64(bigEndian: p.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)))
        }
        if count >= 4 {
            return (UInt64(UInt32(bigEndian: p.loadUnaligned(as: UInt32.self))) << 32
                | UInt64(UInt32(bigEndian: p.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))), 0)
        }
        if count >= 2 {
            return (UInt64(UInt16(bigEndian: p.loadUnaligned(as: UInt16.self))) << 16
                | UInt64(UInt16(bigEndian: p.loadUnaligned(fromByteOffset: count &- 2, as: UInt16.self))), 0)
        }
        return (count == 1 ? UInt64(p.load(as: UInt8.self)) : 0, 0)
    }
}
