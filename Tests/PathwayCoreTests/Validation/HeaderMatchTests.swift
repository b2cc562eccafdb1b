import Testing
@testable import PathwayCore

/// SPEC §2: headers matched after trimming, collapsing inner white space (space, tab, no-break space),
/// straightening curly quotes and ignoring case; canonical names and the listed aliases only; a missing
/// required column stops the run naming the file, the column and the accepted headings.
@Suite struct HeaderMatchTests {
    static let contactRow = "c1,A,2025-01-05,School"

    /// Headings that must each be read as the given contacts.csv column.
    static let contactHeadings: [(String, String)] = [
        ("contact_id", "contact_id"),
        ("CONTACT_ID", "contact_id"),
        ("  Contact_Id\t", "contact_id"),
        ("\u{00A0}contact_id\u{00A0}", "contact_id"),
        ("Child Unique ID", "child_id"),
        ("child unique id", "child_id"),
        ("Child   Unique\tID", "child_id"),
        ("Child\u{00A0}Unique\u{00A0}\u{00A0}ID", "child_id"),
        ("Date of Contact", "contact_date"),
        ("DATE OF CONTACT", "contact_date"),
        ("Contact Source", "source"),
        ("Date of referral", "referral_date"),
        ("DATE  OF  REFERRAL", "referral_date"),
        ("Allocated Team", "team"),
        ("Date of Birth", "date_of_birth"),
        ("Does the Child have a Disability", "disability"),
        ("Gender", "gender"),
        ("Ethnicity", "ethnicity"),
    ]

    @Test(arguments: contactHeadings)
    func contactHeadingIsRecognised(_ heading: String, _ canonical: String) throws {
        let header = try HeaderMatch<ContactColumn>(
            headings: ["contact_id", "child_id", "contact_date", "source", heading], file: "contacts.csv", line: 1)
        let column = try #require(ContactColumn.allCases.first { $0.spec.name == canonical })
        if ["contact_id", "child_id", "contact_date", "source"].contains(canonical) {
            // A second heading for a column already present: a duplicate, the leftmost wins.
            #expect(header.findings.map(\.rule) == [.duplicateColumn])
            #expect(header.position(of: column) == ContactColumn.allCases.firstIndex(of: column))
        } else {
            #expect(header.findings.isEmpty)
            #expect(header.position(of: column) == 4)
            #expect(header.columnNames[4] == canonical)
        }
    }

    /// Headings that are NOT in the tables are ignored (the tables are the complete list).
    @Test(arguments: ["contactid", "contact id", "contact-id", "Contact ID", "child", "Child ID", "date",
                      "Referral Date", "team_name", "Team", "Source of contact"])
    func unknownHeadingsAreIgnored(_ heading: String) throws {
        let header = try HeaderMatch<ContactColumn>(
            headings: ["contact_id", "child_id", "contact_date", "source", heading], file: "contacts.csv", line: 1)
        #expect(header.findings.isEmpty)
        let isTeam = heading == "Team"   // "Team" is "team" ignoring case: the canonical name
        #expect(header.columnNames[4] == (isTeam ? "team" : nil), "\(heading)")
    }

    @Test func canonicalHeadingsOfEveryFileAreAccepted() throws {
        _ = try HeaderMatch<ContactColumn>(headings: ContactColumn.allCases.map(\.spec.name), file: "c", line: 1)
        _ = try HeaderMatch<Section47Column>(headings: Section47Column.allCases.map(\.spec.name), file: "s", line: 1)
        _ = try HeaderMatch<ConferenceColumn>(headings: ConferenceColumn.allCases.map(\.spec.name), file: "c", line: 1)
        _ = try HeaderMatch<AuditColumn>(headings: AuditColumn.allCases.map(\.spec.name), file: "a", line: 1)
    }

    /// The schema tables of SPEC §2 written out: canonical name, required, aliases.
    @Test func schemaTablesMatchTheSpec() {
        func table<C: SchemaColumn>(_: C.Type) -> [String: (Bool, [String])] {
            Dictionary(uniqueKeysWithValues: C.allCases.map { ($0.spec.name, ($0.spec.required, $0.spec.aliases)) })
        }
        let contacts = table(ContactColumn.self)
        #expect(Set(contacts.keys) == ["contact_id", "child_id", "contact_date", "source", "marf", "marf_requested_date",
                                       "marf_received_date", "police_incident_date", "decision_date", "outcome",
                                       "referral_date", "team", "date_of_birth", "gender", "ethnicity", "disability"])
        #expect(Set(contacts.filter { $0.value.0 }.keys) == ["contact_id", "child_id", "contact_date", "source"])
        #expect(contacts["child_id"]?.1 == ["Child Unique ID"])
        #expect(contacts["contact_date"]?.1 == ["Date of Contact"])
        #expect(contacts["source"]?.1 == ["Contact Source"])
        #expect(contacts["referral_date"]?.1 == ["Date of referral"])
        #expect(contacts["team"]?.1 == ["Allocated Team"])
        #expect(contacts["contact_id"]?.1 == [])

        let s47 = table(Section47Column.self)
        #expect(Set(s47.keys) == ["s47_id", "child_id", "contact_id", "strategy_date", "police_attended",
                                  "health_attended", "education_attended", "s47_end_date", "outcome", "team"])
        #expect(Set(s47.filter { $0.value.0 }.keys) == ["s47_id", "child_id", "strategy_date"])
        #expect(s47["strategy_date"]?.1 == ["Strategy discussion initiating Section 47 Enquiry Start Date"])
        #expect(s47["child_id"]?.1 == ["Child Unique ID"])
        #expect(s47["team"]?.1 == ["Allocated Team"])

        let conferences = table(ConferenceColumn.self)
        #expect(Set(conferences.keys) == ["conference_id", "child_id", "type", "conference_date", "s47_id", "outcome",
                                          "category", "parents_participated", "team"])
        #expect(Set(conferences.filter { $0.value.0 }.keys) == ["conference_id", "child_id", "type", "conference_date"])
        #expect(conferences["category"]?.1 == ["Initial Category of Abuse"])
        #expect(conferences["child_id"]?.1 == ["Child Unique ID"])

        let audits = table(AuditColumn.self)
        #expect(Set(audits.keys) == ["audit_id", "child_id", "audit_date", "grade", "moderated_grade",
                                     "actions_due_date", "actions_completed_date", "team", "auditor", "audit_type"])
        #expect(Set(audits.filter { $0.value.0 }.keys) == ["audit_id", "child_id", "audit_date", "grade"])
        #expect(audits["grade"]?.1 == ["overall_grade"])
        #expect(audits["child_id"]?.1 == [])   // no alias in the audits table
        #expect(audits["team"]?.1 == [])
    }

    /// Each required column removed from a canonical header → the exact error.
    static let required: [(String, String, [String])] = [
        ("contacts.csv", "contact_id", ["contact_id"]),
        ("contacts.csv", "child_id", ["child_id", "Child Unique ID"]),
        ("contacts.csv", "contact_date", ["contact_date", "Date of Contact"]),
        ("contacts.csv", "source", ["source", "Contact Source"]),
        ("s47_enquiries.csv", "s47_id", ["s47_id"]),
        ("s47_enquiries.csv", "child_id", ["child_id", "Child Unique ID"]),
        ("s47_enquiries.csv", "strategy_date",
         ["strategy_date", "Strategy discussion initiating Section 47 Enquiry Start Date"]),
        ("conferences.csv", "conference_id", ["conference_id"]),
        ("conferences.csv", "child_id", ["child_id", "Child Unique ID"]),
        ("conferences.csv", "type", ["type"]),
        ("conferences.csv", "conference_date", ["conference_date"]),
        ("audits.csv", "audit_id", ["audit_id"]),
        ("audits.csv", "child_id", ["child_id"]),
        ("audits.csv", "audit_date", ["audit_date"]),
        ("audits.csv", "grade", ["grade", "overall_grade"]),
    ]

    @Test(arguments: required)
    func missingRequiredColumn(_ file: String, _ column: String, _ accepted: [String]) {
        let expected = SchemaError.missingRequiredColumn(file: file, column: column, acceptedHeadings: accepted)
        func header<C: SchemaColumn>(_: C.Type) -> String {
            C.allCases.map(\.spec.name).filter { $0 != column }.joined(separator: ",") + "\n"
        }
        #expect(throws: expected) {
            switch file {
            case "contacts.csv": _ = try TestCSV.decode(Contact.self, header(ContactColumn.self), fileName: file)
            case "s47_enquiries.csv":
                _ = try TestCSV.decode(Section47Enquiry.self, header(Section47Column.self), fileName: file)
            case "conferences.csv":
                _ = try TestCSV.decode(ChildProtectionConference.self, header(ConferenceColumn.self), fileName: file)
            default: _ = try TestCSV.decode(CaseAudit.self, header(AuditColumn.self), fileName: file)
            }
        }
        // The message names the file, the column and every accepted heading.
        let message = expected.description
        #expect(message.contains(file) && message.contains("'\(column)'"))
        for heading in accepted { #expect(message.contains("'\(heading)'")) }
    }

    @Test func audit_childUniqueIDIsNotAnAlias() {
        let csv = "audit_id,Child Unique ID,audit_date,grade\na1,A,2025-01-05,Good\n"
        #expect(throws: SchemaError.missingRequiredColumn(file: "audits.csv", column: "child_id",
                                                          acceptedHeadings: ["child_id"])) {
            _ = try TestCSV.decode(CaseAudit.self, csv, fileName: "audits.csv")
        }
    }

    @Test(arguments: ["", "\n\n", "   \n\t\n", "\u{FEFF}", ",,,\n", "\r\n"])
    func emptyFileIsMissingTheFirstRequiredColumn(_ csv: String) {
        #expect(throws: SchemaError.missingRequiredColumn(file: "contacts.csv", column: "contact_id",
                                                          acceptedHeadings: ["contact_id"])) {
            _ = try TestCSV.decode(Contact.self, csv, fileName: "contacts.csv")
        }
        #expect(throws: SchemaError.missingRequiredColumn(file: "audits.csv", column: "audit_id",
                                                          acceptedHeadings: ["audit_id"])) {
            _ = try TestCSV.decode(CaseAudit.self, csv, fileName: "audits.csv")
        }
    }

    @Test(arguments: ["contact_id,child_id,contact_date,source", "contact_id,child_id,contact_date,source\n",
                      "contact_id,child_id,contact_date,source\r\n\r\n,,,\n   \n"])
    func headerOnlyHasNoRows(_ csv: String) throws {
        let file = try TestCSV.decode(Contact.self, csv, fileName: "contacts.csv")
        #expect(file.summary.rows == 0 && file.summary.accepted == 0 && file.summary.rejected == 0)
        #expect(file.records.isEmpty && file.findings.isEmpty)
    }

    @Test func duplicateHeadingWarnsAndLeftmostWins() throws {
        let csv = "contact_id,Child Unique ID,contact_date,source,CHILD_ID\nc1,LEFT,2025-01-05,School,RIGHT\n"
        let file = try TestCSV.decode(Contact.self, csv, fileName: "contacts.csv")
        #expect(file.records.map(\.childID) == ["LEFT"])
        let warning = try #require(file.findings.first)
        #expect(file.findings.count == 1)
        #expect(warning.rule == .duplicateColumn && warning.severity == .warning)
        #expect(warning.line == 1 && warning.file == "contacts.csv")
        #expect(warning.value == "CHILD_ID")
        #expect(file.summary.rejected == 0)
    }

    @Test func duplicateDomainColumnsAfterNormalisation() throws {
        // Curly quotes are straightened and case ignored, so these two headings are the same domain.
        let csv = "audit_id,child_id,audit_date,grade,domain_Child’s voice,DOMAIN_child's  voice\n"
            + "a1,A,2025-01-05,Good,Good,Inadequate\n"
        let file = try TestCSV.decode(CaseAudit.self, csv, fileName: "audits.csv")
        #expect(file.findings.map(\.rule) == [.duplicateColumn])
        #expect(file.records.count == 1)
        let header = try HeaderMatch<AuditColumn>(headings: ["audit_id", "child_id", "audit_date", "grade",
                                                             "domain_Child’s voice", "Domain_Safety"],
                                                  file: "audits.csv", line: 1)
        #expect(header.domainColumns.map(\.name) == ["domain_child's voice", "domain_safety"])
        #expect(header.domainColumns.map(\.position) == [4, 5])
    }

    @Test func domainPrefixAloneIsNotADomainColumn() throws {
        let header = try HeaderMatch<AuditColumn>(headings: ["audit_id", "child_id", "audit_date", "grade", "domain_",
                                                             "domains"], file: "audits.csv", line: 1)
        #expect(header.domainColumns.isEmpty)
    }

    @Test func domainColumnsOnlyForAudits() throws {
        let header = try HeaderMatch<ContactColumn>(headings: ["contact_id", "child_id", "contact_date", "source",
                                                               "domain_safety"], file: "contacts.csv", line: 1)
        #expect(header.domainColumns.isEmpty && header.columnNames[4] == nil)
    }

    @Test func headerTextNormalisation() {
        #expect(HeaderText.normalize("  Date\t of\u{00A0}\u{00A0}Contact  ") == "date of contact")
        #expect(HeaderText.normalize("Child’s ‘name’ “x”") == "child's 'name' \"x\"")
        #expect(HeaderText.normalize("") == "")
        #expect(HeaderText.normalize("\u{00A0}\t ") == "")
    }

    @Test func headerFoundAfterLeadingBlankLinesUsesItsLine() throws {
        let csv = "\n\ncontact_id,child_id,contact_date,source,marf\nc1,A,2025-01-05,School,perhaps\n"
        let file = try TestCSV.decode(Contact.self, csv, fileName: "contacts.csv")
        #expect(file.findings.map(\.line) == [4])
        #expect(file.findings.map(\.rule) == [.unparseableYesNo])
    }
}
