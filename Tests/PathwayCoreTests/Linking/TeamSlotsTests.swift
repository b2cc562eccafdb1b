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
        let slots = TeamSlots(records) { $0.team }
        #expect(slots.names == ["North", "South", KPIAccumulator.notRecordedTeam, "caf\u{E9}", "cafe\u{301}", "north"])
        #expect(slots.slots == [0, 1, 0, 2, 3, 4, 5, 2, 1])
    }

    @Test("random teams: each record's slot names its own team, byte for byte")
    func randomTeams() {
        var random = SeededRandom(seed: 61)
        let pool: [String?] = [nil, "A", "B", "A ", "\u{C5}", "A\u{30A}", "Team with a long name, over fifteen bytes"]
        let records = (0..<2_000).map { contact("c\($0)", team: random.pick(pool)) }
        let slots = TeamSlots(records) { $0.team }
        #expect(Set(slots.names.map { Array($0.utf8) }).count == slots.names.count, "no name twice")
        for (index, record) in records.enumerated() {
            let name = slots.names[Int(slots.slots[index])]
            #expect(Array(name.utf8) == Array((record.team ?? KPIAccumulator.notRecordedTeam).utf8))
        }
    }

    /// Slots are first looked up by the String's identity (its two words): the same text in another
    /// buffer, and texts made afresh for each record (whose buffers are freed and reused), must still
    /// get exactly one slot per text.
    @Test("the same long name in separate buffers, or made afresh per record, gets one slot per text")
    func identityIsOnlyAShortcut() {
        let long = "Children with Disabilities Team (East)"
        let copies = (0..<6).map { i in String(decoding: Array((i % 2 == 0 ? long : long + " 2").utf8), as: UTF8.self) }
        let records = copies.enumerated().map { contact("c\($0.offset)", team: $0.element) }
        let slots = TeamSlots(records) { $0.team }
        #expect(slots.names == [long, long + " 2"])
        #expect(slots.slots == [0, 1, 0, 1, 0, 1])

        var random = SeededRandom(seed: 62)
        let pool = (0..<5).map { "Locality team number \($0), long enough for the heap" }
        let fresh = (0..<500).map { contact("f\($0)", team: random.pick(pool)) }
        let made = TeamSlots(fresh) { record in record.team.map { String(decoding: Array($0.utf8), as: UTF8.self) } }
        for (index, record) in fresh.enumerated() {
            #expect(made.names[Int(made.slots[index])] == record.team)
        }
        #expect(Set(made.names).count == made.names.count, "no name twice")
    }
}
