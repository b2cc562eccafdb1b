/// A batch of contacts as the front-door KPIs read them (`KPIDefinition.readsContacts`): the contacts,
/// in place, and their teams as slots.
public struct ContactBatch {
    public let contacts: UnsafeBufferPointer<Contact>
    public let teams: TeamSlots

    public init(_ contacts: UnsafeBufferPointer<Contact>) {
        self.contacts = contacts
        teams = TeamSlots(contacts) { $0.teamName }
    }
}

/// A dated referral, as re_referrals_12m reads it (SPEC §4): the child, the referral date (referral_date,
/// else decision_date) and the team. 24 bytes, where the contact it comes from took 80 and more.
public struct ReferralFact: Sendable, Equatable {
    public let childID: String
    public let day: Day
    public let teamName: SharedName?

    public init(childID: String, day: Day, teamName: SharedName?) {
        self.childID = childID
        self.day = day
        self.teamName = teamName
    }

    /// The contact's referral, nil when it is not a dated referral (`Contact.referralDay`).
    @inline(__always)
    public init?(_ contact: UnsafePointer<Contact>) {
        guard let day = Contact.referralDay(at: contact) else { return nil }
        self.init(childID: contact.pointee.childID, day: day, teamName: contact.pointee.teamName)
    }

    /// Every dated referral among the contacts, in their order.
    public static func all(in contacts: [Contact]) -> [ReferralFact] {
        contacts.withUnsafeBufferPointer { buffer in
            buffer.indices.compactMap { ReferralFact(buffer.baseAddress! + $0) }
        }
    }
}

/// What a run keeps of contacts.csv, gathered a batch at a time as the contacts are decoded, so that the
/// contacts themselves are let go batch by batch and a run's memory does not grow with them (issue 6):
/// the counts of every KPI that reads contacts one at a time (`KPIDefinition.readsContacts`: all the
/// front-door KPIs but re_referrals_12m), each dated referral as a `ReferralFact` (for re_referrals_12m,
/// which compares a child's referrals with each other, in the link stage), and the contacts that may go on
/// an exception list (`ExceptionFinder.mayList`: undecided, or a MARF not received, in the window).
///
/// The counts are sums, so batches can be added in any grouping; a KPI's failure is the first one met
/// reading the batches in order, as reading all the contacts in one go meets it. The decoder keeps one
/// fold per part of the file and joins them in order (`merge`), as it joins the parts' findings.
public struct ContactFold: Sendable {
    public let kpis: [KPIDefinition]
    let context: KPIContext
    /// Each KPI's counts (in the order of `kpis`), and its first failure, after which it is not asked again.
    private var accumulators: [KPIAccumulator]
    private var failures: [CalendarError?]
    public private(set) var referrals: [ReferralFact] = []
    /// Contacts that may go on a list, in file order; a later part's lines are counted from its start
    /// until `merge` moves them on.
    public private(set) var listCandidates: [Contact] = []
    /// Contacts folded.
    public private(set) var count = 0

    public init(kpis: [KPIDefinition], context: KPIContext) {
        precondition(kpis.allSatisfy(\.readsContacts), "every KPI of a fold reads contacts one at a time")
        self.kpis = kpis
        self.context = context
        accumulators = kpis.map { _ in KPIAccumulator(periods: context.periods) }
        failures = kpis.map { _ in nil }
    }

    /// Adds a batch of contacts, read in place (they can be let go afterwards).
    public mutating func add(_ contacts: UnsafeBufferPointer<Contact>) {
        guard let base = contacts.baseAddress, !contacts.isEmpty else { return }
        count += contacts.count
        let batch = ContactBatch(contacts)
        // Every KPI over the batch while it is in the core's cache.
        for k in kpis.indices where failures[k] == nil {
            do throws(CalendarError) {
                try kpis[k].evaluate(batch, context, &accumulators[k])
            } catch {
                failures[k] = error
            }
        }
        let window = context.periods.window
        for index in contacts.indices {
            if let referral = ReferralFact(base + index) { referrals.append(referral) }
            if ExceptionFinder.mayList(base + index, window: window) { listCandidates.append(base[index]) }
        }
    }

    /// Adds the fold of the contacts after these (the next part of the file, or the next run of an
    /// array), whose lines are moved on by `lineOffset`.
    public mutating func merge(_ later: ContactFold, lineOffset: Int = 0) {
        precondition(kpis.map(\.id) == later.kpis.map(\.id), "the folds count the same KPIs")
        for k in kpis.indices where failures[k] == nil {
            if let failure = later.failures[k] {
                failures[k] = failure
            } else {
                accumulators[k].merge(later.accumulators[k])
            }
        }
        referrals += later.referrals
        listCandidates.reserveCapacity(listCandidates.count + later.listCandidates.count)
        for var contact in later.listCandidates {
            contact.line += lineOffset
            listCandidates.append(contact)
        }
        count += later.count
    }

    /// The counts of the KPI with this id, or its first failure; nil when the fold does not count it.
    public func result(of id: String) -> Result<KPIAccumulator, CalendarError>? {
        guard let k = kpis.firstIndex(where: { $0.id == id }) else { return nil }
        return failures[k].map { .failure($0) } ?? .success(accumulators[k])
    }
}
