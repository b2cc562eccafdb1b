import Testing
@testable import PathwayCore

/// conferences.csv (SPEC §2).
@Suite struct ConferenceDecodingTests {
    static let header = "conference_id,Child Unique ID,type,conference_date,s47_id,outcome,Initial Category of Abuse,"
        + "parents_participated,Allocated Team"

    private func decode(_ rows: [String]) throws -> DecodedFile<ChildProtectionConference> {
        let file = try TestCSV.decode(ChildProtectionConference.self, TestCSV.lines(Self.header, rows),
                                      fileName: "conferences.csv")
        TestCSV.checkInvariants(file)
        return file
    }

    @Test func everyColumn() throws {
        let file = try decode(["k1,A,a) ICPC,2026-03-09,s1,Child Protection Plan,b) Neglect,yes,Conf Team"])
        #expect(file.findings.isEmpty)
        let k = try #require(file.records.first)
        #expect(k.id == "k1" && k.childID == "A" && k.type == .initial && k.date == d("2026-03-09"))
        #expect(k.s47ID == "s1" && k.outcome == .plan && k.category == .neglect && k.parentsParticipated == true)
        #expect(k.team == "Conf Team")
    }

    @Test(arguments: [
        ("initial", ConferenceType.initial), ("ICPC", .initial), ("Initial Child Protection Conference", .initial),
        ("review", .review), ("RCPC", .review), ("review child protection conference", .review),
        ("Transfer In", .transferIn), ("transfer-in", .transferIn), ("TICPC", .transferIn), ("transfer_in", .transferIn),
        ("c) Review", .review),
    ])
    func types(_ value: String, _ expected: ConferenceType) throws {
        let file = try decode(["k1,A,\(value),2026-03-09,,,,,"])
        #expect(file.records.first?.type == expected)
        #expect(file.findings.isEmpty)
    }

    @Test(arguments: ["Transfer  in", "transferin", "Initial conference", "1", "ICPC review", "strategy"])
    func unknownTypeRejectsTheRow(_ value: String) throws {
        let file = try decode(["k1,A,\(value),2026-03-09,,,,,", "k2,A,review,2026-03-09,,,,,"])
        #expect(file.records.map(\.id) == ["k2"])
        #expect(TestCSV.errors(file).map(\.rule) == [.unknownRequiredCode])
        #expect(TestCSV.errors(file).first?.column == "type")
        #expect(TestCSV.errors(file).first?.value == value)
    }

    @Test func blankTypeRejectsTheRow() throws {
        let file = try decode(["k1,A,,2026-03-09,,,,,"])
        #expect(TestCSV.errors(file).map(\.rule) == [.missingRequiredValue])
    }

    @Test(arguments: [
        ("plan", ConferenceOutcome.plan), ("CP Plan", .plan), ("child protection plan", .plan), ("Yes", .plan),
        ("no plan", .noPlan), ("No", .noPlan), ("NFA", .noPlan), ("no further action", .noPlan), ("no_plan", .noPlan),
        ("continue", .continue), ("Plan continues", .continue), ("continue plan", .continue),
        ("end", .end), ("End plan", .end), ("plan ended", .end), ("Discontinue", .end), ("discontinued", .end),
    ])
    func outcomes(_ value: String, _ expected: ConferenceOutcome) throws {
        let file = try decode(["k1,A,review,2026-03-09,,\(value),,,"])
        #expect(file.records.first?.outcome == expected)
        #expect(file.findings.isEmpty)
    }

    @Test(arguments: ["Adjourned", "plan-ended", "y", "1", "cin"])
    func unknownOutcomeIsBlankWithWarning(_ value: String) throws {
        let file = try decode(["k1,A,review,2026-03-09,,\(value),,,"])
        #expect(file.records.count == 1)
        #expect(file.records.first?.outcome == nil)
        #expect(file.findings.map(\.rule) == [.unknownCode])
        #expect(file.findings.first?.severity == .warning && file.findings.first?.column == "outcome")
    }

    @Test(arguments: [
        ("neglect", AbuseCategory.neglect), ("Physical abuse", .physical), ("physical", .physical),
        ("Sexual Abuse", .sexual), ("emotional abuse", .emotional), ("Multiple/not recommended", .multiple),
        ("multiple", .multiple),
    ])
    func categories(_ value: String, _ expected: AbuseCategory) throws {
        let file = try decode(["k1,A,initial,2026-03-09,,,\(value),,"])
        #expect(file.records.first?.category == expected)
    }

    @Test func unknownCategoryIsBlankWithWarning() throws {
        let file = try decode(["k1,A,initial,2026-03-09,,,Financial,,"])
        #expect(file.records.first?.category == nil)
        #expect(file.findings.map(\.rule) == [.unknownCode])
    }
}
