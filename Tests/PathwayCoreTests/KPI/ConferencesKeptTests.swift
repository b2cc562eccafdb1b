import PathwayTestSupport
import Testing
@testable import PathwayCore

/// What a run keeps of its conferences (`ConferencesKept`): those from the first day of the periods on,
/// and of each child's earlier ones the latest (by date, then conference_id in code-point order) and the
/// first plan's day; in any two parts joined, the same.
@Suite struct ConferencesKeptTests {
    /// As of 2026-03-31 the periods start on 2025-04-01.
    static let context = TestCalendar.context(asOf: "2026-03-31")

    static func c(_ id: String, _ child: String, _ type: ConferenceType, _ date: String,
                  _ outcome: ConferenceOutcome? = nil, line: Int) -> ChildProtectionConference {
        ChildProtectionConference(id: id, childID: child, type: type, date: d(date), outcome: outcome, line: line)
    }

    /// In file order (lines 2 to 13).
    static let file: [ChildProtectionConference] = [
        c("a1", "A", .initial, "2024-05-01", .plan, line: 2),
        c("a2", "A", .review, "2025-03-01", .continue, line: 3),
        // The same day as a2: the greater id is the later.
        c("a3", "A", .review, "2025-03-01", .end, line: 4),
        // The first day of the periods: both kept, although on the same day.
        c("a4", "A", .review, "2025-04-01", line: 5),
        c("a5", "A", .review, "2025-04-01", line: 6),
        c("b1", "B", .initial, "2025-01-01", .noPlan, line: 7),
        // Earlier than b1, so not the latest; but its plan is B's first.
        c("b0", "B", .initial, "2024-12-01", .plan, line: 8),
        c("c1", "C", .review, "2026-02-01", line: 9),
        // "z" is U+007A and "é" U+00E9: é1 is the later.
        c("z1", "D", .review, "2025-02-02", line: 10),
        c("\u{E9}1", "D", .review, "2025-02-02", line: 11),
        // Canonically equivalent ids, different code points: "e" then U+0301 comes before U+00E9.
        c("ke\u{301}", "E", .transferIn, "2025-03-31", .plan, line: 12),
        c("k\u{E9}", "E", .review, "2025-03-31", .continue, line: 13),
    ]

    static func byID(_ id: String) -> ChildProtectionConference {
        file.first { $0.id.unicodeScalars.elementsEqual(id.unicodeScalars) }!
    }

    @Test func keepsThePeriodsAndEachChildsLatestEarlierConference() {
        var kept = ConferencesKept()
        Self.file.withUnsafeBufferPointer { kept.add($0, context: Self.context) }
        // Each child's latest earlier conference in the place of their first earlier one.
        let expected = ["a3", "a4", "a5", "b1", "c1", "\u{E9}1", "k\u{E9}"].map(Self.byID)
        #expect(kept.conferences == expected)
        // Records compare ids as Swift Strings, by canonical equivalence: compare the code points too.
        #expect(kept.conferences.map(\.id.unicodeScalars).map(Array.init) == expected.map(\.id.unicodeScalars).map(Array.init))
        #expect(kept.earlier == [
            .init(index: 0, firstPlan: d("2024-05-01")),
            .init(index: 3, firstPlan: d("2024-12-01")),
            .init(index: 5, firstPlan: nil),
            .init(index: 6, firstPlan: d("2025-03-31")),
        ])
    }

    /// The file cut anywhere, the second part's lines counted from its start: joined, the one-pass result.
    @Test(arguments: 0...12)
    func anyTwoPartsJoinedKeepTheSame(cut: Int) {
        var whole = ConferencesKept(), first = ConferencesKept(), second = ConferencesKept()
        Self.file.withUnsafeBufferPointer { whole.add($0, context: Self.context) }
        Self.file[..<cut].withUnsafeBufferPointer { first.add($0, context: Self.context) }
        let rest = Self.file[cut...].map { conference in
            var moved = conference
            moved.line -= 100
            return moved
        }
        rest.withUnsafeBufferPointer { second.add($0, context: Self.context) }
        first.merge(second, lineOffset: 100)
        #expect(first == whole)
    }

    /// The link stage reads the first plans of conferences let go: B's plan of 2024-12-01 is before its
    /// conferences kept, which made none.
    @Test func theLinkReadsFirstPlansLetGo() {
        var fold = ConferenceFold(catalogue: KPICatalogue.all, context: Self.context)
        fold.add(Self.file)
        let cases = LinkedCases(contactFold: ContactFold(catalogue: KPICatalogue.all, context: Self.context),
                                enquiryFold: EnquiryFold(catalogue: KPICatalogue.all, context: Self.context),
                                conferenceFold: fold,
                                auditFold: AuditFold(catalogue: KPICatalogue.all, context: Self.context))
        #expect(cases.conferences.count == 7)
        #expect(cases.hadPlan(ofChild: "B", before: d("2024-12-02")))
        #expect(!cases.hadPlan(ofChild: "B", before: d("2024-12-01")))
        #expect(cases.hadPlan(ofChild: "A", before: d("2024-05-02")))
        #expect(!cases.hadPlan(ofChild: "D", before: d("2026-03-31")))
        #expect(cases.latestConference(ofChild: "A", before: d("2025-04-01"))?.id == "a3")
        #expect(cases.latestConference(ofChild: "A", onOrBefore: d("2025-04-01"))?.id == "a5")
        #expect(cases.latestConference(ofChild: "E", onOrBefore: d("2026-03-31"))
            .map { Array($0.id.unicodeScalars) } == Array("k\u{E9}".unicodeScalars))
    }
}
