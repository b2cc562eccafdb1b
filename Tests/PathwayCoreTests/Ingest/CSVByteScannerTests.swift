@testable import PathwayCore
import PathwayTestSupport
import Testing

/// The reader takes every separator of an 8-byte word from one set of flags, so the flags must be
/// exact in every byte, including bytes next to a separator (where the usual zero-byte test can
/// raise a false flag through its borrow).
@Suite("CSV byte scanner")
struct CSVByteScannerTests {
    private static func expected(_ bytes: [UInt8]) -> UInt64 {
        var flags: UInt64 = 0
        for (index, byte) in bytes.enumerated() where byte == 0x2C || byte == 0x0A || byte == 0x0D {
            flags |= 0x80 << (8 * UInt64(index))
        }
        return flags
    }

    private static func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    @Test("separator flags are exact for every byte value beside separators and in random words")
    func separatorFlagsAreExact() {
        // Values one either side of each separator, and the same with the high bit set.
        let tricky: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x2B, 0x2C, 0x2D, 0x22, 0x20,
                               0x7F, 0x80, 0x8A, 0x8D, 0xAC, 0xFF]
        var failures: [[UInt8]] = []
        for a in tricky {
            for b in tricky {
                for position in 0..<7 {
                    var bytes = [UInt8](repeating: 0x41, count: 8)
                    bytes[position] = a
                    bytes[position + 1] = b
                    if CSVByteScanner.separatorFlags(Self.word(bytes)) != Self.expected(bytes) { failures.append(bytes) }
                }
            }
        }
        var random = SeededRandom(seed: 44)
        for _ in 0..<50_000 {
            let bytes = (0..<8).map { _ in
                random.chance(percent: 40) ? random.pick(tricky) : UInt8(truncatingIfNeeded: random.next())
            }
            if CSVByteScanner.separatorFlags(Self.word(bytes)) != Self.expected(bytes) { failures.append(bytes) }
        }
        let firstFailures = Array(failures.prefix(5))
        #expect(failures.count == 0, "first failures: \(firstFailures)")
    }
}
