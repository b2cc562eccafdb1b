import PathwayTestSupport
import Testing
@testable import PathwayCore

/// `ShortBytes` answers as comparing the bytes one by one would, at every length its word reads treat
/// differently (0, 1, 2–3, 4–7, 8–16, over 16) and for bytes on both sides of 0x80.
@Suite("ShortBytes")
struct ShortBytesTests {
    /// Both answers for two arrays of the same length.
    static func compare(_ a: [UInt8], _ b: [UInt8]) -> (equal: Bool, less: Bool) {
        precondition(a.count == b.count)
        return a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                // An empty array may have no address; nothing is read at a count of 0.
                let p = x.baseAddress ?? UnsafePointer(bitPattern: 1)!
                let q = y.baseAddress ?? UnsafePointer(bitPattern: 1)!
                return (ShortBytes.equal(p, q, a.count), ShortBytes.less(p, q, a.count))
            }
        }
    }

    @Test("random pairs of every length up to 40 agree with comparing arrays")
    func randomPairs() {
        var generator = SeededRandom(seed: 47)
        // Few distinct bytes, so that pairs share long prefixes; 0x7F, 0x80 and 0xFF catch a signed compare.
        let alphabet: [UInt8] = [0x00, 0x41, 0x42, 0x7F, 0x80, 0xFF]
        for _ in 0..<20_000 {
            let count = generator.below(41)
            let a = (0..<count).map { _ in alphabet[generator.below(alphabet.count)] }
            var b = a
            if count > 0, generator.chance(percent: 70) {
                b[generator.below(count)] = alphabet[generator.below(alphabet.count)]
            }
            let (equal, less) = Self.compare(a, b)
            #expect(equal == (a == b), "\(a) against \(b)")
            #expect(less == a.lexicographicallyPrecedes(b), "\(a) against \(b)")
        }
    }

    @Test("a difference at any one position decides the order, whatever the bytes after it",
          arguments: [1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 26])
    func firstDifferenceDecides(count: Int) {
        for position in 0..<count {
            // a < b at `position`, and a's later bytes are all greater than b's.
            var a = [UInt8](repeating: 0x30, count: count), b = a
            a[position] = 0x31
            b[position] = 0x32
            for later in (position + 1)..<count {
                a[later] = 0xFF
                b[later] = 0x00
            }
            #expect(Self.compare(a, b) == (false, true), "\(count) bytes, first difference at \(position)")
            #expect(Self.compare(b, a) == (false, false), "\(count) bytes, first difference at \(position)")
            #expect(Self.compare(a, a) == (true, false))
        }
    }
}
