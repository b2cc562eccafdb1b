import PathwayCore
import Testing
@testable import PathwaySample

@Suite("Parameters")
struct ParameterTests {
    private func write(_ parameters: SampleParameters) throws(SampleError) {
        _ = try SampleGenerator.write(parameters, calendar: SampleFixture.calendar,
                                      to: SampleFixture.temporaryDirectory("params"))
    }

    @Test("rates outside 0...1 are refused, naming the rate")
    func badRate() {
        var rates = SampleRates.defaults
        rates.icpcToPlan = 1.2
        #expect(throws: SampleError.invalidParameter("icpcToPlan must be between 0 and 1 (got 1.2)")) {
            try write(SampleParameters(children: 10, seed: 1, asOf: SampleFixture.asOf, rates: rates))
        }
        rates = .defaults
        rates.actionsOnTime = 0.9
        rates.actionsCompletedLate = 0.2
        #expect(throws: SampleError.self) {
            try write(SampleParameters(children: 10, seed: 1, asOf: SampleFixture.asOf, rates: rates))
        }
        rates = .defaults
        rates.teams = []
        #expect(throws: SampleError.self) {
            try write(SampleParameters(children: 10, seed: 1, asOf: SampleFixture.asOf, rates: rates))
        }
    }

    @Test("children must be positive")
    func children() {
        #expect(throws: SampleError.self) {
            try write(SampleParameters(children: 0, seed: 1, asOf: SampleFixture.asOf))
        }
    }

    @Test("the history and as-of must lie inside the holiday calendar", arguments: [
        Day(year: 2017, month: 6, day: 30)!, Day(year: 2031, month: 1, day: 2)!,
    ])
    func outsideCalendar(asOf: Day) {
        #expect(throws: SampleError.self) {
            try write(SampleParameters(children: 10, seed: 1, asOf: asOf))
        }
    }

    @Test("the earliest and latest as-of the calendar allows both work")
    func calendarEdges() throws {
        for asOf in [Day(year: 2018, month: 3, day: 31)!, Day(year: 2030, month: 12, day: 31)!] {
            let sample = try SampleFixture.generate(SampleParameters(children: 400, seed: 3, asOf: asOf), name: "edge")
            #expect(sample.allFindings.isEmpty)
            #expect(sample.contacts.records.allSatisfy { $0.contactDate <= asOf })
        }
    }

    @Test("changed rates are realised: no re-referrals, every S47 to ICPC")
    func customRates() throws {
        var rates = SampleRates.defaults
        rates.reReferralWithin12Months = 0
        rates.laterReferral = 0
        rates.section47ToICPC = 1
        rates.auditsPerMonthPer1000Children = 0
        let sample = try SampleFixture.generate(
            SampleParameters(children: 1000, seed: 9, asOf: SampleFixture.asOf, rates: rates), name: "custom")
        var referredChildren = Set<String>()
        for c in sample.contacts.records where c.outcome == .referral {
            #expect(referredChildren.insert(c.childID).inserted, "a child with two referrals")
        }
        #expect(sample.enquiries.records.allSatisfy { $0.outcome == nil || $0.outcome == .icpc })
        #expect(sample.audits.records.isEmpty)
        #expect(sample.allFindings.isEmpty)
    }
}
