/// The timing of a referred child's referrals, and what it implies for the other contacts.
///
/// After each referral the child is referred again within 12 months with probability p (14...320
/// days later), more than 12 months later with probability q (400...790 days later), or not again.
/// A chain starts on a uniform day of a burn-in (as long as the longest gap) plus the history, and
/// only referrals inside the history are written; a referred child is redrawn until at least one
/// is. The burn-in makes the referral rate level over the whole history, so in every month a share
/// p of referrals are re-referrals and the front door's volume does not ramp up.
///
/// Expected values are computed exactly by recursions over the days (floating point with a fixed
/// order of operations, so the same on every machine): the daily intensity of referrals (forward),
/// and the probability that a chain reaches the history (backward). They give the expected written
/// referrals per referred child, used to size the other contacts, and the time profile that the
/// other contacts' dates follow, so the outcome split is the same in every month.
struct ReferralChainModel: Sendable {
    static let soonGap = 14...320
    static let laterGap = 400...790
    /// Days before the history in which chains may start.
    static let burnIn = laterGap.upperBound + 10

    /// Days in the history.
    let days: Int
    /// Expected referrals written (inside the history) per referred child with at least one.
    let expectedReferrals: Double
    /// Probability that a chain started in the burn-in or history has a referral inside the history.
    let reachesHistory: Double
    /// cumulative[t] = share of the history's referral intensity on its days 0...t.
    private let cumulative: [Double]

    init(days: Int, reReferral p: Double, laterReferral q: Double) {
        precondition(days > 0)
        self.days = days
        let burnIn = ReferralChainModel.burnIn
        let total = burnIn + days
        let soon = ReferralChainModel.soonGap, later = ReferralChainModel.laterGap
        let soonCount = Double(soon.count), laterCount = Double(later.count)

        // Forward: intensity[t] of referrals on day t of burn-in + history.
        var prefix = [Double](repeating: 0, count: total + 1)
        func before(_ t: Int, _ gaps: ClosedRange<Int>) -> Double {
            let hi = t - gaps.lowerBound
            guard hi >= 0 else { return 0 }
            return prefix[hi + 1] - prefix[max(0, t - gaps.upperBound)]
        }
        let start = 1 / Double(total)
        for t in 0..<total {
            let value = start + p * before(t, soon) / soonCount + q * before(t, later) / laterCount
            prefix[t + 1] = prefix[t] + value
        }
        let written = prefix[total] - prefix[burnIn]

        // Backward: reach[t] = P(a referral on day t is followed, in the history, by a written one
        // or is itself written).
        var suffix = [Double](repeating: 0, count: total + later.upperBound + 2)
        func after(_ t: Int, _ gaps: ClosedRange<Int>) -> Double {
            suffix[t + gaps.lowerBound] - suffix[t + gaps.upperBound + 1]
        }
        var reachSum = 0.0
        for t in stride(from: total - 1, through: 0, by: -1) {
            let reach = t >= burnIn ? 1 : p * after(t, soon) / soonCount + q * after(t, later) / laterCount
            suffix[t] = suffix[t + 1] + reach
            reachSum += reach
        }
        reachesHistory = reachSum / Double(total)
        expectedReferrals = written / reachesHistory

        var cumulative = [Double](repeating: 0, count: days)
        for t in 0..<days { cumulative[t] = (prefix[burnIn + t + 1] - prefix[burnIn]) / written }
        cumulative[days - 1] = 1
        self.cumulative = cumulative
    }

    /// A day offset in 0..<days drawn from the history's referral profile.
    func profileOffset(_ random: inout SampleRandom) -> Int {
        let u = random.unit()
        var lo = 0, hi = days - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
