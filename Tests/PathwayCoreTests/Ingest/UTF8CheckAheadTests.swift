import PathwayTestSupport
import Testing
@testable import PathwayCore

/// `UTF8CheckAhead` checks a range a piece at a time as a reader moves through it: it must decide as
/// the whole range does, wherever the reader stops and whatever the step.
@Suite struct UTF8CheckAheadTests {
    /// Covers `positions` in order, then finishes; false at the first piece that fails.
    static func run(_ bytes: [UInt8], range: Range<Int>, step: Int, positions: [Int],
                    stop: UTF8CheckAhead.Stop? = nil) -> (valid: Bool, cuts: [Int]) {
        var check = UTF8CheckAhead(range: range, step: step, stop: stop)
        var cuts: [Int] = []
        return bytes.withUnsafeBufferPointer { buffer in
            for position in positions {
                guard check.cover(position, in: buffer) else { return (false, cuts) }
                let cut = check.checkedUpTo
                #expect(cut >= position && cut <= range.upperBound)
                cuts.append(cut)
            }
            return (check.finish(in: buffer), cuts)
        }
    }

    @Test("pieces decide as the whole range does, for any step and any positions the reader stops at")
    func agreesWithTheWholeRange() {
        var rng = SeededRandom(seed: 0x5EC7)
        // Well-formed sequences of one to four bytes, and now and then one that is not: a stray
        // continuation byte, a cut sequence, an overlong form, a surrogate, a code point above U+10FFFF.
        let good: [[UInt8]] = [[0x41], [0x41], [0x0A], [0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80],
                               [0xED, 0x9F, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF]]
        let bad: [[UInt8]] = [[0x80], [0xBF], [0xC3], [0xE2, 0x82], [0xC0, 0xAF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
                              [0xF4, 0x90, 0x80, 0x80], [0xFF]]
        var cutsTried = 0, invalid = 0
        for _ in 0..<20_000 {
            let bytes = (0..<rng.below(40)).flatMap { _ in rng.chance(percent: 3) ? rng.pick(bad) : rng.pick(good) }
            // The range starts at 0 or after a byte that is not a continuation byte, and ends at the end.
            let lower = rng.chance(percent: 30) ? (0...bytes.count).filter { $0 == 0 || $0 == bytes.count
                || bytes[$0] & 0xC0 != 0x80 }.randomElement(using: &rng)! : 0
            let range = lower..<bytes.count
            let whole = bytes.withUnsafeBufferPointer { UTF8Validator.isValid(UnsafeBufferPointer(rebasing: $0[range])) }
            let positions = (0..<rng.below(6)).map { _ in range.lowerBound + rng.below(range.count + 1) }.sorted()
            let step = 1 + rng.below(9)
            let (valid, cuts) = Self.run(bytes, range: range, step: step, positions: positions)
            #expect(valid == whole, "\(bytes) from \(lower), step \(step), positions \(positions)")
            for cut in cuts where cut > range.lowerBound && cut < bytes.count {
                #expect(bytes[cut] & 0xC0 != 0x80, "cut before a continuation byte at \(cut) in \(bytes)")
            }
            cutsTried += cuts.count
            if !whole { invalid += 1 }
        }
        #expect(cutsTried > 20_000 && invalid > 5_000 && invalid < 15_000)
    }

    @Test("a piece runs on past the step to the end of a sequence, and at least to the position asked for")
    func pieceBoundaries() {
        // "aé" + "bbbb" + "c": with a step of 2 the first piece would end inside é, so it takes é whole;
        // the third runs from 5 to the position asked for.
        let bytes = Array("aébbbbc".utf8)
        #expect(Self.run(bytes, range: 0..<bytes.count, step: 2, positions: [1, 3, 4, 7]).cuts == [3, 3, 5, 7])
        // A position beyond the step is covered in one piece.
        #expect(Self.run(bytes, range: 0..<bytes.count, step: 1, positions: [6]).cuts == [6])
        // Nothing asked for: finish checks the whole range.
        #expect(Self.run([0x41, 0xE9, 0x41], range: 0..<3, step: 1, positions: []).valid == false)
        #expect(Self.run([0x41, 0xE9, 0x41], range: 2..<3, step: 1, positions: []).valid == true)
    }

    @Test("one part that finds bytes that are not UTF-8 stops the others at their next piece")
    func stopIsShared() {
        let good = Array(String(repeating: "a", count: 100).utf8)
        let stop = UTF8CheckAhead.Stop()
        var other = UTF8CheckAhead(range: 0..<100, step: 10, stop: stop)
        let firstPiece = good.withUnsafeBufferPointer { other.cover(5, in: $0) }
        #expect(firstPiece && other.checkedUpTo == 10)
        #expect(Self.run([0x41, 0xFF], range: 0..<2, step: 1, positions: [1, 2], stop: stop).valid == false)
        #expect(stop.isSet)
        // Inside the piece already checked: still true; the next piece: stopped.
        let (inside, next, finished) = good.withUnsafeBufferPointer { buffer in
            (other.cover(10, in: buffer), other.cover(11, in: buffer), other.finish(in: buffer))
        }
        #expect(inside && !next && !finished)
        // Without a stop set, valid bytes pass.
        #expect(Self.run(good, range: 0..<100, step: 7, positions: [3, 50, 99], stop: UTF8CheckAhead.Stop()).valid)
    }

    @Test("unchecked text passes anything")
    func unchecked() {
        var check = UTF8CheckAhead.unchecked
        let passed = [UInt8]([0xFF, 0xFE]).withUnsafeBufferPointer { buffer in
            check.cover(2, in: buffer) && check.finish(in: buffer)
        }
        #expect(passed)
    }
}
