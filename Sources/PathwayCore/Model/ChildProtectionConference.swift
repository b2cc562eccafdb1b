/// One accepted row of conferences.csv.
public struct ChildProtectionConference: Sendable, Hashable, TeamNamed {
    /// Physical line in the file (first, so that the memberwise init, which `init` below calls, has
    /// other labels than `init`).
    public var line: Int
    public var id: String
    public var childID: String
    public var type: ConferenceType
    public var date: Day
    public var s47ID: String?
    public var outcome: ConferenceOutcome?
    public var category: AbuseCategory?
    public var parentsParticipated: Bool?
    public var teamName: SharedName?

    /// An initial or transfer-in conference (one that can make a plan) whose outcome is a plan.
    public var madePlan: Bool { ChildProtectionConference.madePlan(type: type, outcome: outcome) }

    /// `madePlan` from the two fields, for loops over many conferences: calling the getter on a
    /// conference held in an array copies the whole record first (retaining its Strings).
    @inline(__always)
    public static func madePlan(type: ConferenceType, outcome: ConferenceOutcome?) -> Bool {
        (type == .initial || type == .transferIn) && outcome == .plan
    }

    /// A valid predecessor of a review (SPEC §4 rcpc_on_time): initial or transfer-in with outcome plan,
    /// or a review whose outcome is neither end nor no_plan (a blank review outcome is valid).
    public var leavesPlanOpen: Bool {
        switch type {
        case .initial, .transferIn: return outcome == .plan
        case .review: return outcome != .end && outcome != .noPlan
        }
    }

    /// When the next review is due after this conference: 3 months after an initial or transfer-in
    /// conference, 6 months after a review.
    public var nextReviewDue: Day {
        date.adding(type == .review ? ChildProtectionConference.reviewInterval : ChildProtectionConference.firstReviewInterval)
    }

    public static let firstReviewInterval = Months(3)
    public static let reviewInterval = Months(6)
}

extension ChildProtectionConference {
    /// Fields set by the synthesized memberwise init: with Swift 6.3, an init that assigns the fields one
    /// by one built the record, copied it (retaining every String) and destroyed the original, for every
    /// decoded row.
    public init(id: String, childID: String, type: ConferenceType, date: Day, s47ID: String? = nil,
                outcome: ConferenceOutcome? = nil, category: AbuseCategory? = nil,
                parentsParticipated: Bool? = nil, team: String? = nil, line: Int = 0) {
        self.init(line: line, id: id, childID: childID, type: type, date: date, s47ID: s47ID, outcome: outcome,
                  category: category, parentsParticipated: parentsParticipated,
                  teamName: team.map(SharedName.init))
    }
}
