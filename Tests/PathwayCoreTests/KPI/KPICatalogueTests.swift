import Testing
@testable import PathwayCore

/// One worked example of one KPI, named so each shows separately in the test report.
struct KPIExampleRef: Sendable, CustomTestStringConvertible {
    let id: String
    let index: Int
    var testDescription: String {
        "\(id) #\(index): \(KPICatalogue.definition(id)?.examples[index].title ?? "?")"
    }
}

/// SPEC §4: the catalogue, its worked examples, targets and benchmarks.
@Suite struct KPICatalogueTests {
    /// Every id named in SPEC §4, written out literally.
    static let specIDs: Set<String> = [
        "contacts", "contact_decision_1wd", "contacts_marf", "marf_follow_up_5wd", "police_notification_timely",
        "contact_to_referral", "contact_to_early_help", "referrals", "re_referrals_12m",
        "s47_enquiries", "strategy_police_attendance", "strategy_health_attendance",
        "strategy_education_attendance", "s47_to_icpc",
        "icpcs", "icpc_within_15wd", "icpc_to_plan", "plans_second_or_subsequent", "rcpc_on_time",
        "conference_parent_participation",
        "audits", "audits_good_or_better", "audits_inadequate", "audit_moderation_agreement",
        "audit_actions_on_time",
    ]

    static let countIDs: Set<String> = ["contacts", "referrals", "s47_enquiries", "icpcs", "audits"]

    static let allExamples: [KPIExampleRef] = KPICatalogue.all.flatMap { kpi in
        kpi.examples.indices.map { KPIExampleRef(id: kpi.id, index: $0) }
    }

    @Test(arguments: allExamples)
    func workedExample(_ ref: KPIExampleRef) throws {
        let kpi = try #require(KPICatalogue.definition(ref.id))
        let example = kpi.examples[ref.index]
        let result = try KPIEngine().compute(
            kpi, example.cases, context: KPIContext(asOf: example.asOf, calendar: TestCalendar.englandAndWales))
        #expect(result.headline == example.expected)
        if kpi.kind == .count {
            #expect(result.headline.numerator == 0 && result.headline.denominator == 0 && result.headline.excluded == 0)
        } else {
            #expect(result.headline.count == 0)
        }
    }

    @Test func everyKPIHasAtLeastOneExample() {
        for kpi in KPICatalogue.all {
            #expect(!kpi.examples.isEmpty, "\(kpi.id) has no worked example")
        }
        #expect(Self.allExamples.count >= KPICatalogue.all.count)
    }

    @Test func idsAreUniqueSnakeCaseAndExactlyTheSpecList() {
        let ids = KPICatalogue.all.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate ids")
        #expect(ids.count == 25)
        for id in ids {
            let snake = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
            #expect(snake && id.first?.isLetter == true && !id.hasSuffix("_") && !id.contains("__"), "\(id)")
        }
        #expect(Set(ids) == Self.specIDs,
                "missing \(Self.specIDs.subtracting(ids).sorted()), extra \(Set(ids).subtracting(Self.specIDs).sorted())")
        for id in ids { #expect(KPICatalogue.definition(id)?.id == id) }
        #expect(KPICatalogue.definition("nonexistent") == nil)
    }

    @Test func countKPIsAreNeutralWithNoTargetBenchmarkOrRAG() throws {
        let counts = Set(KPICatalogue.all.filter { $0.kind == .count }.map(\.id))
        #expect(counts == Self.countIDs)
        let context = TestCalendar.context(asOf: "2026-03-31")
        let cases = LinkedCases(contacts: [Contact(id: "c", childID: "A", contactDate: d("2026-03-02"))],
                                enquiries: [], conferences: [], audits: [])
        for kpi in KPICatalogue.all where kpi.kind == .count {
            #expect(kpi.polarity == .neutral, "\(kpi.id)")
            #expect(kpi.defaultTarget == nil, "\(kpi.id)")
            #expect(kpi.benchmark == nil, "\(kpi.id)")
            // Even a configured target must not give a count a target or a RAG.
            let engine = KPIEngine(targetOverrides: [kpi.id: OneDecimal(50)])
            let result = try engine.compute(kpi, cases, context: context)
            #expect(result.target == nil && result.rag == nil && result.value == nil, "\(kpi.id)")
        }
    }

    /// (id, polarity, default target, benchmark label, benchmark value) from SPEC §4.
    static let expectations: [(String, Polarity, Double?, String?, Double?)] = [
        ("contact_decision_1wd", .higherIsBetter, 95, nil, nil),
        ("contacts_marf", .higherIsBetter, 90, nil, nil),
        ("marf_follow_up_5wd", .higherIsBetter, 90, nil, nil),
        ("police_notification_timely", .higherIsBetter, 90, nil, nil),
        ("contact_to_referral", .neutral, nil, nil, nil),
        ("contact_to_early_help", .neutral, nil, nil, nil),
        ("re_referrals_12m", .lowerIsBetter, 20, "England 2024-25", 22.6),
        ("strategy_police_attendance", .higherIsBetter, 95, nil, nil),
        ("strategy_health_attendance", .higherIsBetter, 95, nil, nil),
        ("strategy_education_attendance", .higherIsBetter, 95, nil, nil),
        ("s47_to_icpc", .neutral, nil, "England 2024-25", 31.3),
        ("icpc_within_15wd", .higherIsBetter, 90, "England 2024-25", 81.4),
        ("icpc_to_plan", .neutral, nil, "England 2024-25", 85.8),
        ("plans_second_or_subsequent", .lowerIsBetter, 20, nil, nil),
        ("rcpc_on_time", .higherIsBetter, 95, nil, nil),
        ("conference_parent_participation", .higherIsBetter, 90, nil, nil),
        ("audits_good_or_better", .higherIsBetter, 80, nil, nil),
        ("audits_inadequate", .lowerIsBetter, 5, nil, nil),
        ("audit_moderation_agreement", .higherIsBetter, 80, nil, nil),
        ("audit_actions_on_time", .higherIsBetter, 90, nil, nil),
    ]

    @Test(arguments: expectations)
    func rateDeclaration(_ id: String, _ polarity: Polarity, _ target: Double?, _ label: String?, _ benchmark: Double?) throws {
        let kpi = try #require(KPICatalogue.definition(id))
        #expect(kpi.kind == .rate)
        #expect(kpi.polarity == polarity)
        #expect(kpi.defaultTarget?.tenths == target.map { Int(($0 * 10).rounded()) })
        #expect(kpi.benchmark?.value.tenths == benchmark.map { Int(($0 * 10).rounded()) })
        if let label {
            // The label starts with the comparator named in the spec (it may add a qualifier such as "approx.").
            #expect(kpi.benchmark?.label.hasPrefix(label) == true, "\(kpi.benchmark?.label ?? "nil")")
        }
        #expect(KPIEngine().targets[id] == kpi.defaultTarget)
    }

    @Test func everyRateIsListedAbove() {
        let listed = Set(Self.expectations.map(\.0))
        #expect(listed == Self.specIDs.subtracting(Self.countIDs))
    }

    @Test func areasFollowTheSpecSections() {
        let areas = Dictionary(grouping: KPICatalogue.all, by: \.area).mapValues { Set($0.map(\.id)) }
        #expect(areas[.frontDoor] == ["contacts", "contact_decision_1wd", "contacts_marf", "marf_follow_up_5wd",
                                      "police_notification_timely", "contact_to_referral", "contact_to_early_help",
                                      "referrals", "re_referrals_12m"])
        #expect(areas[.strategyAndSection47] == ["s47_enquiries", "strategy_police_attendance",
                                                 "strategy_health_attendance", "strategy_education_attendance",
                                                 "s47_to_icpc"])
        #expect(areas[.conferences] == ["icpcs", "icpc_within_15wd", "icpc_to_plan", "plans_second_or_subsequent",
                                        "rcpc_on_time", "conference_parent_participation"])
        #expect(areas[.qualityAssurance] == ["audits", "audits_good_or_better", "audits_inadequate",
                                             "audit_moderation_agreement", "audit_actions_on_time"])
    }

    @Test func engineComputesEveryKPISortedByID() throws {
        let results = try KPIEngine().compute(
            LinkedCases(contacts: [], enquiries: [], conferences: [], audits: []),
            context: TestCalendar.context(asOf: "2026-03-31"))
        #expect(results.map(\.id) == Self.specIDs.sorted { CodePoint.less($0, $1) })
        for result in results {
            #expect(result.monthly.count == 12)
            #expect(result.byTeam.isEmpty)
            #expect(result.headline == Tally())
            #expect(result.rag == nil)
            #expect(result.value == nil)
        }
    }

    @Test func everyDefinitionHasTitleAndWords() {
        for kpi in KPICatalogue.all {
            #expect(!kpi.title.isEmpty && !kpi.definition.isEmpty, "\(kpi.id)")
        }
    }
}
