import PathwayTestSupport
import Testing
@testable import PathwayCore

/// `ByteKeyCache` answers from its entries only for exactly the same bytes: a key that differs in any
/// one byte, or in length, must be computed afresh.
@Suite("ByteKeyCache")
struct ByteKeyCacheTests {
    /// Keys of every length the word comparison treats differently (0, 1, 2–3, 4–7, 8–16, over 16).
    static let lengths = [0, 1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 26, 40]

    static func key(_ count: Int, seed: UInt8 = 0x41) -> [UInt8] {
        (0..<count).map { seed &+ UInt8($0 % 26) }
    }

    @Test("a key of any length is found again, and every one-byte change of it is a miss", arguments: lengths)
    func oneByteChanges(count: Int) {
        var cache = ByteKeyCache<Int>()
        var computed = 0
        func look(_ bytes: [UInt8], _ value: Int) -> Int {
            bytes.withUnsafeBufferPointer { buffer in
                cache.value(for: buffer) { computed += 1; return value }
            }
        }
        let original = Self.key(count)
        #expect(look(original, 1) == 1)
        #expect(look(original, 2) == 1, "a hit returns the value first computed")
        #expect(computed == 1)
        for position in 0..<count {
            var changed = original
            changed[position] ^= 0x20
            #expect(look(changed, 100 + position) == 100 + position, "byte \(position) of \(count) changed")
        }
        #expect(computed == 1 + count, "every changed key was computed")
        // The same bytes one shorter and one longer are other keys.
        if count > 0 { #expect(look(Array(original.dropLast()), -1) == -1) }
        #expect(look(original + [0x41], -2) == -2)
        #expect(look(original, 3) == 1, "the first key is still there")
    }

    @Test("beyond the limit values are computed every time and earlier entries still answer")
    func limit() {
        var cache = ByteKeyCache<Int>()
        var computed = 0
        let limit = ByteKeyCache<Int>.limit
        for index in 0..<(limit + 5) {
            let bytes = Array("team \(index)".utf8)
            _ = bytes.withUnsafeBufferPointer { cache.value(for: $0) { computed += 1; return index } }
        }
        #expect(computed == limit + 5)
        let late = Array("team \(limit + 1)".utf8)
        #expect(late.withUnsafeBufferPointer { cache.value(for: $0) { computed += 1; return -1 } } == -1)
        let early = Array("team 3".utf8)
        #expect(early.withUnsafeBufferPointer { cache.value(for: $0) { computed += 1; return -1 } } == 3)
        #expect(computed == limit + 6)
    }
}
