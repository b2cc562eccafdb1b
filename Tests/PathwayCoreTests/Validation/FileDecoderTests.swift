import Testing
@testable import PathwayCore

/// SPEC §2 row rules: every row accepted or rejected; one error finding per rejected row (its first problem
/// in column order); duplicate ids; field-count mismatches; malformed records; encodings; blank lines.
@Suite struct FileDecoderTests {
    static let header = "contact_id,child_id,contact_date,source,marf,decision_date,outcome,referral_date,team"

    private func contacts(_ rows: [String], header: String = header,
                          options: DecodingOptions = DecodingOptions()) throws -> DecodedFile<Contact> {
        let file = try TestCSV.decode(Contact.self, TestCSV.lines(header, rows), fileName: "contacts.csv",
                                      options: options)
        TestCSV.checkInvariants(file)
        return file
    }

    @Test func acceptsAWellFormedRow() throws {
        let file = try contacts(["c1,A,2025-01-05,Police,yes,06/01/2025,Referral,,North"])
        let c = try #require(file.records.first)
        #expect(c.id == "c1" && c.childID == "A" && c.contactDate == d("2025-01-05") && c.source == "Police")
        #expect(c.isPolice && c.marf == true && c.decisionDate == d("2025-01-06") && c.outcome == .referral)
        #expect(c.referralDate == nil && c.referralDay == d("2025-01-06") && c.team == "North" && c.line == 2)
        #expect(file.findings.isEmpty)
        #expect(file.summary.file == "contacts.csv" && file.summary.rows == 1 && file.summary.encoding == .utf8)
    }

    @Test func valuesAreTrimmed() throws {
        let file = try contacts(["  c1\t, A ,\t2025-01-05 , School ,  y ,,  NFA  ,, North  "])
        let c = try #require(file.records.first)
        #expect(c.id == "c1" && c.childID == "A" && c.source == "School" && c.team == "North")
        #expect(c.marf == true && c.outcome == .nfa && c.contactDate == d("2025-01-05"))
        #expect(file.findings.isEmpty)
    }

    static let rejections: [(String, ValidationRule, String?)] = [
        (",A,2025-01-05,School,,,,,", .missingRequiredValue, "contact_id"),
        ("c1,,2025-01-05,School,,,,,", .missingRequiredValue, "child_id"),
        ("c1,A,,School,,,,,", .missingRequiredValue, "contact_date"),
        ("c1,A,2025-01-05,,,,,,", .missingRequiredValue, "source"),
        ("c1,A,  ,School,,,,,", .missingRequiredValue, "contact_date"),
        ("c1,A,31/02/2025,School,,,,,", .unparseableRequiredDate, "contact_date"),
        ("c1,A,45000,School,,,,,", .unparseableRequiredDate, "contact_date"),
        ("c1,A,2025-01-05,School,,,,", .fieldCountMismatch, nil),
        ("c1,A,2025-01-05,School,,,,,,", .fieldCountMismatch, nil),
        ("c1,A,2025-01-05,\"Sch\"ool,,,,,", .malformedRecord, "source"),
    ]

    @Test(arguments: rejections)
    func rejectsWithOneError(_ row: String, _ rule: ValidationRule, _ column: String?) throws {
        let file = try contacts([row, "c2,B,2025-01-06,School,,,,,"])
        #expect(file.summary.rows == 2 && file.summary.rejected == 1 && file.summary.accepted == 1)
        #expect(file.records.map(\.id) == ["c2"])
        let error = try #require(TestCSV.errors(file).first)
        #expect(TestCSV.errors(file).count == 1)
        #expect(error.rule == rule && error.column == column && error.line == 2 && error.file == "contacts.csv")
    }

    @Test func oneErrorPerRowFirstInColumnOrder() throws {
        // Blank child_id (column 2), impossible date (3), blank source (4): only child_id is reported, and the
        // row's warnings (unknown outcome) are dropped with it.
        let file = try contacts(["c1,,31/02/2025,,maybe,,Unheard of,,"])
        #expect(file.findings.count == 1)
        #expect(file.findings.first?.rule == .missingRequiredValue)
        #expect(file.findings.first?.column == "child_id")
    }

    @Test func columnOrderIsTheFilesOrder() throws {
        // In this file source comes first, so a blank source is the first problem, before the bad date.
        let file = try contacts(["  ,31/02/2025,A,c1"], header: "source,contact_date,child_id,contact_id")
        #expect(file.findings.map(\.rule) == [.missingRequiredValue])
        #expect(file.findings.map(\.column) == ["source"])
        let second = try contacts(["School,31/02/2025,,c1"], header: "source,contact_date,child_id,contact_id")
        #expect(second.findings.map(\.rule) == [.unparseableRequiredDate])
    }

    @Test func duplicateIDs() throws {
        let file = try contacts([
            "c1,A,2025-01-05,School,,,,,",      // accepted
            "c1,B,2025-01-06,School,,,,,",      // duplicate: rejected
            "c2,,2025-01-06,School,,,,,",       // rejected (blank child)
            "c2,C,2025-01-07,School,,,,,",      // a duplicate of a rejected row is not a duplicate: accepted
            " c2 ,D,2025-01-08,School,,,,,",    // ids compared after trimming: duplicate
            "C2,E,2025-01-09,School,,,,,",      // case-sensitive: a new id
            "c1,F,bad,School,,,,,",             // duplicate id (column 1) before the bad date (column 3)
        ])
        #expect(file.records.map(\.id) == ["c1", "c2", "C2"])
        #expect(file.records.map(\.childID) == ["A", "C", "E"])
        #expect(TestCSV.errors(file).map(\.rule) == [.duplicateID, .missingRequiredValue, .duplicateID, .duplicateID])
        #expect(TestCSV.errors(file).map(\.line) == [3, 4, 6, 8])
        #expect(TestCSV.errors(file).first?.column == "contact_id")
        #expect(file.summary.rows == 7 && file.summary.rejected == 4)
    }

    /// SPEC §2: "Ids are compared exactly after trimming (case-sensitive)". "\u{E9}" (precomposed é) and
    /// "e\u{301}" (e + combining acute) are different ids, but Swift's String equality (canonical
    /// equivalence) treats them as equal; ids are compared as `ExactText`, so both rows are kept.
    @Test
    func idsAreComparedExactlyNotByCanonicalEquivalence() throws {
        let file = try contacts(["\u{E9}1,A,2025-01-05,School,,,,,", "e\u{301}1,B,2025-01-05,School,,,,,"])
        #expect(file.records.count == 2)
        #expect(TestCSV.errors(file).isEmpty)
    }

    @Test func duplicateCheckedAgainstAcceptedRowsOnlyEvenWhenLaterRowIsAlsoBad() throws {
        // Header order: child_id first. A duplicate id with a blank child: the child_id problem comes first.
        let file = try contacts(["A,c1,2025-01-05,School", ",c1,2025-01-06,School"],
                                header: "child_id,contact_id,contact_date,source")
        #expect(TestCSV.errors(file).map(\.rule) == [.missingRequiredValue])
        #expect(TestCSV.errors(file).map(\.column) == ["child_id"])
    }

    @Test func malformedRecords() throws {
        let csv = "contact_id,child_id,contact_date,source\n"
            + "c1,A,2025-01-05,\"School\"x,extra\n"              // text after a closing quote: line 2
            + "c2,B,2025-01-05,\"Multi\nline\"\n"                 // one record over lines 3-4: accepted
            + "c3,C,2025-01-05,ab\"c\n"                           // a quote inside an unquoted field is literal
            + "c4,D,2025-01-05,\"never closed\n"                  // unterminated: the rest is one record
            + "c5,E,2025-01-05,School\n"
        let file = try TestCSV.decode(Contact.self, csv, fileName: "contacts.csv")
        TestCSV.checkInvariants(file)
        #expect(file.records.map(\.id) == ["c2", "c3"])
        #expect(file.records.map(\.source) == ["Multi\nline", "ab\"c"])
        #expect(file.records.map(\.line) == [3, 5])
        #expect(TestCSV.errors(file).map(\.rule) == [.malformedRecord, .malformedRecord])
        #expect(TestCSV.errors(file).map(\.line) == [2, 6])
        #expect(file.summary.rows == 4)
    }

    @Test func blankLinesAndBlankRecordsAreSkipped() throws {
        let csv = "contact_id,child_id,contact_date,source\r\n\r\n,,,\r\n  \t \r\nc1,A,2025-01-05,School\r\n,,,\r\n"
        let file = try TestCSV.decode(Contact.self, csv, fileName: "contacts.csv")
        TestCSV.checkInvariants(file)
        #expect(file.summary.rows == 1 && file.records.first?.line == 5)
    }

    @Test func lineEndingsAndBOM() throws {
        for ending in ["\n", "\r\n", "\r"] {
            let csv = "\u{FEFF}contact_id,child_id,contact_date,source" + ending + "c1,A,2025-01-05,School" + ending
                + "c2,B,2025-01-06,School"
            let file = try TestCSV.decode(Contact.self, csv, fileName: "contacts.csv")
            #expect(file.records.map(\.id) == ["c1", "c2"])
            #expect(file.records.map(\.line) == [2, 3])
            #expect(file.findings.isEmpty)
        }
    }

    @Test func optionalUnparseableDateIsBlankWithWarning() throws {
        let file = try contacts(["c1,A,2025-01-05,School,,2025-02-30,NFA,,"])
        let c = try #require(file.records.first)
        #expect(c.decisionDate == nil)
        #expect(file.findings.map(\.rule) == [.unparseableOptionalDate])
        #expect(file.findings.first?.severity == .warning)
        #expect(file.findings.first?.column == "decision_date")
        #expect(file.findings.first?.value == "2025-02-30")
        #expect(file.findings.first?.line == 2)
    }

    @Test func windows1252() throws {
        // "Équipe" (0xC9), "children’s" (0x92), "€" (0x80): not valid UTF-8, so the whole file is Windows-1252.
        var raw = Array("contact_id,child_id,contact_date,source,outcome,team\nc1,A,2025-01-05,".utf8)
        raw += [0x80] + Array(" Police,Referral to children".utf8) + [0x92] + Array("s social care,".utf8)
        raw += [0xC9] + Array("quipe\n".utf8)
        let file = try FileDecoder.decode(Contact.self, raw: raw, fileName: "contacts.csv")
        TestCSV.checkInvariants(file)
        #expect(file.summary.encoding == .windows1252)
        #expect(file.findings.map(\.rule) == [.windows1252Encoding, .undatedReferral])  // a referral with no dates
        #expect(file.findings.first?.severity == .warning && file.findings.first?.line == nil)
        let c = try #require(file.records.first)
        #expect(c.team == "Équipe")
        #expect(c.source == "€ Police" && c.isPolice)
        #expect(c.outcome == .referral)
        #expect(file.summary.sha256 == SHA256.hexDigest(raw))
        #expect(file.summary.byteCount == raw.count)
    }

    @Test func windows1252HeaderWithNoBreakSpacesAndCurlyQuotes() throws {
        // 0xA0 is a no-break space; 0x93/0x94 are curly double quotes around a value; 0x92 a curly apostrophe.
        var raw = Array("contact_id,Child".utf8) + [0xA0] + Array("Unique ID,Date".utf8) + [0xA0, 0xA0]
        raw += Array("of Contact,Contact Source,outcome\r\nc1,A,5/1/2025,".utf8) + [0x93] + Array("School".utf8)
        raw += [0x94] + Array(",Referral to children".utf8) + [0x92] + Array("s social care\r\n".utf8)
        let file = try FileDecoder.decode(Contact.self, raw: raw, fileName: "contacts.csv")
        #expect(file.findings.map(\.rule) == [.windows1252Encoding, .undatedReferral])
        let c = try #require(file.records.first)
        #expect(c.childID == "A" && c.contactDate == d("2025-01-05") && c.source == "\u{201C}School\u{201D}")
        #expect(c.outcome == .referral)
    }

    @Test func validUTF8HasNoEncodingWarning() throws {
        let file = try contacts(["c1,A,2025-01-05,École,,,,,Équipe"])
        #expect(file.summary.encoding == .utf8 && file.findings.isEmpty)
        #expect(file.records.first?.team == "Équipe")
    }

    @Test func teamDisplayNames() throws {
        let options = DecodingOptions(teamNames: ["CPAT E": "CPAT East", "mash": "MASH"])
        let file = try contacts(["c1,A,2025-01-05,School,,,,,  CPAT E ",
                                 "c2,A,2025-01-05,School,,,,,cpat e",
                                 "c3,A,2025-01-05,School,,,,,MASH",
                                 "c4,A,2025-01-05,School,,,,,mash",
                                 "c5,A,2025-01-05,School,,,,,"], options: options)
        #expect(file.records.map(\.team) == ["CPAT East", "cpat e", "MASH", "MASH", nil])
    }

    @Test func localVocabularyLabels() throws {
        let options = DecodingOptions(contactOutcomes: Vocabulary(extra: ["Passed to MASH": .referral,
                                                                          "Universal services": .advice]),
                                      yesNo: Vocabulary(extra: ["Ja": .yes]))
        let file = try contacts(["c1,A,2025-01-05,School,JA,,passed to mash,,",
                                 "c2,A,2025-01-05,School,,,b) Universal Services,,",
                                 "c3,A,2025-01-05,School,,,Referral,,"], options: options)
        #expect(file.records.map(\.outcome) == [.referral, .advice, .referral])
        #expect(file.records.first?.marf == true)
        #expect(file.findings.map(\.rule) == [.undatedReferral, .undatedReferral])
    }

    @Test func findingsErrorsEqualRejectedOnMixedInput() throws {
        var rows: [String] = []
        for i in 0..<200 {
            switch i % 7 {
            case 0: rows.append("c\(i),A,2025-01-05,School,,,,,")
            case 1: rows.append("c\(i),,bad,School,maybe,,x,,")
            case 2: rows.append("c\(i - 1),A,2025-01-05,School,,,,,")
            case 3: rows.append("c\(i),A,2025-01-05")
            case 4: rows.append("c\(i),A,2025-01-05,School,perhaps,2025-13-01,Unknown,99/99/9999,")
            case 5: rows.append("c0,A,2025-01-05,School,,,,,")
            default: rows.append("c\(i),A,5/1/2025 10:30,p1) Police,a) Yes,,a) Referral,,")
            }
        }
        let file = try contacts(rows)
        #expect(file.summary.rows == 200)
        #expect(file.summary.accepted + file.summary.rejected == 200)
    }
}
