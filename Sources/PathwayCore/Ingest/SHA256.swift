/// SHA-256 (FIPS 180-4) in plain Swift, for the input files' `sha256` (Foundation on Linux has no CryptoKit).
///
/// Whole 64-byte blocks are compressed straight from the caller's buffer; only the final one or two
/// padded blocks go through a small stack buffer, so hashing allocates nothing per block.
public enum SHA256 {
    /// The digest as 64 lowercase hexadecimal characters.
    public static func hexDigest(_ bytes: [UInt8]) -> String {
        hex(digest(bytes))
    }

    /// The digest of an input file's bytes, as 64 lowercase hexadecimal characters.
    public static func hexDigest(_ bytes: InputBytes) -> String {
        hex(bytes.withUnsafeBufferPointer { digest(UnsafeRawBufferPointer($0)) })
    }

    /// A digest's bytes as lowercase hexadecimal characters (also for digests computed elsewhere).
    public static func hex<Bytes: Collection<UInt8>>(_ digest: Bytes) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(digest.count * 2)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The 32-byte digest.
    public static func digest(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBytes { digest($0) }
    }

    /// The 32-byte digest of a raw buffer.
    public static func digest(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        var state = State()
        let fullBlocks = input.count / 64
        if let base = input.baseAddress, fullBlocks > 0 {
            state.compress(base, blocks: fullBlocks)
        }
        // Padding: 0x80, zeros, then the bit length as a 64-bit big-endian number.
        let tailCount = input.count - fullBlocks * 64
        let padBlocks = tailCount < 56 ? 1 : 2
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { pad in
            pad.initialize(repeating: 0)
            if tailCount > 0, let base = input.baseAddress {
                for k in 0..<tailCount { pad[k] = base.load(fromByteOffset: fullBlocks * 64 + k, as: UInt8.self) }
            }
            pad[tailCount] = 0x80
            let bitLength = UInt64(input.count) &* 8
            let end = padBlocks * 64
            for k in 0..<8 { pad[end - 1 - k] = UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(k))) }
            state.compress(UnsafeRawPointer(pad.baseAddress!), blocks: padBlocks)
        }
        var out = [UInt8]()
        out.reserveCapacity(32)
        for word in [state.h0, state.h1, state.h2, state.h3, state.h4, state.h5, state.h6, state.h7] {
            out.append(UInt8(truncatingIfNeeded: word >> 24))
            out.append(UInt8(truncatingIfNeeded: word >> 16))
            out.append(UInt8(truncatingIfNeeded: word >> 8))
            out.append(UInt8(truncatingIfNeeded: word))
        }
        return out
    }

    static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    struct State {
        var h0: UInt32 = 0x6a09e667, h1: UInt32 = 0xbb67ae85, h2: UInt32 = 0x3c6ef372, h3: UInt32 = 0xa54ff53a
        var h4: UInt32 = 0x510e527f, h5: UInt32 = 0x9b05688c, h6: UInt32 = 0x1f83d9ab, h7: UInt32 = 0x5be0cd19

        @inline(__always)
        private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 &- n)) }

        /// Compresses `blocks` consecutive 64-byte blocks starting at `base`.
        mutating func compress(_ base: UnsafeRawPointer, blocks: Int) {
            SHA256.roundConstants.withUnsafeBufferPointer { k in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                    var a0 = h0, b0 = h1, c0 = h2, d0 = h3, e0 = h4, f0 = h5, g0 = h6, hh0 = h7
                    for block in 0..<blocks {
                        let p = base + block &* 64
                        for t in 0..<16 {
                            w[t] = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: t &* 4, as: UInt32.self))
                        }
                        for t in 16..<64 {
                            let x = w[t &- 15], y = w[t &- 2]
                            let s0 = State.rotr(x, 7) ^ State.rotr(x, 18) ^ (x >> 3)
                            let s1 = State.rotr(y, 17) ^ State.rotr(y, 19) ^ (y >> 10)
                            w[t] = w[t &- 16] &+ s0 &+ w[t &- 7] &+ s1
                        }
                        var a = a0, b = b0, c = c0, d = d0, e = e0, f = f0, g = g0, h = hh0
                        for t in 0..<64 {
                            let s1 = State.rotr(e, 6) ^ State.rotr(e, 11) ^ State.rotr(e, 25)
                            let ch = (e & f) ^ (~e & g)
                            let t1 = h &+ s1 &+ ch &+ k[t] &+ w[t]
                            let s0 = State.rotr(a, 2) ^ State.rotr(a, 13) ^ State.rotr(a, 22)
                            let maj = (a & b) ^ (a & c) ^ (b & c)
                            let t2 = s0 &+ maj
                            h = g; g = f; f = e; e = d &+ t1
                            d = c; c = b; b = a; a = t1 &+ t2
                        }
                        a0 = a0 &+ a; b0 = b0 &+ b; c0 = c0 &+ c; d0 = d0 &+ d
                        e0 = e0 &+ e; f0 = f0 &+ f; g0 = g0 &+ g; hh0 = hh0 &+ h
                    }
                    h0 = a0; h1 = b0; h2 = c0; h3 = d0; h4 = e0; h5 = f0; h6 = g0; h7 = hh0
                }
            }
        }
    }
}
