@testable import PathwayCore
import PathwayTestSupport
import Testing

/// Team slots (link stage) and the by-team tallies built from them must match teams exactly, as the
/// by-team tables did when they hashed each team name (SPEC §2: team names trimmed, case-sensitive).
@Suite("team slots")
struct TeamSlotsTests {
    private func contact(_ id: String, team: String?) -> Contact {
        Contact(id: id, childID: "C", contactDate: Day(year: 2026, month: 3, day: 2)!, team: team)
    }

    @Test("slots follow first appearance; blank teams share the not-recorded slot; names compare exactly")
    func slots() {
        let teams: [String?] = ["North", "South", "North", nil, "caf\u{E9}", "cafe\u{301}", "north", nil, "South"]
        let records = teams.enumerated().map { contact("c\($0.offset)", team: $0.element) }
        let slots = TeamSlots(records) { $0.teamName }
        #expect(slots.names == ["North", "South", KPIAccumulator.notRecordedTeam, "caf\u{E9}", "cafe\u{301}", "north"])
        #expect(slots.slots == [0, 1, 0, 2, 3, 4, 5, 2, 1])
    }

    @Test("random teams: each record's slot names its own team, byte for byte")
    func randomTeams() {
        var random = SeededRandom(seed: 61)
        let pool: [String?] = [nil, "A", "B", "A ", "\u{C5}", "A\u{30A}", "Team with a long name, over fifteen bytes"]
        let records = (0..<2_000).map { contact("c\($0)", team: random.pick(pool)) }
        let slots = TeamSlots(records) { $0.teamName }
        #expect(Set(slots.names.map { Array($0.utf8) }).count == slots.names.count, "no name twice")
        for (index, record) in records.enumerated() {
            let name = slots.names[Int(slots.slots[index])]
            #expect(Array(name.utf8) == Array((record.team ?? KPIAccumulator.notRecordedTeam).utf8))
        }
    }

    /// A name's number is the process's (`SharedName`), so it says nothing of the order in which the
    /// records name their teams: slots must still follow the records, and the same text held in separate
    /// buffers must still be one team.
    @Test("slots follow the records, not the order in which the process first saw each name")
    func slotsFollowTheRecords() {
        let first = "Team numbered second by TeamSlotsTests.slotsFollowTheRecords"
        let second = "Team numbered first by TeamSlotsTests.slotsFollowTheRecords"
        _ = SharedName(second)
        _ = SharedName(first)
        let copies = (0..<6).map { i in String(decoding: Array((i % 2 == 0 ? first : second).utf8), as: UTF8.self) }
        let records = copies.enumerated().map { contact("c\($0.offset)", team: $0.element) }
        let slots = TeamSlots(records) { $0.teamName }
        #expect(SharedName(second).number < SharedName(first).number)
        #expect(slots.names == [first, second])
        #expect(slots.slots == [0, 1, 0, 1, 0, 1])
    }
}
