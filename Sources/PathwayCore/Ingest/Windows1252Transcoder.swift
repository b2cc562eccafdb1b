/// Windows-1252 to UTF-8 conversion.
///
/// 0x00...0x7F are ASCII, 0xA0...0xFF are U+00A0...U+00FF, and 0x80...0x9F use the Windows-1252
/// table; the five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) become the C1 control of the same
/// number, so the conversion never fails.
enum Windows1252Transcoder {
    /// Unicode scalar values for bytes 0x80...0x9F.
    static let c1Block: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, // 80-87
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, // 88-8F
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, // 90-97
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178, // 98-9F
    ]

    /// The Unicode scalar value a Windows-1252 byte stands for.
    static func scalar(for byte: UInt8) -> UInt32 {
        if byte >= 0x80 && byte <= 0x9F { return c1Block[Int(byte) - 0x80] }
        return UInt32(byte)
    }

    /// UTF-8 encodings of bytes 0x80...0xFF, packed as length | b0 << 8 | b1 << 16 | b2 << 24.
    static let highTable: [UInt32] = (0x80...0xFF).map { (byte: Int) -> UInt32 in
        let value = scalar(for: UInt8(byte))
        if value < 0x800 {
            let b0 = 0xC0 | (value >> 6)
            let b1 = 0x80 | (value & 0x3F)
            return 2 | b0 << 8 | b1 << 16
        }
        let b0 = 0xE0 | (value >> 12)
        let b1 = 0x80 | ((value >> 6) & 0x3F)
        let b2 = 0x80 | (value & 0x3F)
        return 3 | b0 << 8 | b1 << 16 | b2 << 24
    }

    static func utf8(from source: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let table = highTable
        var outputCount = 0
        for byte in source {
            outputCount &+= byte < 0x80 ? 1 : Int(table[Int(byte) &- 0x80] & 0xFF)
        }
        return [UInt8](unsafeUninitializedCapacity: outputCount) { output, initialized in
            var o = 0
            for byte in source {
                if byte < 0x80 {
                    output[o] = byte
                    o &+= 1
                } else {
                    let packed = table[Int(byte) &- 0x80]
                    output[o] = UInt8(truncatingIfNeeded: packed >> 8)
                    output[o &+ 1] = UInt8(truncatingIfNeeded: packed >> 16)
                    if packed & 0xFF == 3 {
                        output[o &+ 2] = UInt8(truncatingIfNeeded: packed >> 24)
                    }
                    o &+= Int(packed & 0xFF)
                }
            }
            initialized = o
        }
    }
}
