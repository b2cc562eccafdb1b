import PathwayCore
import Testing
@testable import PathwaySample

/// The default sample exercises every KPI of SPEC §4: populations, numerators and the exclusions.
@Suite("KPI coverage")
struct KPICoverageTests {
    private func results(_ sample: DecodedSample? = nil) throws -> [String: KPIResult] {
        let sample = try sample ?? SampleFixture.standard()
        let cases = LinkedCases(contacts: sample.contacts.records, enquiries: sample.enquiries.records,
                                conferences: sample.conferences.records, audits: sample.audits.records)
        let results = try KPIEngine().compute(cases, context: KPIContext(asOf: SampleFixture.asOf,
                                                                         calendar: SampleFixture.calendar))
        return Dictionary(uniqueKeysWithValues: results.map { ($0.id, $0) })
    }

    @Test("every KPI has a population, a numerator and a miss, in most months and several teams")
    func everyKPI() throws {
        let results = try results()
        #expect(results.count == KPICatalogue.all.count)
        for (id, result) in results.sorted(by: { $0.key < $1.key }) {
            let headline = result.headline
            if result.kind == .count {
                #expect(headline.count > 0, "\(id)")
                #expect(result.monthly.filter { $0.tally.count > 0 }.count >= 11, "\(id) monthly")
            } else {
                #expect(headline.numerator > 0, "\(id) numerator")
                #expect(headline.numerator < headline.denominator, "\(id) has no record outside the numerator")
                #expect(result.monthly.filter { $0.tally.denominator > 0 }.count >= 11, "\(id) monthly")
            }
            #expect(result.byTeam.count >= 3, "\(id) by team")
        }
    }

    @Test("the exclusions that the data can exercise are exercised", arguments: [
        "contact_decision_1wd", "contacts_marf", "marf_follow_up_5wd", "strategy_police_attendance",
        "strategy_health_attendance", "strategy_education_attendance", "conference_parent_participation",
        "audit_moderation_agreement", "audit_actions_on_time",
    ])
    func exclusions(id: String) throws {
        #expect(try #require(try results()[id]).headline.excluded > 0)
    }

    /// Window values are over 12 months only, and censored at as-of like real data (an ICPC not yet
    /// held is not in the file), so they are checked on the 20,000-children sample.
    @Test("headline values (20,000 children) land near the configured rates")
    func headlineValues() throws {
        let results = try results(SampleFixture.large())
        func value(_ id: String) -> Double { results[id]!.value!.doubleValue }
        #expect(abs(value("re_referrals_12m") - 22) <= 3)
        #expect(abs(value("icpc_within_15wd") - 80) <= 6)
        #expect(abs(value("icpc_to_plan") - 86) <= 6)
        #expect(abs(value("s47_to_icpc") - 33) <= 5)
        #expect(abs(value("contact_decision_1wd") - 90) <= 3)
        #expect(abs(value("police_notification_timely") - 88) <= 4)
        #expect(abs(value("rcpc_on_time") - 92) <= 5)
        #expect(value("strategy_police_attendance") < value("strategy_education_attendance"))
        #expect(value("strategy_education_attendance") < value("strategy_health_attendance"))
        #expect(abs(value("contact_to_referral") - 30) <= 2)
        #expect(abs(value("marf_follow_up_5wd") - 74.8) <= 4)
        #expect(abs(value("audits_good_or_better") - 46) <= 5)
        // An earlier plan (20%) plus the odd second plan within the history.
        #expect(value("plans_second_or_subsequent") >= 18 && value("plans_second_or_subsequent") <= 30)
    }
}
