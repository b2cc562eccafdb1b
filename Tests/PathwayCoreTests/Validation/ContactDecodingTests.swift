import Testing
@testable import PathwayCore

/// contacts.csv (SPEC §2).
@Suite struct ContactDecodingTests {
    static let header = "Contact_ID,Child Unique ID,Date of Contact,Contact Source,MARF,marf_requested_date,"
        + "marf_received_date,police_incident_date,decision_date,outcome,Date of referral,Allocated Team,Date of Birth"

    private func decode(_ rows: [String]) throws -> DecodedFile<Contact> {
        let file = try TestCSV.decode(Contact.self, TestCSV.lines(Self.header, rows), fileName: "contacts.csv")
        TestCSV.checkInvariants(file)
        return file
    }

    /// Millions of contacts are held at once (17 million at 10M children): the field order, the packed
    /// optional dates and the source and team as `SharedName`s keep the record at 80 bytes (104 with the
    /// source and team as Strings, 128 with the one-byte fields between the dates, 120 with plain `Day?`
    /// dates).
    @Test func recordStaysSmall() {
        #expect(MemoryLayout<Contact>.stride <= 80)
    }

    /// The packed optional dates read back what was stored, nil included, on both sides of 1970 and
    /// at the ends of the years a date may have.
    @Test(arguments: [nil, "1970-01-01", "1969-12-31", "0001-01-01", "9999-12-31", "2026-03-31"])
    func packedDatesRoundTrip(_ text: String?) throws {
        let day = try text.map { try #require(DateParser.parse($0)) }
        var contact = Contact(id: "c", childID: "A", contactDate: Day(daysSinceEpoch: 0), marfRequestedDate: day,
                              marfReceivedDate: day, policeIncidentDate: day, decisionDate: day, referralDate: day)
        #expect(contact.marfRequestedDate == day && contact.marfReceivedDate == day)
        #expect(contact.policeIncidentDate == day && contact.decisionDate == day && contact.referralDate == day)
        let other = day == nil ? Day(daysSinceEpoch: 5) : nil
        contact.decisionDate = other
        #expect(contact.decisionDate == other && contact.referralDate == day)
    }

    @Test func everyColumnThroughItsAlias() throws {
        let file = try decode([
            "c1,A,05/01/2025 09:15,a) Police,Yes,2025-01-05,10/1/2025,4/1/2025,2025-01-06T10:00,a) Referral,"
                + "07/01/2025,CPAT East,01/02/2015",
        ])
        #expect(file.findings.isEmpty)
        let c = try #require(file.records.first)
        #expect(c.contactDate == d("2025-01-05") && c.source == "a) Police" && c.isPolice && c.marf == true)
        #expect(c.marfRequestedDate == d("2025-01-05") && c.marfReceivedDate == d("2025-01-10"))
        #expect(c.policeIncidentDate == d("2025-01-04") && c.decisionDate == d("2025-01-06"))
        #expect(c.outcome == .referral && c.referralDate == d("2025-01-07") && c.referralDay == d("2025-01-07"))
        #expect(c.team == "CPAT East")
    }

    @Test func unknownOutcomeIsOtherWithWarning() throws {
        let file = try decode(["c1,A,2025-01-05,School,,,,,,Passed to MASH,,,",
                               "c2,A,2025-01-05,School,,,,,,early-help,,,"])
        #expect(file.records.map(\.outcome) == [.other, .other])
        #expect(file.findings.map(\.rule) == [.unknownContactOutcome, .unknownContactOutcome])
        #expect(file.findings.map(\.value) == ["Passed to MASH", "early-help"])
        #expect(file.findings.allSatisfy { $0.severity == .warning && $0.column == "outcome" })
    }

    @Test func blankOutcomeIsNotRecorded() throws {
        let file = try decode(["c1,A,2025-01-05,School,,,,,,,,,"])
        #expect(file.records.first?.outcome == nil)
        #expect(file.findings.isEmpty)
    }

    @Test func referralDates() throws {
        let file = try decode([
            "r1,A,2025-01-05,School,,,,,2025-01-06,Referral,2025-01-08,,",   // referral_date wins
            "r2,A,2025-01-05,School,,,,,2025-01-06,Referral,,,",             // else decision_date
            "r3,A,2025-01-05,School,,,,,,Referral,,,",                       // neither: warning
            "r4,A,2025-01-05,School,,,,,,Referral,not a date,,",             // unparseable: two warnings
            "r5,A,2025-01-05,School,,,,,,NFA,,,",                            // not a referral: no warning
        ])
        #expect(file.records.map(\.referralDay) == [d("2025-01-08"), d("2025-01-06"), nil, nil, nil])
        #expect(file.findings.map(\.rule) == [.undatedReferral, .unparseableOptionalDate, .undatedReferral])
        #expect(file.findings.map(\.line) == [4, 5, 5])
        #expect(file.findings.first?.severity == .warning)
        #expect(file.summary.rejected == 0)
    }

    /// The date accessors read a plain `YYYY-MM-DD` themselves and hand every other text to the one
    /// parser: each text read as contact_date (required) and as decision_date (optional) gives what
    /// `DateParser.parse` gives, and the finding its column's rule asks for.
    @Test(arguments: [
        ("2025-03-04", "2025-03-04"), ("2024-02-29", "2024-02-29"), (" 2025-03-04\t", "2025-03-04"),
        ("4/3/2025", "2025-03-04"), ("04/03/2025", "2025-03-04"), ("2025-03-04T10:00", "2025-03-04"),
        ("2025-03-04 10:00:59", "2025-03-04"), ("2025-02-29", nil), ("2025-13-01", nil), ("2025-00-10", nil),
        ("2025-03-00", nil), ("0000-03-04", nil), ("2025-3-04", nil), ("2025/03/04", nil), ("2025-03-04T25:00", nil),
        ("20250304", nil), ("2025-03-4 ", nil), ("", nil),
    ] as [(String, String?)])
    func datesThroughBothAccessors(_ text: String, _ expected: String?) throws {
        let day = expected.map { d($0) }
        #expect(DateParser.parse(text.trimmingCharacters(in: [" ", "\t"])) == day)
        let optional = try decode(["c1,A,2025-01-05,School,,,,,\(text),,,,"])
        #expect(optional.records.first?.decisionDate == day)
        let blank = text.allSatisfy { $0 == " " || $0 == "\t" }
        #expect(optional.findings.map(\.rule) == (day == nil && !blank ? [.unparseableOptionalDate] : []))
        let required = try decode(["c1,A,\(text),School,,,,,,,,,"])
        #expect(required.records.first?.contactDate == day)
        let rule: ValidationRule = blank ? .missingRequiredValue : .unparseableRequiredDate
        #expect(required.findings.map(\.rule) == (day == nil ? [rule] : []))
        #expect(required.findings.allSatisfy { $0.column == "contact_date" })
    }

    @Test func optionalDatesUnparseableAreBlankWithWarnings() throws {
        let file = try decode(["c1,A,2025-01-05,School,,45000,2025-1-5,05/13/2025,31/02/2025,,,,1/1/15"])
        let c = try #require(file.records.first)
        #expect(c.marfRequestedDate == nil && c.marfReceivedDate == nil && c.policeIncidentDate == nil
            && c.decisionDate == nil)
        #expect(file.findings.map(\.rule) == Array(repeating: .unparseableOptionalDate, count: 5))
        #expect(file.findings.map(\.column) == ["marf_requested_date", "marf_received_date", "police_incident_date",
                                                "decision_date", "date_of_birth"])
    }

    @Test(arguments: ["British Transport Police", "6", "6: Police", "p1) Police", "POLICE"])
    func policeSources(_ source: String) throws {
        let file = try decode(["c1,A,2025-01-05,\(source),,,,,,,,,"])
        #expect(file.records.first?.isPolice == true)
        #expect(file.records.first?.source == source)
    }

    @Test(arguments: ["Policeman", "School", "Health visitor", "16"])
    func nonPoliceSources(_ source: String) throws {
        let file = try decode(["c1,A,2025-01-05,\(source),,,,,,,,,"])
        #expect(file.records.first?.isPolice == false)
    }

    @Test func minimalFileWithOnlyRequiredColumns() throws {
        let file = try TestCSV.decode(Contact.self, "source,contact_date,child_id,contact_id\nSchool,5/1/2025,A,c1\n",
                                      fileName: "contacts.csv")
        let c = try #require(file.records.first)
        #expect(c.id == "c1" && c.childID == "A" && c.contactDate == d("2025-01-05"))
        #expect(c.marf == nil && c.decisionDate == nil && c.outcome == nil && c.team == nil)
    }
}
