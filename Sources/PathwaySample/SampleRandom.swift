/// xoshiro256** (Blackman and Vigna, 2018): the generator behind every random choice of the sample.
///
/// Only integer arithmetic and exact binary fractions are used (no `exp`, `log` or `pow`, whose last
/// bit may differ between C libraries), so the same seed gives the same draws on every machine.
struct SampleRandom {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator for `stream` (e.g. a child's number) of the sample with `seed`.
    init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed)
        let base = mixer.next()
        var seeder = SplitMix64(seed: base ^ (stream &* 0xD1B5_4A32_D192_ED03))
        s0 = seeder.next()
        s1 = seeder.next()
        s2 = seeder.next()
        s3 = seeder.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform value in [0, 1) with 53 random bits.
    @inline(__always)
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `p`.
    @inline(__always)
    mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// A uniform integer in `range` (Lemire's multiply-high; the tiny bias is irrelevant here and the
    /// result is the same everywhere).
    @inline(__always)
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        return range.lowerBound + Int(truncatingIfNeeded: next().multipliedFullWidth(by: span).high)
    }

    /// A geometric count with the given mean: the number of successes before the first failure, each
    /// success having probability mean / (1 + mean). Capped at 64.
    mutating func geometric(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        let success = mean / (1 + mean)
        var count = 0
        while count < 64, unit() < success { count += 1 }
        return count
    }
}
