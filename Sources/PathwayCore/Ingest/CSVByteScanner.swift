/// Finds the next "interesting" byte for `CSVReader`, eight bytes at a time (SWAR).
///
/// For each 64-bit word, `(x - 0x01..01) & ~x & 0x80..80` flags the bytes of `x` that are zero; the
/// lowest flag is always a true zero byte (higher flags can be false positives caused by the borrow),
/// and the scanners only use the lowest flag, so the result is exact.
enum CSVByteScanner {
    static let comma: UInt8 = 0x2C
    static let quote: UInt8 = 0x22
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 {
        (x &- ones) & ~x & highBits
    }

    /// Index of the first byte in `from..<count` equal to `a`, `b` or `c`, or `count` if none.
    @inline(__always)
    static func firstIndex(
        _ base: UnsafePointer<UInt8>, from: Int, count: Int, _ a: UInt8, _ b: UInt8, _ c: UInt8
    ) -> Int {
        let raw = UnsafeRawPointer(base)
        let patternA = ones &* UInt64(a), patternB = ones &* UInt64(b), patternC = ones &* UInt64(c)
        var i = from
        while i &+ 8 <= count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let flags = zeroBytes(word ^ patternA) | zeroBytes(word ^ patternB) | zeroBytes(word ^ patternC)
            if flags != 0 { return i &+ (flags.trailingZeroBitCount &>> 3) }
            i &+= 8
        }
        while i < count {
            let byte = base[i]
            if byte == a || byte == b || byte == c { return i }
            i &+= 1
        }
        return count
    }

    /// Flags (bit 7 of each byte) on exactly the bytes of `word` that are a comma, LF or CR, in every
    /// position: unlike `zeroBytes`, no borrow runs between bytes, so a word's separators can all be
    /// taken in turn (lowest first) without loading it again.
    @inline(__always)
    static func separatorFlags(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let a = word ^ (ones &* UInt64(comma)), b = word ^ (ones &* UInt64(lineFeed))
        let c = word ^ (ones &* UInt64(carriageReturn))
        // For each byte, bit 7 of ((x & 0x7F) + 0x7F) | x is set unless the byte of x is zero.
        let nonZeroA = ((a & low) &+ low) | a, nonZeroB = ((b & low) &+ low) | b
        let nonZeroC = ((c & low) &+ low) | c
        return ~(nonZeroA & nonZeroB & nonZeroC) & highBits
    }

    /// End of an unquoted field: the next comma, LF or CR.
    @inline(__always)
    static func unquotedFieldEnd(_ base: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
        firstIndex(base, from: from, count: count, comma, lineFeed, carriageReturn)
    }

    /// Inside a quoted field: the next quote, LF or CR (line ends are counted for line numbers).
    @inline(__always)
    static func quotedStop(_ base: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
        firstIndex(base, from: from, count: count, quote, lineFeed, carriageReturn)
    }

    /// The next LF or CR.
    @inline(__always)
    static func lineEnd(_ base: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
        firstIndex(base, from: from, count: count, lineFeed, carriageReturn, lineFeed)
    }
}
