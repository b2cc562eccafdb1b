import Testing
@testable import PathwayDiff

@Suite("number formatting: one decimal for rates, integers for counts, signed deltas")
struct SnapshotNumberFormatTests {
    @Test func ratesHaveOneDecimalRoundedHalfAwayFromZero() {
        #expect(SnapshotNumberFormat.value(81.7, kind: .rate) == "81.7")
        #expect(SnapshotNumberFormat.value(80, kind: .rate) == "80.0")
        #expect(SnapshotNumberFormat.value(81.25, kind: .rate) == "81.3")
        #expect(SnapshotNumberFormat.value(-81.25, kind: .rate) == "-81.3")
        #expect(SnapshotNumberFormat.value(0.04, kind: .rate) == "0.0")
        #expect(SnapshotNumberFormat.value(-0.04, kind: .rate) == "0.0")
        #expect(SnapshotNumberFormat.value(100, kind: .rate) == "100.0")
    }

    @Test func countsAreIntegersUnlessTheyAreNotWhole() {
        #expect(SnapshotNumberFormat.value(1200, kind: .count) == "1200")
        #expect(SnapshotNumberFormat.value(0, kind: .count) == "0")
        #expect(SnapshotNumberFormat.value(12.5, kind: .count) == "12.5")
    }

    @Test func deltasCarryAnExplicitASCIISign() {
        #expect(SnapshotNumberFormat.signedDelta(1.5, kind: .rate) == "+1.5")
        #expect(SnapshotNumberFormat.signedDelta(81.4 - 81.7, kind: .rate) == "-0.3")
        #expect(SnapshotNumberFormat.signedDelta(3, kind: .count) == "+3")
        #expect(SnapshotNumberFormat.signedDelta(-2, kind: .count) == "-2")
        #expect(SnapshotNumberFormat.signedDelta(-0.01, kind: .rate) == "-0.0")
        #expect(SnapshotNumberFormat.jsonDelta(1.5, kind: .rate) == "1.5")
        #expect(SnapshotNumberFormat.jsonDelta(-0.3, kind: .rate) == "-0.3")
    }

    @Test func hugeNumbersFromADamagedFileDoNotCrash() {
        #expect(SnapshotNumberFormat.value(1e300, kind: .rate) == "1e+300")
        #expect(SnapshotNumberFormat.value(1e300, kind: .count) == "1e+300")
    }

    @Test func toleranceIsWrittenInShortestForm() {
        #expect(SnapshotNumberFormat.plain(0.5) == "0.5")
        #expect(SnapshotNumberFormat.plain(2) == "2")
        #expect(SnapshotNumberFormat.plain(0.25) == "0.25")
    }
}
