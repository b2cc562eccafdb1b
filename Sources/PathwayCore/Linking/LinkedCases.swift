import Foundation

/// The link stage's result: every accepted record plus the cross-file and per-child indexes the KPIs
/// need (S47 ↔ conferences, each child's conference chain, each child's referral history).
///
/// A run's records are not all here: they were counted as they were decoded (`RecordFold`), which kept
/// of them what the link stage and the lists read (each dated referral, each enquiry's id and strategy
/// date, the contacts and audits that may go on a list, the conferences of the periods and each
/// child's latest before them). Cases made from arrays of records (tests, KPI examples) keep them all,
/// and the compute stage folds them.
public struct LinkedCases: Sendable {
    /// The contacts, when the cases were made from them (empty when they were folded as decoded).
    public let contacts: [Contact]
    /// What was kept of the contacts folded as they were decoded; nil when the cases hold the contacts.
    public let contactFold: ContactFold?
    /// The same for S47 enquiries and audits.
    public let enquiries: [Section47Enquiry]
    public let enquiryFold: EnquiryFold?
    /// Every conference, or when they were folded as decoded the ones it kept (`ConferencesKept`): those
    /// from the first day of the periods on, and each child's latest before it.
    public let conferences: [ChildProtectionConference]
    public let audits: [CaseAudit]
    public let auditFold: AuditFold?
    /// Every dated referral (`ReferralFact`), in file order: re_referrals_12m's population and history.
    public let referrals: [ReferralFact]
    /// The referrals' and the conferences' teams as slots (for the KPIs' by-team tables).
    public let referralTeams: TeamSlots
    public let conferenceTeams: TeamSlots

    /// Each enquiry's strategy date, by s47_id.
    private let enquiryIndexByID: EnquiryIndex
    /// Each child's conferences, and their earliest initial or transfer-in conference with outcome plan.
    private let conferenceChains: ConferenceChains
    /// Each referral's previous referral of the same child.
    private let referralDays: ReferralDays

    /// Cases holding the records themselves.
    public init(contacts: [Contact], enquiries: [Section47Enquiry], conferences: [ChildProtectionConference],
                audits: [CaseAudit]) {
        self.init(contacts: contacts, contactFold: nil, enquiries: enquiries, enquiryFold: nil,
                  conferences: conferences, audits: audits, auditFold: nil)
    }

    /// Cases whose records were folded as they were decoded.
    public init(contactFold: ContactFold, enquiryFold: EnquiryFold, conferenceFold: ConferenceFold,
                auditFold: AuditFold) {
        self.init(contacts: [], contactFold: contactFold, enquiries: [], enquiryFold: enquiryFold,
                  conferences: conferenceFold.kept.conferences, earlierConferences: conferenceFold.kept.earlier,
                  audits: [], auditFold: auditFold)
    }

    /// `earlierConferences`: the first plans of the children's conferences that were folded away
    /// (`ConferencesKept.earlier`).
    private init(contacts: [Contact], contactFold: ContactFold?, enquiries: [Section47Enquiry],
                 enquiryFold: EnquiryFold?, conferences: [ChildProtectionConference],
                 earlierConferences: [ConferencesKept.Earlier] = [], audits: [CaseAudit], auditFold: AuditFold?) {
        self.contacts = contacts
        self.contactFold = contactFold
        self.enquiries = enquiries
        self.enquiryFold = enquiryFold
        self.conferences = conferences
        self.audits = audits
        self.auditFold = auditFold
        let referrals = contactFold?.kept.referrals ?? ReferralFact.all(in: contacts)
        self.referrals = referrals
        let enquiryFacts = enquiryFold?.kept.facts ?? enquiries.map(EnquiryFact.init)

        // The indexes are independent: build them on all cores, largest first.
        let slots = ConcurrentSlots<Index>(count: 5)
        DispatchQueue.concurrentPerform(iterations: 5) { task in
            switch task {
            case 0: slots.set(0, .referrals(ReferralDays(referrals)))
            case 1: slots.set(1, .teams(TeamSlots(referrals) { $0.teamName }))
            case 2: slots.set(2, .enquiries(EnquiryIndex(enquiryFacts)))
            case 3: slots.set(3, .conferences(ConferenceChains(conferences, earlier: earlierConferences)))
            default: slots.set(4, .teams(TeamSlots(conferences) { $0.teamName }))
            }
        }
        guard case let .referrals(referralDays)? = slots.get(0), case let .teams(referralTeams)? = slots.get(1),
              case let .enquiries(byID)? = slots.get(2), case let .conferences(chains)? = slots.get(3),
              case let .teams(conferenceTeams)? = slots.get(4) else { preconditionFailure("every index is built") }
        self.referralTeams = referralTeams
        self.conferenceTeams = conferenceTeams
        enquiryIndexByID = byID
        conferenceChains = chains
        self.referralDays = referralDays
    }

    /// The contacts the exception lists read: those that may go on a list (`ExceptionFinder.mayList`)
    /// when the contacts were folded, else all of them.
    public var contactsForLists: [Contact] { contactFold?.kept.listCandidates ?? contacts }

    /// The audits the exception lists read: those that may go on a list (`ExceptionFinder.mayList`)
    /// when the audits were folded, else all of them.
    public var auditsForLists: [CaseAudit] { auditFold?.kept.listCandidates ?? audits }

    private enum Index: Sendable {
        case enquiries(EnquiryIndex)
        case conferences(ConferenceChains)
        case referrals(ReferralDays)
        case teams(TeamSlots)
    }

    /// Each enquiry's strategy date by s47_id (the first, should an id repeat: decoding rejects repeats).
    struct EnquiryIndex: Sendable {
        private let slots: IDSlots
        /// Each slot's strategy date.
        private let strategyDays: [Day]

        init(_ enquiries: [EnquiryFact]) {
            var slots = IDSlots(expectedCount: enquiries.count)
            var strategyDays: [Day] = []
            strategyDays.reserveCapacity(enquiries.count)
            for enquiry in enquiries where slots.insert(ExactText(enquiry.id)).inserted {
                strategyDays.append(enquiry.strategyDate)
            }
            self.slots = slots
            self.strategyDays = strategyDays
        }

        func strategyDay(of id: ExactText) -> Day? {
            slots.slot(of: id).map { strategyDays[$0] }
        }
    }

    /// Each child's conferences, kept flat like `ReferralDays`: a child's slot numbers its run of
    /// conference indexes (by date, then conference_id in code-point order) and its first plan day. A
    /// dictionary of arrays took 0.065-0.083 s at 1M children (an array per child, and a sort that
    /// copied two conferences for every comparison).
    struct ConferenceChains: Sendable {
        var slots = IDSlots(expectedCount: 0)
        /// Indexes into the conferences, each child's run in order.
        var chains = SlotRuns<Int32>()
        /// Each slot's earliest initial or transfer-in conference with outcome plan.
        var firstPlan: [Day?] = []

        /// `earlier`: the first plans of conferences folded away, by the child's conference that was kept.
        init(_ conferences: [ChildProtectionConference], earlier: [ConferencesKept.Earlier] = []) {
            var entries: [(slot: Int, value: Int32)] = []
            entries.reserveCapacity(conferences.count)
            slots = IDSlots(expectedCount: conferences.count / 2)
            conferences.withUnsafeBufferPointer { conferences in
                // Each conference's child slot (a new child gets the next one), and the first plans.
                for i in conferences.indices {
                    let (slot, inserted) = slots.insert(ExactText(conferences[i].childID))
                    if inserted { firstPlan.append(nil) }
                    entries.append((slot, Int32(i)))
                    if ChildProtectionConference.madePlan(type: conferences[i].type, outcome: conferences[i].outcome) {
                        let day = conferences[i].date
                        firstPlan[slot] = min(firstPlan[slot] ?? day, day)
                    }
                }
                for entry in earlier {
                    guard let day = entry.firstPlan,
                          let slot = slots.slot(of: ExactText(conferences[Int(entry.index)].childID)) else { continue }
                    firstPlan[slot] = min(firstPlan[slot] ?? day, day)
                }
                // Each slot's conferences in one run (in file order), then each run sorted.
                chains = SlotRuns(slotCount: firstPlan.count, entries: entries, filler: 0)
                chains.sortEachRun { a, b in
                    let x = Int(a), y = Int(b)
                    return conferences[x].date != conferences[y].date ? conferences[x].date < conferences[y].date
                        : CodePoint.less(conferences[x].id, conferences[y].id)
                }
            }
        }

        /// The child's slot, nil when they have no conference.
        func slot(ofChild child: ExactText) -> Int? {
            slots.slot(of: child)
        }
    }

    /// Each referral's previous referral: the latest referral day of the same child strictly before its
    /// own, kept by the referral's index, so that re_referrals_12m reads one number per referral.
    /// (Looking each referral's child up again in the compute stage, and searching its days there, took
    /// 2.4 % of all CPU samples at 1M children, most of it waiting on the table's cache misses.)
    struct ReferralDays: Sendable {
        /// Referral index → the previous referral day (nil when it is its child's first): four bytes each.
        private var previous: [PackedDay] = []

        init(_ referrals: [ReferralFact]) {
            previous = Array(repeating: PackedDay(wrappedValue: nil), count: referrals.count)
            guard !referrals.isEmpty else { return }
            // Each referral's child slot (a new child gets the next one), day and index. Sized for the
            // sample exports: at 1M children the referrals a run keeps are of 35 % of the children.
            var slots = IDSlots(expectedCount: referrals.count)
            var entries: [(slot: Int, value: Referral)] = []
            entries.reserveCapacity(referrals.count)
            referrals.withUnsafeBufferPointer { referrals in
                for index in referrals.indices {
                    let (slot, _) = slots.insert(ExactText(referrals[index].childID))
                    entries.append((slot, Referral(day: referrals[index].day, index: Int32(index))))
                }
            }
            // Each child's referrals in one run, by day; within a run, every referral's previous day is
            // the last day before its own (referrals on the same day share it).
            var runs = SlotRuns(slotCount: slots.count, entries: entries,
                                filler: Referral(day: Day(daysSinceEpoch: 0), index: 0))
            runs.sortEachRun { $0.day < $1.day }
            previous.withUnsafeMutableBufferPointer { previous in
                runs.forEachRun { run in
                    guard run.count > 1 else { return }
                    var before: Day?, current = run[run.startIndex].day
                    for referral in run {
                        if referral.day != current { (before, current) = (current, referral.day) }
                        previous[Int(referral.index)] = PackedDay(wrappedValue: before)
                    }
                }
            }
        }

        /// The latest referral day of the referral's child strictly before its own; nil when there is none.
        @inline(__always)
        func previousDay(ofReferral index: Int) -> Day? {
            previous[index].wrappedValue
        }

        struct Referral: Sendable {
            let day: Day
            let index: Int32
        }
    }

    /// The enquiry an initial conference followed, when its s47_id is recorded and found (its id is the
    /// conference's s47_id, exactly).
    public func enquiry(for conference: ChildProtectionConference) -> EnquiryFact? {
        guard let id = conference.s47ID, let day = enquiryIndexByID.strategyDay(of: ExactText(id)) else { return nil }
        return EnquiryFact(id: id, strategyDate: day)
    }

    /// The child's conference with the latest date strictly before `day`; ties on that date go to the
    /// greatest conference_id in code-point order (SPEC §4 rcpc_on_time). When the conferences were folded as decoded,
    /// for days from the first of the periods on (before it, only each child's latest was kept).
    public func latestConference(ofChild child: String, before day: Day) -> ChildProtectionConference? {
        guard let slot = conferenceChains.slot(ofChild: ExactText(child)) else { return nil }
        return latest(in: conferenceChains.chains[slot], before: day)
    }

    /// The last conference of `chain` dated before `day`; only that one is copied out of the array.
    private func latest(in chain: ArraySlice<Int32>, before day: Day) -> ChildProtectionConference? {
        var found: Int?
        for index in chain {
            if conferences[Int(index)].date >= day { break }
            found = Int(index)
        }
        return found.map { conferences[$0] }
    }

    /// Each child's latest conference on or before `day` (same tie rule), for every child with one, in
    /// no particular order (each child's first appearance in the file): the exception lists sort what
    /// they keep, and looking each child up in code-point order took a third of their time at 1M children.
    public func forEachLatestConference(onOrBefore day: Day, _ body: (ChildProtectionConference) -> Void) {
        let end = day.adding(days: 1)
        for slot in 0..<conferenceChains.chains.slotCount {
            if let conference = latest(in: conferenceChains.chains[slot], before: end) { body(conference) }
        }
    }

    /// The child's latest conference on or before `day` (same tie rule).
    public func latestConference(ofChild child: String, onOrBefore day: Day) -> ChildProtectionConference? {
        latestConference(ofChild: child, before: day.adding(days: 1))
    }

    /// The latest referral day of the same child strictly before the day of the referral at `index` in
    /// `referrals` (SPEC §4 re_referrals_12m: a re-referral has one within the look-back); nil when the
    /// child has none before.
    public func previousReferralDay(ofReferral index: Int) -> Day? {
        referralDays.previousDay(ofReferral: index)
    }

    /// Whether the child had an initial or transfer-in conference with outcome plan strictly before `day`.
    public func hadPlan(ofChild child: String, before day: Day) -> Bool {
        guard let slot = conferenceChains.slot(ofChild: ExactText(child)),
              let first = conferenceChains.firstPlan[slot] else { return false }
        return first < day
    }
}
