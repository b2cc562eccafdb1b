import Foundation
import PathwayTestSupport
import Testing
@testable import PathwayCore

@Suite struct UTCTimestampTests {
    /// (seconds since 1970, expected text): the epoch, the second before it, leap days, the last second
    /// of a day and of a year, fractions (dropped towards the past, also before 1970).
    static let known: [(Double, String)] = [
        (0, "1970-01-01T00:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"),
        (-0.25, "1969-12-31T23:59:59Z"),
        (-86_400, "1969-12-31T00:00:00Z"),
        (-86_401, "1969-12-30T23:59:59Z"),
        (1.999, "1970-01-01T00:00:01Z"),
        (86_399.5, "1970-01-01T23:59:59Z"),
        (951_782_400, "2000-02-29T00:00:00Z"),
        (1_709_251_199, "2024-02-29T23:59:59Z"),
        (1_774_915_200, "2026-03-31T00:00:00Z"),
        (1_798_761_599, "2026-12-31T23:59:59Z"),
        (1_795_342_332, "2026-11-22T10:12:12Z"),
    ]

    @Test(arguments: known)
    func knownMoments(_ entry: (Double, String)) {
        #expect(UTCTimestamp.string(secondsSince1970: entry.0) == entry.1)
    }

    /// Agrees with Foundation's `ISO8601DateFormatter` (what run.json's times were written with before)
    /// at 2,000 moments from 1900 to 2200, whole and fractional seconds.
    @Test func agreesWithFoundationsFormatter() {
        let formatter = ISO8601DateFormatter()
        var generator = SeededRandom(seed: 20_261_122)
        for _ in 0..<2_000 {
            let seconds = Double(Int.random(in: -2_208_988_800...7_258_118_400, using: &generator))
                + [0, 0.25, 0.999].randomElement(using: &generator)!
            let expected = formatter.string(from: Date(timeIntervalSince1970: seconds))
            #expect(UTCTimestamp.string(secondsSince1970: seconds) == expected, "\(seconds)")
        }
    }
}
