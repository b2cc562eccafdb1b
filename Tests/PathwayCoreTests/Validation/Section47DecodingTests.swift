import Testing
@testable import PathwayCore

/// s47_enquiries.csv (SPEC §2).
@Suite struct Section47DecodingTests {
    static let header = "s47_id,Child Unique ID,contact_id,Strategy discussion initiating Section 47 Enquiry Start Date,"
        + "police_attended,health_attended,education_attended,s47_end_date,outcome,Allocated Team"

    private func decode(_ rows: [String]) throws -> DecodedFile<Section47Enquiry> {
        let file = try TestCSV.decode(Section47Enquiry.self, TestCSV.lines(Self.header, rows),
                                      fileName: "s47_enquiries.csv")
        TestCSV.checkInvariants(file)
        return file
    }

    @Test func everyColumn() throws {
        let file = try decode(["s1,A,c9,02/03/2026,y,N,TRUE,2026-03-20,a) Proceed to ICPC,Team S"])
        #expect(file.findings.isEmpty)
        let s = try #require(file.records.first)
        #expect(s.id == "s1" && s.childID == "A" && s.contactID == "c9" && s.strategyDate == d("2026-03-02"))
        #expect(s.policeAttended == true && s.healthAttended == false && s.educationAttended == true)
        #expect(s.endDate == d("2026-03-20") && s.outcome == .icpc && s.team == "Team S")
    }

    @Test(arguments: [
        ("icpc", Section47Outcome.icpc), ("Initial Child Protection Conference", .icpc), ("proceed to ICPC", .icpc),
        ("CIN", .cin), ("Child in need", .cin), ("child in need plan", .cin), ("NFA", .nfa),
        ("No further action", .nfa), ("other", .other),
        ("Strategy only", .other), ("early-help", .other), ("4", .other),   // anything else is other
    ])
    func outcomes(_ value: String, _ expected: Section47Outcome) throws {
        let file = try decode(["s1,A,,2026-03-02,,,,2026-03-20,\(value),"])
        #expect(file.records.first?.outcome == expected)
        #expect(file.summary.rejected == 0)
    }

    @Test func blankOutcomeAndEndDate() throws {
        let file = try decode(["s1,A,,2026-03-02,,,,,,"])
        #expect(file.records.first?.outcome == nil && file.records.first?.endDate == nil)
        #expect(file.records.first?.contactID == nil && file.records.first?.team == nil)
        #expect(file.findings.isEmpty)
    }

    @Test func requiredValues() throws {
        let file = try decode([",A,,2026-03-02,,,,,,", "s2,,,2026-03-02,,,,,,", "s3,A,,,,,,,,", "s4,A,,2026-02-30,,,,,,",
                               "s5,A,,2026-03-02,,,,,,"])
        #expect(file.records.map(\.id) == ["s5"])
        #expect(TestCSV.errors(file).map(\.column) == ["s47_id", "child_id", "strategy_date", "strategy_date"])
        #expect(TestCSV.errors(file).map(\.rule) == [.missingRequiredValue, .missingRequiredValue,
                                                     .missingRequiredValue, .unparseableRequiredDate])
    }

    @Test func unparseableEndDateIsAWarning() throws {
        let file = try decode(["s1,A,,2026-03-02,,,,March,ICPC,"])
        #expect(file.records.first?.endDate == nil)
        #expect(file.findings.map(\.rule) == [.unparseableOptionalDate])
    }
}
