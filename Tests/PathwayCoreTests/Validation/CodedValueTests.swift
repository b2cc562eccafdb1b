import Testing
@testable import PathwayCore

/// SPEC §2 coded values: Annex A prefix `^[A-Za-z][0-9]{0,2}\)\s+` stripped; case ignored; apostrophes
/// straightened; canonical codes accepted; inner white space and hyphens not normalised. Yes/no values.
/// Police source.
@Suite struct CodedValueTests {
    @Test(arguments: [
        ("a) Referral", "Referral"), ("p1) Police", "Police"), ("B12) Good", "Good"), ("z)  x", "x"),
        ("a)\tYes", "Yes"), ("a)\u{00A0}Yes", "Yes"),
        ("a)Referral", "a)Referral"),          // no white space after the bracket
        ("a123) Good", "a123) Good"),          // at most two digits
        ("ab) Good", "ab) Good"),              // one letter only
        ("1) Good", "1) Good"),                // must start with a letter
        ("(a) Good", "(a) Good"),
        ("a. Good", "a. Good"),
        ("Good", "Good"), ("", ""),
    ])
    func prefixStripping(_ value: String, _ expected: String) {
        #expect(String(CodedValue.stripPrefix(value)) == expected)
    }

    @Test(arguments: [
        ("y", true), ("Y", true), ("yes", true), ("YES", true), ("Yes", true), ("true", true), ("TRUE", true),
        ("1", true), ("a) Yes", true), ("n", false), ("N", false), ("no", false), ("No", false), ("false", false),
        ("False", false), ("0", false), ("b) No", false),
    ])
    func yesNo(_ value: String, _ expected: Bool) throws {
        let csv = "conference_id,child_id,type,conference_date,parents_participated\nk1,A,initial,2025-01-05,\(value)\n"
        let file = try TestCSV.decode(ChildProtectionConference.self, csv, fileName: "conferences.csv")
        #expect(file.records.first?.parentsParticipated == expected)
        #expect(file.findings.isEmpty)
    }

    @Test(arguments: ["maybe", "2", "yess", "Y es", "t", "f", "unknown", "-1", "1.0"])
    func yesNoUnknownIsNotRecordedWithWarning(_ value: String) throws {
        let csv = "s47_id,child_id,strategy_date,police_attended\ns1,A,2025-01-05,\(value)\n"
        let file = try TestCSV.decode(Section47Enquiry.self, csv, fileName: "s47_enquiries.csv")
        #expect(file.records.count == 1)
        #expect(file.records.first?.policeAttended == nil)
        #expect(file.findings.map(\.rule) == [.unparseableYesNo])
        #expect(file.findings.first?.column == "police_attended")
    }

    @Test func blankYesNoIsNotRecordedWithoutWarning() throws {
        let csv = "s47_id,child_id,strategy_date,police_attended,health_attended\ns1,A,2025-01-05,  ,\n"
        let file = try TestCSV.decode(Section47Enquiry.self, csv, fileName: "s47_enquiries.csv")
        #expect(file.records.first?.policeAttended == nil && file.records.first?.healthAttended == nil)
        #expect(file.findings.isEmpty)
    }

    @Test(arguments: [
        ("Police", true), ("police", true), ("POLICE", true), ("British Transport Police", true),
        ("Police - Child Abuse Investigation Unit", true), ("Thames Valley Police (CAIU)", true),
        ("p1) Police", true), ("a) police", true), ("Police/Probation", true), ("police's MASH desk", true),
        ("6", true), ("6: Police", true), ("6:Police", true), ("6: Other", true), ("p1) 6", true),
        ("a) 6: Police", true),
        ("Policeman", false), ("Policing team", false), ("Metropolitan Policeservice", false),
        ("Schoolpolice", false), ("police2", false), ("_police", false), ("Health", false), ("School", false),
        ("16", false), ("6a", false), ("60", false), ("66: x", false), ("Other: 6", false), ("", false),
    ])
    func policeSource(_ source: String, _ expected: Bool) {
        #expect(PoliceSource.matches(source) == expected, "'\(source)'")
    }

    @Test(arguments: [
        ("referral", ContactOutcome.referral), ("Referral to Children's Social Care", .referral),
        ("referral to children’s social care", .referral), ("Referral to social care", .referral),
        ("REFERRAL TO CSC", .referral), ("a) Referral", .referral),
        ("early help", .earlyHelp), ("Early Help Referral", .earlyHelp), ("early help assessment", .earlyHelp),
        ("early_help", .earlyHelp),
        ("NFA", .nfa), ("No further action", .nfa), ("advice", .advice), ("Information and advice", .advice),
        ("Signposting", .advice), ("open case", .openCase), ("Existing case", .openCase), ("already open", .openCase),
        ("open_case", .openCase), ("other", .other),
    ])
    func contactOutcomeVocabulary(_ value: String, _ expected: ContactOutcome) {
        #expect(Vocabulary<ContactOutcome>().code(for: value) == expected)
    }

    @Test(arguments: ["early-help", "Early  Help", "earlyhelp", "referred", "Referral.", "s47", "nfa - closed"])
    func contactOutcomeUnknown(_ value: String) {
        #expect(Vocabulary<ContactOutcome>().code(for: value) == nil)
    }

    @Test func everyVocabularyAcceptsItsCanonicalCodesAndLabels() {
        func check<C: VocabularyCode>(_: C.Type) {
            let vocabulary = Vocabulary<C>()
            for code in C.allCases {
                #expect(vocabulary.code(for: code.rawValue) == code)
                #expect(vocabulary.code(for: code.rawValue.uppercased()) == code)
                #expect(vocabulary.code(for: "x) " + code.rawValue) == code)
                for label in code.labels {
                    #expect(vocabulary.code(for: label) == code, "\(label)")
                    #expect(vocabulary.code(for: label.uppercased()) == code, "\(label)")
                }
            }
        }
        check(ContactOutcome.self)
        check(Section47Outcome.self)
        check(ConferenceType.self)
        check(ConferenceOutcome.self)
        check(AbuseCategory.self)
        check(AuditGrade.self)
        check(YesNo.self)
    }

    /// The vocabulary tables of SPEC §2 written out.
    @Test func vocabulariesMatchTheSpec() {
        #expect(ContactOutcome.referral.labels == ["referral", "referral to children's social care",
                                                   "referral to social care", "referral to csc"])
        #expect(ContactOutcome.earlyHelp.labels == ["early help", "early help referral", "early help assessment"])
        #expect(ContactOutcome.nfa.labels == ["nfa", "no further action"])
        #expect(ContactOutcome.advice.labels == ["advice", "information and advice", "signposting"])
        #expect(ContactOutcome.openCase.labels == ["open case", "existing case", "already open"])
        #expect(Section47Outcome.icpc.labels == ["icpc", "initial child protection conference", "proceed to icpc"])
        #expect(Section47Outcome.cin.labels == ["cin", "child in need", "child in need plan"])
        #expect(Section47Outcome.nfa.labels == ["nfa", "no further action"])
        #expect(ConferenceType.initial.labels == ["initial", "icpc", "initial child protection conference"])
        #expect(ConferenceType.review.labels == ["review", "rcpc", "review child protection conference"])
        #expect(ConferenceType.transferIn.labels == ["transfer in", "transfer-in", "ticpc"])
        #expect(ConferenceOutcome.plan.labels == ["plan", "cp plan", "child protection plan", "yes"])
        #expect(ConferenceOutcome.noPlan.labels == ["no plan", "no", "nfa", "no further action"])
        #expect(ConferenceOutcome.continue.labels == ["continue", "plan continues", "continue plan"])
        #expect(ConferenceOutcome.end.labels == ["end", "end plan", "plan ended", "discontinue", "discontinued"])
        #expect(AbuseCategory.multiple.labels == ["multiple", "multiple/not recommended"])
        #expect(AbuseCategory.physical.labels == ["physical", "physical abuse"])
        #expect(AuditGrade.requiresImprovement.labels == ["requires improvement", "requires improvement to be good", "ri"])
        #expect(YesNo.yes.labels == ["y", "yes", "true", "1"])
        #expect(YesNo.no.labels == ["n", "no", "false", "0"])
        #expect(ContactOutcome.allCases.map(\.rawValue) == ["referral", "early_help", "nfa", "advice", "open_case", "other"])
        #expect(ConferenceType.allCases.map(\.rawValue) == ["initial", "review", "transfer_in"])
        #expect(ConferenceOutcome.allCases.map(\.rawValue) == ["plan", "no_plan", "continue", "end"])
        #expect(AuditGrade.allCases.map(\.rawValue) == ["outstanding", "good", "requires_improvement", "inadequate"])
    }

    @Test func normalisation() {
        #expect(CodedValue.normalize("a) Children’s SOCIAL care") == "children's social care")
        #expect(CodedValue.normalize("Early-Help") == "early-help")
        #expect(CodedValue.normalize("Early  Help") == "early  help")
    }
}
