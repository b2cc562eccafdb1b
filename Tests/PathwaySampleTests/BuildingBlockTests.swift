import PathwayCore
import Testing
@testable import PathwaySample

@Suite("Building blocks")
struct BuildingBlockTests {
    @Test("SplitMix64 matches the reference sequence for seed 0")
    func splitMix() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test("SampleRandom draws stay in range and are reproducible")
    func random() {
        var a = SampleRandom(seed: 42, stream: 7), b = SampleRandom(seed: 42, stream: 7)
        var c = SampleRandom(seed: 42, stream: 8)
        var sameAsOtherStream = 0
        for _ in 0..<10_000 {
            let x = a.next()
            #expect(x == b.next())
            if x == c.next() { sameAsOtherStream += 1 }
        }
        for _ in 0..<10_000 {
            let n = a.int(3...9)
            #expect((3...9).contains(n))
            let u = a.unit()
            #expect(u >= 0 && u < 1)
        }
        #expect(sameAsOtherStream == 0)
        var total = 0
        for _ in 0..<20_000 { total += a.geometric(mean: 0.6) }
        #expect(abs(Double(total) / 20_000 - 0.6) < 0.03)
    }

    @Test("WorkingDayIndex agrees with WD(a, b) of the calendar, across Christmas and Easter")
    func workingDays() throws {
        let calendar = SampleFixture.calendar
        let start = Day(year: 2023, month: 1, day: 1)!, end = Day(year: 2026, month: 12, day: 31)!
        let index = try WorkingDayIndex(calendar: calendar, start: start, end: end)
        var random = SampleRandom(seed: 1, stream: 1)
        for _ in 0..<3000 {
            let day = start.adding(days: random.int(10...1200))
            let n = random.int(0...40)
            let later = try #require(index.adding(n, to: day))
            #expect(try calendar.workingDays(from: day, to: later).count == n)
            if n > 0 {
                #expect(try calendar.workingDays(from: day, to: later.adding(days: -1)).count == n - 1)
                #expect(try calendar.isWorkingDay(later))
            }
            let before = try #require(index.onOrBefore(day)), after = try #require(index.onOrAfter(day))
            #expect(try calendar.isWorkingDay(before) && before <= day)
            #expect(try calendar.isWorkingDay(after) && after >= day)
            #expect(try calendar.workingDays(from: before, to: day).count == 0)
        }
        // 2025-12-24 (Wed) + 1 working day skips Christmas Day and Boxing Day.
        #expect(index.adding(1, to: Day(year: 2025, month: 12, day: 24)!) == Day(year: 2025, month: 12, day: 29)!)
    }

    @Test("the referral chain model: sizes and a level profile")
    func chainModel() {
        let none = ReferralChainModel(days: 1096, reReferral: 0, laterReferral: 0)
        #expect(abs(none.expectedReferrals - 1) < 1e-9, "no re-referral: one referral per referred child")
        #expect(abs(none.reachesHistory - 1096.0 / Double(1096 + ReferralChainModel.burnIn)) < 1e-9)
        let some = ReferralChainModel(days: 1096, reReferral: 0.22, laterReferral: 0.1)
        #expect(some.expectedReferrals > 1.2 && some.expectedReferrals < 2)
        #expect(some.reachesHistory > none.reachesHistory && some.reachesHistory < 1)
        // Thanks to the burn-in, the referral rate is nearly level: each third of the history holds
        // about a third of the referrals.
        var random = SampleRandom(seed: 5, stream: 5)
        var thirds = [0, 0, 0]
        for _ in 0..<30_000 { thirds[min(2, some.profileOffset(&random) / 366)] += 1 }
        #expect(thirds.allSatisfy { abs(Double($0) / 30_000 - 1.0 / 3) < 0.02 }, "\(thirds)")
    }

    @Test("weighted tables follow their weights")
    func weighted() throws {
        let table = try #require(WeightedTable([SampleWeighted("a", 1), SampleWeighted("b", 3)]))
        #expect(abs(table.probability(1) - 0.75) < 1e-12)
        var random = SampleRandom(seed: 2, stream: 2)
        var b = 0
        for _ in 0..<20_000 where table.pick(&random) == "b" { b += 1 }
        #expect(abs(Double(b) / 20_000 - 0.75) < 0.015)
        #expect(WeightedTable<String>([]) == nil)
        #expect(WeightedTable([SampleWeighted("a", 0)]) == nil)
        #expect(WeightedTable([SampleWeighted("a", -1), SampleWeighted("b", 2)]) == nil)
    }
}
