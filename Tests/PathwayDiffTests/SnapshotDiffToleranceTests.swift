import Testing
@testable import PathwayDiff

@Suite("what counts as a change, and whether it is beyond tolerance")
struct SnapshotDiffToleranceTests {
    typealias KPI = SnapshotFixture.KPI

    private let rate = KPI(
        id: "icpc_within_15wd", value: 81.2,
        monthly: [("2025-04", 83.3), ("2025-05", 50.0)],
        byTeam: [("CPAT East", 80.0), ("CPAT West", 70.0)])

    @Test func identicalSnapshotsHaveNoChanges() throws {
        let snapshot = SnapshotFixture([rate, KPI(id: "contacts", kind: "count", value: 1200)])
        let diff = try SnapshotFixture.diff(snapshot, snapshot)
        #expect(diff.changes.isEmpty)
        #expect(diff.notes.isEmpty)
        #expect(diff.exitCode == 0)
        #expect(!diff.exceedsTolerance)
        #expect(diff.render(.text) == """
            pathway KPI diff: base.json -> new.json (tolerance 0.5)
            no changes
            0 changes beyond tolerance 0.5, 0 within; 0 KPIs appeared, 0 vanished

            """)
        #expect(diff.render(.markdown).hasPrefix("### pathway KPI diff: no changes\n"))
        #expect(!diff.render(.markdown).contains("| KPI |"))
        #expect(diff.render(.json).contains("\"changes\": [],\n"))
        #expect(diff.render(.json).contains("\"beyond_tolerance\": false,\n"))
    }

    @Test func headlineMoveOfExactlyTheToleranceIsWithin() throws {
        var moved = rate
        moved.value = 81.7
        let diff = try SnapshotFixture.diff(SnapshotFixture([rate]), SnapshotFixture([moved]))
        let change = try #require(diff.changes.first)
        #expect(diff.changes.count == 1)
        #expect(change.location == .headline)
        #expect(change.base == .number(81.2))
        #expect(change.new == .number(81.7))
        #expect(change.category == .moved)
        #expect(!change.isBeyondTolerance)
        #expect(diff.exitCode == 0)
        #expect(diff.render(.text).contains(
            "icpc_within_15wd, headline: 81.2 -> 81.7 (+0.5), within tolerance\n"))
        #expect(diff.render(.text).hasSuffix("0 changes beyond tolerance 0.5, 1 within; 0 KPIs appeared, 0 vanished\n"))
    }

    @Test(arguments: [(63.9, 64.4), (64.4, 63.9), (0.6, 1.1)])
    func aMoveOfTheToleranceIsWithinEvenWhenBinaryArithmeticOvershoots(base: Double, new: Double) throws {
        #expect(abs(new - base) > 0.5)  // 0.5000000000000071 etc.: the decimal values differ by 0.5
        let diff = try SnapshotFixture.diff(
            SnapshotFixture([SnapshotFixture.KPI(id: "r", value: base)]),
            SnapshotFixture([SnapshotFixture.KPI(id: "r", value: new)]))
        #expect(diff.changes.map { $0.isBeyondTolerance } == [false])
        #expect(diff.exitCode == 0)
    }

    @Test func headlineMoveJustBeyondTheToleranceFails() throws {
        var moved = rate
        moved.value = 80.6  // −0.6
        let diff = try SnapshotFixture.diff(SnapshotFixture([rate]), SnapshotFixture([moved]))
        #expect(diff.changes.map(\.isBeyondTolerance) == [true])
        #expect(diff.exitCode == 1)
        #expect(diff.render(.text).contains(
            "icpc_within_15wd, headline: 81.2 -> 80.6 (-0.6), beyond tolerance\n"))
        #expect(diff.render(.markdown).hasPrefix("### pathway KPI diff: 1 change beyond ±0.5\n"))
    }

    @Test func theToleranceOptionMovesTheLine() throws {
        var moved = rate
        moved.value = 80.6
        #expect(try SnapshotFixture.diff(SnapshotFixture([rate]), SnapshotFixture([moved]), tolerance: 0.6).exitCode == 0)
        #expect(try SnapshotFixture.diff(SnapshotFixture([rate]), SnapshotFixture([moved]), tolerance: 0.59).exitCode == 1)
        let strict = try SnapshotFixture.diff(SnapshotFixture([rate]), SnapshotFixture([moved]), tolerance: 0)
        #expect(strict.exitCode == 1)
        #expect(strict.render(.text).hasPrefix("pathway KPI diff: base.json -> new.json (tolerance 0)\n"))
    }

    @Test func monthlyAndByTeamMovesAreMatchedByMonthAndTeam() throws {
        var moved = rate
        // Entries listed in another order must still match by key.
        moved.monthly = [("2025-05", 50.4), ("2025-04", 84.3)]
        moved.byTeam = [("CPAT West", 70.0), ("CPAT East", 78.0)]
        let diff = try SnapshotFixture.diff(SnapshotFixture([rate]), SnapshotFixture([moved]))
        #expect(diff.changes.map(\.location) == [.month("2025-04"), .month("2025-05"), .team("CPAT East")])
        #expect(diff.changes.map(\.isBeyondTolerance) == [true, false, true])
        let deltas = diff.changes.compactMap(\.delta)
        #expect(deltas.count == 3)
        #expect(abs(deltas[0] - 1.0) < 1e-9 && abs(deltas[1] - 0.4) < 1e-9 && abs(deltas[2] + 2.0) < 1e-9)
        #expect(diff.render(.text) == """
            pathway KPI diff: base.json -> new.json (tolerance 0.5)
            icpc_within_15wd, 2025-04: 83.3 -> 84.3 (+1.0), beyond tolerance
            icpc_within_15wd, 2025-05: 50.0 -> 50.4 (+0.4), within tolerance
            icpc_within_15wd, team CPAT East: 80.0 -> 78.0 (-2.0), beyond tolerance
            2 changes beyond tolerance 0.5, 1 within; 0 KPIs appeared, 0 vanished

            """)
    }

    @Test func appearedAndVanishedKPIsAreBeyondTolerance() throws {
        let base = SnapshotFixture([rate, KPI(id: "audits", kind: "count", value: 40)])
        let new = SnapshotFixture([rate, KPI(id: "zz_new_rate", value: nil)])
        let diff = try SnapshotFixture.diff(base, new)
        #expect(diff.changes.map(\.kpiID) == ["audits", "zz_new_rate"])
        #expect(diff.changes.map(\.category) == [.vanished, .appeared])
        #expect(diff.changes.allSatisfy { $0.isBeyondTolerance })
        #expect(diff.appearedKPICount == 1)
        #expect(diff.vanishedKPICount == 1)
        #expect(diff.exitCode == 1)
        #expect(diff.render(.text) == """
            pathway KPI diff: base.json -> new.json (tolerance 0.5)
            audits, headline: 40 -> absent (KPI vanished), beyond tolerance
            zz_new_rate, headline: absent -> no value (KPI appeared), beyond tolerance
            2 changes beyond tolerance 0.5, 0 within; 1 KPI appeared, 1 vanished

            """)
    }

    @Test func appearedAndVanishedMonthsAndTeamsAreBeyondTolerance() throws {
        var moved = rate
        moved.monthly = [("2025-05", 50.0), ("2025-06", nil)]
        moved.byTeam = [("CPAT East", 80.0), ("CPAT South", 60.0)]
        let diff = try SnapshotFixture.diff(SnapshotFixture([rate]), SnapshotFixture([moved]))
        #expect(diff.changes.map(\.location) == [
            .month("2025-04"), .month("2025-06"), .team("CPAT South"), .team("CPAT West"),
        ])
        #expect(diff.changes.map(\.category) == [.vanished, .appeared, .appeared, .vanished])
        #expect(diff.changes.allSatisfy { $0.isBeyondTolerance })
        // A month or team is not a KPI: the KPI counts stay at zero.
        #expect(diff.appearedKPICount == 0 && diff.vanishedKPICount == 0)
        #expect(diff.render(.text).contains("icpc_within_15wd, 2025-06: absent -> no value (month appeared), beyond tolerance\n"))
        #expect(diff.render(.text).contains("icpc_within_15wd, team CPAT West: 70.0 -> absent (team vanished), beyond tolerance\n"))
    }

    @Test func nullToNumberAndBackAreBeyondTolerance() throws {
        let base = SnapshotFixture([KPI(id: "a", value: nil, monthly: [("2025-04", 12.0)]), KPI(id: "b", value: nil)])
        let new = SnapshotFixture([KPI(id: "a", value: 0.0, monthly: [("2025-04", nil)]), KPI(id: "b", value: nil)])
        let diff = try SnapshotFixture.diff(base, new, tolerance: 100)
        #expect(diff.changes.map(\.category) == [.nullToNumber, .numberToNull])
        #expect(diff.changes.map(\.base) == [.null, .number(12)])
        #expect(diff.changes.map(\.new) == [.number(0), .null])
        #expect(diff.changes.allSatisfy { $0.isBeyondTolerance && $0.delta == nil })
        #expect(diff.exitCode == 1)
        #expect(diff.render(.text).contains("a, headline: no value -> 0.0 (now has a value), beyond tolerance\n"))
        #expect(diff.render(.text).contains("a, 2025-04: 12.0 -> no value (no longer has a value), beyond tolerance\n"))
        #expect(diff.render(.json).contains("\"change\": \"null_to_number\""))
        #expect(diff.render(.json).contains("\"change\": \"number_to_null\""))
    }

    @Test func countKPIsAreWholeNumbersAndUseTheToleranceAsACount() throws {
        let base = SnapshotFixture([KPI(id: "contacts", kind: "count", value: 1200, monthly: [("2025-04", 100)], byTeam: [("East", 7)])])
        let new = SnapshotFixture([KPI(id: "contacts", kind: "count", value: 1203, monthly: [("2025-04", 98)], byTeam: [("East", 8)])])
        let diff = try SnapshotFixture.diff(base, new, tolerance: 2)
        #expect(diff.changes.map(\.isBeyondTolerance) == [true, false, false])
        #expect(diff.changes.allSatisfy { $0.kpiKind == .count })
        #expect(diff.render(.text) == """
            pathway KPI diff: base.json -> new.json (tolerance 2)
            contacts, headline: 1200 -> 1203 (+3), beyond tolerance
            contacts, 2025-04: 100 -> 98 (-2), within tolerance
            contacts, team East: 7 -> 8 (+1), within tolerance
            1 change beyond tolerance 2, 2 within; 0 KPIs appeared, 0 vanished

            """)
        #expect(diff.render(.json).contains("\"base\": 1200,\n"))
        #expect(diff.render(.json).contains("\"delta\": -2,\n"))
    }

    @Test func kpisMonthsAndTeamsAreInCodePointOrder() throws {
        // Code-point order puts upper case before lower case and "Ä" (U+00C4) after "z".
        let teams: [(team: String, value: Double?)] = [("Älv", 1), ("alpha", 1), ("Zeta", 1), ("Beta", 1)]
        let base = SnapshotFixture([KPI(id: "b", value: 1), KPI(id: "B", value: 1), KPI(id: "a", value: 1)])
        var newKPIs = base.kpis.map { kpi -> KPI in
            var changed = kpi
            changed.value = 5
            return changed
        }
        // Swift's String `<` compares canonically normalised text and would put "Café A" first.
        newKPIs[0].byTeam = teams + [("Caf\u{E9} A", 1), ("Cafe\u{301} B", 1)]
        newKPIs[0].monthly = [("2026-01", 1), ("2025-12", 1)]
        let diff = try SnapshotFixture.diff(base, SnapshotFixture(newKPIs))
        #expect(diff.changes.map(\.kpiID) == ["B", "a"] + Array(repeating: "b", count: 9))
        #expect(diff.changes.filter { $0.kpiID == "b" }.map(\.location) == [
            .headline, .month("2025-12"), .month("2026-01"),
            .team("Beta"), .team("Cafe\u{301} B"), .team("Caf\u{E9} A"), .team("Zeta"), .team("alpha"), .team("Älv"),
        ])
    }

    @Test func teamsMatchByExactCodePoints() throws {
        // "é" precomposed (U+00E9) and decomposed (e + U+0301) are equal Swift Strings but
        // different team names in a snapshot: one vanished, the other appeared.
        let base = SnapshotFixture([KPI(id: "a", value: 1, byTeam: [("Caf\u{E9}", 1)])])
        let new = SnapshotFixture([KPI(id: "a", value: 1, byTeam: [("Cafe\u{301}", 1)])])
        let diff = try SnapshotFixture.diff(base, new)
        #expect(diff.changes.map(\.category) == [.appeared, .vanished])
    }

    @Test func asOfWindowAndFindingsAreInformational() throws {
        var base = SnapshotFixture([rate])
        base.asOf = "2026-02-28"
        base.windowStart = "2025-03-01"
        base.errors = 2
        base.warnings = 7
        var new = SnapshotFixture([rate])
        new.errors = 5
        new.warnings = 7
        let diff = try SnapshotFixture.diff(base, new)
        #expect(diff.changes.isEmpty)
        #expect(diff.exitCode == 0)
        #expect(diff.notes == [
            SnapshotDiffNote(field: "as_of", base: "2026-02-28", new: "2026-03-31"),
            SnapshotDiffNote(field: "window", base: "2025-03-01 to 2026-02-28", new: "2025-04-01 to 2026-03-31"),
            SnapshotDiffNote(field: "findings.errors", base: "2", new: "5"),
        ])
        #expect(diff.render(.text) == """
            pathway KPI diff: base.json -> new.json (tolerance 0.5)
            as_of: 2026-02-28 -> 2026-03-31 (informational)
            window: 2025-03-01 to 2026-02-28 -> 2025-04-01 to 2026-03-31 (informational)
            findings.errors: 2 -> 5 (informational)
            no changes
            0 changes beyond tolerance 0.5, 0 within; 0 KPIs appeared, 0 vanished

            """)
    }

    @Test func aChangedKindIsANoteAndTheNewKindFormatsTheValues() throws {
        let base = SnapshotFixture([KPI(id: "x", kind: "rate", value: 12)])
        let new = SnapshotFixture([KPI(id: "x", kind: "count", value: 12)])
        let diff = try SnapshotFixture.diff(base, new)
        #expect(diff.changes.isEmpty)
        #expect(diff.notes == [SnapshotDiffNote(field: "x.kind", base: "rate", new: "count")])
    }

    @Test func absentMetadataIsReportedAsAbsent() throws {
        let base = Array(#"{"kpis": []}"#.utf8)
        let new = Array(#"{"as_of": "2026-03-31", "kpis": []}"#.utf8)
        let diff = try SnapshotDiff.compare(base: base, baseName: "b.json", new: new, newName: "n.json", options: .init())
        #expect(diff.notes == [SnapshotDiffNote(field: "as_of", base: nil, new: "2026-03-31")])
        #expect(diff.render(.text).contains("as_of: absent -> 2026-03-31 (informational)\n"))
        #expect(diff.render(.json).contains("\"base\": null,\n      \"field\": \"as_of\""))
    }
}
