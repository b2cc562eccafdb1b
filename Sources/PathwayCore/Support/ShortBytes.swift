import Foundation

/// Comparisons of two runs of bytes of the same length that do not call `memcmp` for runs of up to 16
/// bytes (nearly every id, code and team name): up to 16 bytes are read as two words that may overlap
/// (the first and the last 8, 4, 2 or 1 bytes), reading nothing outside the two runs; longer runs go
/// to `memcmp`. A call to `memcmp` for an id of 8 bytes was 2 % of the CPU samples at 1M children
/// (perf), more than its instructions suggest.
enum ShortBytes {
    /// Whether the `count` bytes at `a` and at `b` are equal.
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
    /// order). The words are read big-endian, so that comparing them compares their first bytes first;
    /// when the first words are equal, the bytes the two words share are equal too, and the last words
    /// differ first where the runs do.
    @inline(__always)
    static func less(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
        if count >= 8 {
            if count > 16 { return memcmp(x, y, count) < 0 }
            let first = UInt64(bigEndian: x.loadUnaligned(as: UInt64.self))
            let other = UInt64(bigEndian: y.loadUnaligned(as: UInt64.self))
            if first != other { return first < other }
            return UInt64(bigEndian: x.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
                < UInt64(bigEndian: y.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
        }
        if count >= 4 {
            let first = UInt32(bigEndian: x.loadUnaligned(as: UInt32.self))
            let other = UInt32(bigEndian: y.loadUnaligned(as: UInt32.self))
            if first != other { return first < other }
            return UInt32(bigEndian: x.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))
                < UInt32(bigEndian: y.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))
        }
        if count >= 2 {
            let first = UInt16(bigEndian: x.loadUnaligned(as: UInt16.self))
            let other = UInt16(bigEndian: y.loadUnaligned(as: UInt16.self))
            if first != other { return first < other }
            return UInt16(bigEndian: x.loadUnaligned(fromByteOffset: count &- 2, as: UInt16.self))
                < UInt16(bigEndian: y.loadUnaligned(fromByteOffset: count &- 2, as: UInt16.self))
        }
        return count == 1 && a.pointee < b.pointee
    }
}
