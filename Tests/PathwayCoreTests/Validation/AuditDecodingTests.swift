import Testing
@testable import PathwayCore

/// audits.csv (SPEC §2).
@Suite struct AuditDecodingTests {
    static let header = "audit_id,child_id,audit_date,overall_grade,moderated_grade,actions_due_date,"
        + "actions_completed_date,team,auditor,audit_type,domain_voice_of_child,Domain_Management"

    private func decode(_ rows: [String]) throws -> DecodedFile<CaseAudit> {
        let file = try TestCSV.decode(CaseAudit.self, TestCSV.lines(Self.header, rows), fileName: "audits.csv")
        TestCSV.checkInvariants(file)
        return file
    }

    @Test func everyColumn() throws {
        let file = try decode(["a1,A,2026-03-02,Requires improvement to be good,a) Good,2026-04-01,30/03/2026,QA,"
                                + "J Smith,Thematic,Good,ri"])
        #expect(file.findings.isEmpty)
        let a = try #require(file.records.first)
        #expect(a.id == "a1" && a.childID == "A" && a.date == d("2026-03-02"))
        #expect(a.grade == .requiresImprovement && a.moderatedGrade == .good && a.finalGrade == .good)
        #expect(a.actionsDueDate == d("2026-04-01") && a.actionsCompletedDate == d("2026-03-30"))
        #expect(a.team == "QA" && a.auditor == "J Smith" && a.auditType == "Thematic")
    }

    @Test(arguments: [
        ("Outstanding", AuditGrade.outstanding), ("GOOD", .good), ("Requires improvement", .requiresImprovement),
        ("requires improvement to be good", .requiresImprovement), ("RI", .requiresImprovement),
        ("requires_improvement", .requiresImprovement), ("Inadequate", .inadequate), ("d) Inadequate", .inadequate),
    ])
    func grades(_ value: String, _ expected: AuditGrade) throws {
        let file = try decode(["a1,A,2026-03-02,\(value),,,,,,,,"])
        #expect(file.records.first?.grade == expected)
        #expect(file.findings.isEmpty)
    }

    @Test(arguments: ["1", "4", "2.0", "a) 3", " 3 ", "0", "-1"])
    func numericGradeIsRejectedAsAmbiguous(_ value: String) throws {
        let file = try decode(["a1,A,2026-03-02,\(value),,,,,,,,"])
        #expect(file.records.isEmpty)
        #expect(TestCSV.errors(file).map(\.rule) == [.ambiguousNumericGrade])
        #expect(TestCSV.errors(file).first?.column == "grade")
    }

    /// The row decoder remembers whether a grade's bytes are a number: repeated grades, numeric and
    /// not, quoted and not, must each still get their own row's answer.
    @Test func repeatedGradesKeepTheirOwnAnswer() throws {
        let grades = ["Good", "3", "Good", "3", "\"3\"", "\"Good\"", "3 ", "Inadequate", "2.0", "Good"]
        let file = try decode(grades.enumerated().map { "a\($0.offset),A,2026-03-02,\($0.element),,,,,,,," })
        #expect(file.records.map(\.id) == ["a0", "a2", "a5", "a7", "a9"])
        #expect(file.records.map(\.grade) == [.good, .good, .good, .inadequate, .good])
        #expect(TestCSV.errors(file).map(\.rule) == Array(repeating: .ambiguousNumericGrade, count: 5))
        #expect(TestCSV.errors(file).map(\.value) == ["3", "3", "3", "3", "2.0"])
    }

    @Test(arguments: ["Requires  improvement", "Adequate", "good or better", "requires-improvement", "nan", "Inf"])
    func unknownGradeIsRejected(_ value: String) throws {
        let file = try decode(["a1,A,2026-03-02,\(value),,,,,,,,"])
        #expect(TestCSV.errors(file).map(\.rule) == [.unknownRequiredCode])
    }

    @Test func blankGradeIsRejected() throws {
        let file = try decode(["a1,A,2026-03-02,,,,,,,,,"])
        #expect(TestCSV.errors(file).map(\.rule) == [.missingRequiredValue])
    }

    @Test(arguments: ["2", "1", "4.0", "Adequate"])
    func unparseableModeratedGradeIsBlankWithWarning(_ value: String) throws {
        let file = try decode(["a1,A,2026-03-02,Good,\(value),,,,,,,"])
        let a = try #require(file.records.first)
        #expect(a.moderatedGrade == nil && a.finalGrade == .good)
        #expect(file.findings.count == 1)
        #expect(file.findings.first?.severity == .warning && file.findings.first?.column == "moderated_grade")
    }

    @Test func domainColumnsAreChecked() throws {
        let file = try decode(["a1,A,2026-03-02,Good,,,,,,,Excellent,3", "a2,A,2026-03-02,Good,,,,,,,outstanding,"])
        #expect(file.records.count == 2)
        #expect(file.findings.map(\.rule) == [.unknownCode, .unknownCode])
        #expect(file.findings.map(\.column) == ["domain_voice_of_child", "domain_management"])
        #expect(file.findings.map(\.value) == ["Excellent", "3"])
        #expect(file.findings.allSatisfy { $0.severity == .warning && $0.line == 2 })
    }

    @Test func firstErrorInColumnOrderAcrossGradeAndDate() throws {
        // Bad audit_date (column 3) before a numeric grade (column 4): the date is reported.
        let file = try decode(["a1,A,31/02/2026,1,,,,,,,,"])
        #expect(TestCSV.errors(file).map(\.rule) == [.unparseableRequiredDate])
    }
}
