@testable import PathwayCore
import PathwayTestSupport
import Testing

/// Strings made from their words must be, bit for bit, the strings the standard library makes from the
/// same bytes, and anything that is not short ASCII must be left to the standard library.
@Suite("small ASCII strings")
struct SmallASCIITests {
    /// The usual way, as `CSVReader.makeString` made every short field before.
    private func usual(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                _ = buffer.initialize(from: bytes)
                return bytes.count
            }
        }
    }

    private func words(_ string: String) -> [UInt64] {
        let (first, second) = unsafeBitCast(string, to: (UInt64, UInt64).self)
        return [first, second]
    }

    @Test("this toolchain's layout is the one expected, so the fast way is taken")
    func layoutKnown() {
        #expect(SmallASCII.learn() != 0)
    }

    @Test("random ASCII of every length up to 15 makes the same string", arguments: 0..<4)
    func sameAsUsual(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &+ 300)
        var failures: [String] = []
        for _ in 0..<2_000 {
            let count = random.below(16)
            // Bytes around the run are not ASCII, so a word read or kept past its end would show.
            var buffer = [UInt8](repeating: 0xFF, count: count + 32)
            let start = 8 + random.below(8)
            for index in start..<(start + count) {
                buffer[index] = UInt8(random.pick([0, 0x20, 0x41, 0x7A, 0x7F, random.below(128)]))
            }
            let bytes = Array(buffer[start..<(start + count)])
            let made = buffer.withUnsafeBufferPointer { SmallASCII.make($0.baseAddress! + start, count) }
            guard let made else { failures.append("\(bytes): nil"); continue }
            let expected = usual(bytes)
            if words(made) != words(expected) || made != expected || Array(made.utf8) != bytes {
                failures.append("\(bytes)")
            }
        }
        #expect(failures.isEmpty, "\(Array(failures.prefix(5)))")
    }

    @Test("non-ASCII bytes and runs over 15 bytes are left to the standard library", arguments: [
        Array("caf\u{e9}".utf8), [0x80], Array("C000000\u{301}".utf8), Array("ABCDEFGHIJKLMNOP".utf8),
    ])
    func leftAlone(bytes: [UInt8]) {
        #expect(bytes.withUnsafeBufferPointer { SmallASCII.make($0.baseAddress!, $0.count) } == nil)
    }

    /// Shorter first, then byte by byte: the order `AcceptedIDs.less` defines.
    private func reference(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.count != b.count ? a.count < b.count : a.lexicographicallyPrecedes(b)
    }

    @Test("the order read from the words agrees with comparing the bytes", arguments: 0..<4)
    func orderFromWords(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &+ 400)
        var failures: [String] = []
        for _ in 0..<5_000 {
            // Few byte values, and mostly the same length, so that many pairs differ late or not at all.
            let values: [UInt8] = [0, 0x30, 0x31, 0x7F]
            let a = (0..<random.below(16)).map { _ in random.pick(values) }
            var b = random.chance(percent: 20) ? (0..<random.below(16)).map { _ in random.pick(values) } : a
            if !b.isEmpty, b == a, random.chance(percent: 80) {
                // Random bytes from a random position on: the first difference can be anywhere, and the
                // bytes after it may order the pair the other way.
                let first = random.below(b.count)
                for index in first..<b.count { b[index] = random.pick(values) }
            }
            let x = usual(a), y = usual(b)
            guard let ordered = SmallASCII.less(x, y, flags: SmallASCII.layoutFlags) else {
                failures.append("\(a) \(b): nil")
                continue
            }
            if ordered != reference(a, b) { failures.append("\(a) \(b)") }
        }
        #expect(failures.isEmpty, "\(Array(failures.prefix(5)))")
    }

    @Test("a pair with a string that is not small ASCII is left to the general comparison", arguments: [
        ("caf\u{e9}", "cafe"), ("cafe", "caf\u{e9}"), ("ABCDEFGHIJKLMNOP", "A"), ("A", "ABCDEFGHIJKLMNOP"),
    ])
    func orderLeftAlone(a: String, b: String) {
        #expect(SmallASCII.less(a, b, flags: SmallASCII.layoutFlags) == nil)
    }
}
