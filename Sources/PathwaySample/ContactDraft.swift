import PathwayCore

/// A contact of the child being simulated, before its details are drawn: its date, its source and
/// whether it is one of the child's referrals (the referral chain's contacts).
struct ContactDraft: Sendable {
    var date: Day
    var source: Int
    var isReferral: Bool
}
