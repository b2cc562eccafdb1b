import Testing
@testable import PathwayCore

/// SPEC §4: value = 100 × numerator / denominator, rounded half away from zero to one decimal; null when
/// the denominator is 0.
@Suite struct OneDecimalTests {
    static let cases: [(Int, Int, String?)] = [
        (1, 8, "12.5"),
        (1, 3, "33.3"),
        (2, 3, "66.7"),
        (1, 6, "16.7"),
        (5, 6, "83.3"),
        (0, 0, nil),
        (5, 5, "100.0"),
        (0, 5, "0.0"),
        (1, 16, "6.3"),     // 6.25 → 6.3
        (3, 16, "18.8"),    // 18.75 → 18.8
        (1, 80, "1.3"),     // 1.25 → 1.3
        (3, 80, "3.8"),     // 3.75 → 3.8
        (1, 40, "2.5"),
        (1, 400, "0.3"),    // 0.25 → 0.3
        (1, 2000, "0.1"),   // 0.05 → 0.1
        (1, 2001, "0.0"),
        (1, 7, "14.3"),
        (5, 7, "71.4"),
        (7, 9, "77.8"),
        (58, 71, "81.7"),   // the SPEC §5 example
        (20, 25, "80.0"),
        (199, 200, "99.5"),
        (1999, 2000, "100.0"),   // 99.95 → 100.0
        (3999, 4000, "100.0"),   // 99.975
        (39_999, 40_000, "100.0"),
        (1_234_567, 2_345_678, "52.6"),
        (999_999, 1_000_000, "100.0"),
        (1, 1_000_000, "0.0"),
        (7, 8_000, "0.1"),       // 0.0875
    ]

    @Test(arguments: cases)
    func percentage(_ numerator: Int, _ denominator: Int, _ expected: String?) {
        let value = OneDecimal.percentage(numerator, of: denominator)
        #expect(value?.description == expected)
        #expect(Tally(numerator: numerator, denominator: denominator).rate == value)
    }

    /// Exhaustive check against exact rational arithmetic: round(1000 n / d) half up, for small n ≤ d.
    @Test func agreesWithExactArithmeticForSmallFractions() {
        for denominator in 1...400 {
            for numerator in 0...denominator {
                let scaled = 1000 * numerator
                // half away from zero: floor((2x + d) / 2d) for x ≥ 0
                var tenths = scaled / denominator
                let remainder = scaled % denominator
                if 2 * remainder >= denominator { tenths += 1 }
                #expect(OneDecimal.percentage(numerator, of: denominator)?.tenths == tenths,
                        "\(numerator)/\(denominator)")
            }
        }
    }

    @Test func halfAwayFromZeroForNegatives() {
        #expect(OneDecimal.percentage(-1, of: 8)?.description == "-12.5")
        #expect(OneDecimal.percentage(-1, of: 16)?.description == "-6.3")
        #expect(OneDecimal.percentage(1, of: -80)?.description == "-1.3")
    }

    @Test func literalsAndParsing() {
        #expect(OneDecimal(81.4).tenths == 814)
        #expect(OneDecimal(22.6).tenths == 226)
        #expect(OneDecimal(31.3).tenths == 313)
        #expect(OneDecimal(85.8).tenths == 858)
        #expect(OneDecimal(95).tenths == 950)
        #expect(OneDecimal(parsing: 90)?.tenths == 900)
        #expect(OneDecimal(parsing: 92.5)?.tenths == 925)
        #expect(OneDecimal(parsing: 90.05) == nil)
        #expect(OneDecimal(parsing: .infinity) == nil)
        #expect(OneDecimal(parsing: .nan) == nil)
        #expect(OneDecimal(tenths: -3).description == "-0.3")
        #expect(OneDecimal(tenths: 0).description == "0.0")
        #expect(OneDecimal(tenths: 1000).description == "100.0")
        #expect(OneDecimal(tenths: 950) - OneDecimal(tenths: 50) == OneDecimal(tenths: 900))
        #expect(OneDecimal(tenths: 200) + OneDecimal(tenths: 50) == OneDecimal(tenths: 250))
        #expect(OneDecimal(tenths: 125).doubleValue == 12.5)
    }
}
