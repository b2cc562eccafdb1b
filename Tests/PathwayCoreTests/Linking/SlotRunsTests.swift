@testable import PathwayCore
import Testing

/// Values grouped by slot in one flat array (the referral days and conference chains of the link stage).
@Suite struct SlotRunsTests {
    @Test func groupsBySlotInGivenOrderThenSortsEachRun() {
        let entries: [(slot: Int, value: Int)] = [(2, 30), (0, 5), (2, 10), (0, 7), (3, 1), (2, 20), (0, 6)]
        var runs = SlotRuns(slotCount: 5, entries: entries, filler: -1)
        #expect(runs.slotCount == 5)
        #expect(Array(runs[0]) == [5, 7, 6])
        #expect(Array(runs[1]) == [])
        #expect(Array(runs[2]) == [30, 10, 20])
        #expect(Array(runs[3]) == [1])
        #expect(Array(runs[4]) == [])
        runs.sortEachRun(by: <)
        #expect((0..<5).map { Array(runs[$0]) } == [[5, 6, 7], [], [10, 20, 30], [1], []])
    }

    @Test func empty() {
        let none = SlotRuns<Int>()
        #expect(none.slotCount == 0)
        let slotsOnly = SlotRuns<Int>(slotCount: 2, entries: [], filler: 0)
        #expect(slotsOnly.slotCount == 2 && slotsOnly[0].isEmpty && slotsOnly[1].isEmpty)
    }
}
