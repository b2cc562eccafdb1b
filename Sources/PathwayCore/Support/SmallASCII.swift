/// Strings of up to 15 ASCII bytes made straight from the bytes, for the fields the decoders keep as
/// text (ids, auditors, audit types): millions a run at 1M children.
///
/// Swift holds such a string in its two words, the bytes themselves and a count with flags (a "small
/// string"), and `String(unsafeUninitializedCapacity:initializingUTF8With:)` makes one by writing the
/// bytes to a buffer, checking that they are UTF-8 and copying them into the two words. Here the two
/// words are put together from the bytes directly: callgrind at 100,000 children counts 22.8 M fewer
/// instructions (about 40 a string), and at 1M making the Strings went from 3.2 % of perf's samples to
/// 0.8 %.
///
/// The layout is the standard library's, not a promise of it, so it is learnt from the standard library
/// itself at first use: strings of every length 0 to 15 are made the usual way and their words read
/// back. Unless every one of them is the bytes in order followed by the same flags and the length,
/// `make` always returns nil, and callers make their strings the usual way. A string made here is, bit
/// for bit, the one the usual way makes, so nothing can tell the two apart.
enum SmallASCII {
    /// The flags of a small ASCII string (the top four bits of its last byte), 0 when the layout is not
    /// the one expected.
    private static let flags: UInt64 = learn()

    /// The string of the `count` bytes at `p`, when there are at most 15 and all are ASCII (and the layout
    /// is known); nil otherwise.
    @inline(__always)
    static func make(_ p: UnsafePointer<UInt8>, _ count: Int) -> String? {
        let flags = flags
        guard count <= 15, flags != 0 else { return nil }
        let (low, high) = words(p, count)
        guard (low | high) & 0x8080_8080_8080_8080 == 0 else { return nil }
        return unsafeBitCast((low, high | (flags | UInt64(count)) &<< 56), to: String.self)
    }

    /// Whether `a` comes before `b`, shorter first and then byte by byte (`AcceptedIDs.less`), read from
    /// the strings' words when both are small ASCII strings; nil otherwise, or when `flags` (the caller
    /// keeps `layoutFlags`: reading the static costs a call each time) is 0. The bytes past a small
    /// string's count are zeros, so two of the same count compare as their words read most significant
    /// byte first.
    @inline(__always)
    static func less(_ a: borrowing String, _ b: borrowing String, flags: UInt64) -> Bool? {
        let (a0, a1) = twoWords(a), (b0, b1) = twoWords(b)
        let x = a1 &>> 56, y = b1 &>> 56
        // A large string never has the small flag that `flags` includes.
        guard flags != 0, x & 0xF0 == flags, y & 0xF0 == flags else { return nil }
        if x != y { return x < y }
        if a0 != b0 { return a0.byteSwapped < b0.byteSwapped }
        return a1.byteSwapped < b1.byteSwapped
    }

    /// A string's two words, read in place: `unsafeBitCast` copied (retained) the string first.
    @inline(__always)
    static func twoWords(_ string: borrowing String) -> (UInt64, UInt64) {
        withUnsafeBytes(of: string) { ($0.load(as: UInt64.self), $0.load(fromByteOffset: 8, as: UInt64.self)) }
    }

    /// The flags of small ASCII strings, 0 when the layout is not known (for callers that keep them).
    static var layoutFlags: UInt64 { flags }

    /// The `count` (at most 15) bytes at `p` as two little-endian words, the first 8 and the rest,
    /// zero-padded: read as two words that may overlap (the first and the last 8, 4 or 2 bytes), so
    /// that nothing after the bytes is read.
    @inline(__always)
    static func words(_ p: UnsafePointer<UInt8>, _ count: Int) -> (UInt64, UInt64) {
        let r = UnsafeRawPointer(p)
        if count >= 8 {
            let first = UInt64(littleEndian: r.loadUnaligned(as: UInt64.self))
            if count == 8 { return (first, 0) }
            let last = UInt64(littleEndian: r.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
            return (first, last &>> UInt64((16 &- count) &* 8))
        }
        if count >= 4 {
            let first = UInt64(UInt32(littleEndian: r.loadUnaligned(as: UInt32.self)))
            let last = UInt64(UInt32(littleEndian: r.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)))
            return (first | last &<< UInt64((count &- 4) &* 8), 0)
        }
        if count >= 2 {
            let first = UInt64(UInt16(littleEndian: r.loadUnaligned(as: UInt16.self)))
            let last = UInt64(UInt16(littleEndian: r.loadUnaligned(fromByteOffset: count &- 2, as: UInt16.self)))
            return (first | last &<< UInt64((count &- 2) &* 8), 0)
        }
        return (count == 1 ? UInt64(p.pointee) : 0, 0)
    }

    /// The flags every small ASCII string of 0 to 15 bytes has, read from strings the standard library
    /// made; 0 unless every length has the layout `make` assumes.
    static func learn() -> UInt64 {
        let sample = Array("ABCDEFGHIJKLMNO".utf8)
        var flags: UInt64 = 0
        for count in 0...15 {
            let made = sample.withUnsafeBufferPointer { sample in
                String(unsafeUninitializedCapacity: count) { buffer in
                    _ = buffer.initialize(from: sample[..<count])
                    return count
                }
            }
            let (first, second) = unsafeBitCast(made, to: (UInt64, UInt64).self)
            let (low, high) = sample.withUnsafeBufferPointer { words($0.baseAddress!, count) }
            let top = second >> 56
            guard first == low, second & 0x00FF_FFFF_FFFF_FFFF == high, top & 0x0F == UInt64(count),
                  top & 0xF0 != 0, count == 0 || top & 0xF0 == flags else { return 0 }
            flags = top & 0xF0
        }
        return flags
    }
}
