/// The link stage's result: every accepted record plus the cross-file and per-child indexes the KPIs
/// need (S47 ↔ conferences, each child's conference chain, each child's referral history).
public struct LinkedCases: Sendable {
    public let contacts: [Contact]
    public let enquiries: [Section47Enquiry]
    public let conferences: [ChildProtectionConference]
    public let audits: [CaseAudit]

    private let enquiryIndexByID: [ExactText: Int]
    /// Each child's conferences (indexes into `conferences`), by date then conference_id in code-point order.
    private let conferenceChains: [ExactText: [Int]]
    /// Each child's dated referrals, ascending.
    private let referralDays: [ExactText: [Day]]
    /// Each child's earliest initial or transfer-in conference with outcome plan.
    private let firstPlanDay: [ExactText: Day]

    public init(contacts: [Contact], enquiries: [Section47Enquiry], conferences: [ChildProtectionConference],
                audits: [CaseAudit]) {
        self.contacts = contacts
        self.enquiries = enquiries
        self.conferences = conferences
        self.audits = audits

        var enquiryIndex: [ExactText: Int] = [:]
        enquiryIndex.reserveCapacity(enquiries.count)
        for (i, enquiry) in enquiries.enumerated() { enquiryIndex[ExactText(enquiry.id)] = i }
        enquiryIndexByID = enquiryIndex

        var chains: [ExactText: [Int]] = [:]
        var firstPlan: [ExactText: Day] = [:]
        for (i, conference) in conferences.enumerated() {
            let child = ExactText(conference.childID)
            chains[child, default: []].append(i)
            if conference.madePlan {
                firstPlan[child] = min(firstPlan[child] ?? conference.date, conference.date)
            }
        }
        for key in chains.keys {
            chains[key]!.sort { a, b in
                let x = conferences[a], y = conferences[b]
                return x.date != y.date ? x.date < y.date : CodePoint.less(x.id, y.id)
            }
        }
        conferenceChains = chains
        firstPlanDay = firstPlan

        var referrals: [ExactText: [Day]] = [:]
        for contact in contacts {
            if let day = contact.referralDay { referrals[ExactText(contact.childID), default: []].append(day) }
        }
        for key in referrals.keys { referrals[key]!.sort() }
        referralDays = referrals
    }

    /// The enquiry an initial conference followed, when its s47_id is recorded and found.
    public func enquiry(for conference: ChildProtectionConference) -> Section47Enquiry? {
        guard let id = conference.s47ID, let index = enquiryIndexByID[ExactText(id)] else { return nil }
        return enquiries[index]
    }

    /// The child's conference with the latest date strictly before `day`; ties on that date go to the
    /// greatest conference_id in code-point order (SPEC §4 rcpc_on_time).
    public func latestConference(ofChild child: String, before day: Day) -> ChildProtectionConference? {
        guard let chain = conferenceChains[ExactText(child)] else { return nil }
        var result: ChildProtectionConference?
        for index in chain {
            let conference = conferences[index]
            if conference.date >= day { break }
            result = conference
        }
        return result
    }

    /// The child's latest conference on or before `day` (same tie rule).
    public func latestConference(ofChild child: String, onOrBefore day: Day) -> ChildProtectionConference? {
        latestConference(ofChild: child, before: day.adding(days: 1))
    }

    /// Children with at least one conference, in code-point order.
    public var childrenWithConferences: [String] {
        conferenceChains.keys.sorted().map(\.value)
    }

    /// Whether the child has a referral dated r′ with `from` ≤ r′ < `before`.
    public func hasReferral(ofChild child: String, from: Day, before: Day) -> Bool {
        guard let days = referralDays[ExactText(child)] else { return false }
        // First referral on or after `from`.
        var low = 0, high = days.count
        while low < high {
            let mid = (low + high) / 2
            if days[mid] < from { low = mid + 1 } else { high = mid }
        }
        return low < days.count && days[low] < before
    }

    /// Whether the child had an initial or transfer-in conference with outcome plan strictly before `day`.
    public func hadPlan(ofChild child: String, before day: Day) -> Bool {
        guard let first = firstPlanDay[ExactText(child)] else { return false }
        return first < day
    }
}
