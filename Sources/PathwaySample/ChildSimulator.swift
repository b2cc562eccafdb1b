import PathwayCore

/// Simulates one child at a time and streams their rows to the four tables: contacts (the referral
/// chain and other contacts, in date order), then for each referral perhaps a strategy discussion
/// and S47 enquiry, an ICPC and a chain of reviews, a transfer-in conference, and audits.
///
/// Only the current child's state is held (a handful of contact drafts and scratch rows). Each child
/// draws from its own random stream (the sample's seed and the child's number), so a child's rows
/// depend on nothing else; ids are numbered in the order rows are written.
struct ChildSimulator {
    private let world: SampleWorld
    private let rates: SampleRates
    private let s: SampleSlots
    private let contacts: SampleTable
    private let enquiries: SampleTable
    private let conferences: SampleTable
    private let audits: SampleTable
    private let gradeOrder = AuditGrade.allCases

    private var nextContact = 1
    private var nextEnquiry = 1
    private var nextConference = 1
    private var nextAudit = 1

    // The current child.
    private var random = SampleRandom(seed: 0, stream: 0)
    private var child = 0
    private var homeTeam = ""
    private var dateOfBirth = Day(daysSinceEpoch: 0)
    private var gender = ""
    private var ethnicity = ""
    private var disability: String?
    /// No new enquiry or transfer-in starts before this day (an enquiry, conference or plan is open).
    private var busyUntil = Day(daysSinceEpoch: 0)
    /// The child has had a plan in the data.
    private var hadPlan = false
    private var drafts: [ContactDraft] = []

    private var contactCells: [SampleCell]
    private var enquiryCells: [SampleCell]
    private var conferenceCells: [SampleCell]
    private var auditCells: [SampleCell]

    init(world: SampleWorld, contacts: SampleTable, enquiries: SampleTable, conferences: SampleTable,
         audits: SampleTable) {
        self.world = world
        rates = world.rates
        s = world.slots
        self.contacts = contacts
        self.enquiries = enquiries
        self.conferences = conferences
        self.audits = audits
        contactCells = Array(repeating: .blank, count: world.slots.contactCount)
        enquiryCells = Array(repeating: .blank, count: world.slots.enquiryCount)
        conferenceCells = Array(repeating: .blank, count: world.slots.conferenceCount)
        auditCells = Array(repeating: .blank, count: world.slots.auditCount)
        drafts.reserveCapacity(64)
    }

    mutating func simulate(child: Int) {
        random = SampleRandom(seed: world.parameters.seed, stream: UInt64(child))
        self.child = child
        homeTeam = world.teams.pick(&random)
        let referred = random.chance(world.referredShare)
        drafts.removeAll(keepingCapacity: true)
        if referred { referralChain() }
        let others = random.geometric(mean: world.otherContactsMean) + (referred ? 0 : 1)
        for _ in 0..<others { drafts.append(draft(offset: world.chain.profileOffset(&random), isReferral: false)) }
        sortDrafts()

        dateOfBirth = drafts[0].date.adding(days: -random.int(0...6574))
        gender = world.genders.pick(&random)
        ethnicity = world.ethnicities.pick(&random)
        let u = random.unit()
        disability = u < 0.08 ? "Yes" : (u < 0.98 ? "No" : nil)

        busyUntil = world.historyStart
        hadPlan = false
        var transfer: Day? = random.chance(rates.transferInPerChild)
            ? world.workingDayNear(world.historyStart.adding(days: random.int(0...(world.historyDays - 1)))) : nil
        for i in drafts.indices {
            if let day = transfer, day <= drafts[i].date {
                transferIn(day)
                transfer = nil
            }
            contact(drafts[i])
        }
        if let day = transfer { transferIn(day) }
        if referred {
            for _ in 0..<random.geometric(mean: world.auditsPerReferredChild) { audit() }
        }
    }

    // MARK: - Contacts

    /// The child's referrals inside the history (at least one; see ReferralChainModel).
    private mutating func referralChain() {
        let p = rates.reReferralWithin12Months, q = rates.laterReferral
        let burnIn = ReferralChainModel.burnIn
        for _ in 0..<10_000 {
            var offset = random.int(0...(burnIn + world.historyDays - 1)) - burnIn
            while offset < world.historyDays {
                if offset >= 0 { drafts.append(draft(offset: offset, isReferral: true)) }
                let u = random.unit()
                if u < p {
                    offset += random.int(ReferralChainModel.soonGap)
                } else if u < p + q {
                    offset += random.int(ReferralChainModel.laterGap)
                } else {
                    break
                }
            }
            if !drafts.isEmpty { return }
        }
        drafts.append(draft(offset: random.int(0...(world.historyDays - 1)), isReferral: true))
    }

    /// Police contacts come on any day; others on working days.
    private mutating func draft(offset: Int, isReferral: Bool) -> ContactDraft {
        let source = world.sources.index(&random)
        var date = world.historyStart.adding(days: offset)
        if !world.sourceIsPolice[source] { date = world.workingDayNear(date) }
        return ContactDraft(date: date, source: source, isReferral: isReferral)
    }

    /// Insertion sort by date, stable (a child has few contacts).
    private mutating func sortDrafts() {
        guard drafts.count > 1 else { return }
        for i in 1..<drafts.count {
            let item = drafts[i]
            var j = i - 1
            while j >= 0, drafts[j].date > item.date {
                drafts[j + 1] = drafts[j]
                j -= 1
            }
            drafts[j + 1] = item
        }
    }

    private mutating func team(_ name: String) -> SampleCell {
        random.chance(rates.teamNotRecorded) ? .blank : .text(name)
    }

    private mutating func contact(_ draft: ContactDraft) {
        let id = nextContact
        nextContact += 1
        let source = world.sources.values[draft.source]
        let date = draft.date
        let asOf = world.asOf

        let days = random.chance(rates.decisionWithinOneWorkingDay)
            ? (random.chance(rates.sameDayDecision) ? 0 : 1)
            : random.int(2...rates.lateDecisionMaxWorkingDays)
        var decision = world.index.adding(days, to: date)
        if let day = decision, day > asOf { decision = nil }
        let outcome: ContactOutcome? = decision == nil
            ? nil : (draft.isReferral ? .referral : world.otherOutcomes.pick(&random))

        var marf: Bool?
        if random.chance(rates.marfRecorded) { marf = source.isProfessional && random.chance(rates.marfYes) }
        var requested: Day?, received: Day?
        if source.isProfessional, marf != true, random.chance(rates.marfAdvised) {
            requested = date
            if random.chance(rates.marfArrives) {
                let wait = random.chance(rates.marfWithinFiveWorkingDays)
                    ? random.int(0...5) : random.int(6...rates.marfLateMaxWorkingDays)
                if let day = world.index.adding(wait, to: date), day <= asOf { received = day }
            }
        }
        var incident: Day?
        if world.sourceIsPolice[draft.source], random.chance(rates.policeIncidentRecorded) {
            let lag = random.chance(rates.policeNotificationTimely) ? random.int(0...1) : random.int(2...rates.policeLateMaxDays)
            incident = date.adding(days: -lag)
        }
        let referralDate = outcome == .referral && random.chance(rates.referralDateRecorded) ? decision : nil

        for i in contactCells.indices { contactCells[i] = .blank }
        contactCells[s.contactID] = .id(.contact, id)
        contactCells[s.contactChild] = .id(.child, child)
        contactCells[s.contactDate] = .day(date)
        contactCells[s.source] = .text(source.label)
        if let marf { contactCells[s.marf] = .flag(marf) }
        if let requested { contactCells[s.marfRequested] = .day(requested) }
        if let received { contactCells[s.marfReceived] = .day(received) }
        if let incident { contactCells[s.policeIncident] = .day(incident) }
        if let decision { contactCells[s.decision] = .day(decision) }
        if let outcome { contactCells[s.contactOutcome] = .code(outcome.rawValue) }
        if let referralDate { contactCells[s.referralDate] = .day(referralDate) }
        contactCells[s.contactTeam] = team(outcome == .referral ? homeTeam : rates.frontDoorTeam)
        contactCells[s.dateOfBirth] = .day(dateOfBirth)
        contactCells[s.gender] = .text(gender)
        contactCells[s.ethnicity] = .text(ethnicity)
        if let disability { contactCells[s.disability] = .text(disability) }
        contacts.write(&contactCells)

        if outcome == .referral, let decision { enquiry(contact: id, referral: decision) }
    }

    // MARK: - Strategy discussions and S47 enquiries

    private mutating func attendance(_ rate: Double) -> SampleCell {
        random.chance(rates.attendanceRecorded) ? .flag(random.chance(rate)) : .blank
    }

    private mutating func enquiry(contact: Int, referral: Day) {
        guard random.chance(rates.section47PerReferral), referral >= busyUntil,
              let start = world.index.onOrAfter(referral),
              let strategy = world.index.adding(random.int(0...4), to: start), strategy <= world.asOf
        else { return }
        let id = nextEnquiry
        nextEnquiry += 1
        let outcome: Section47Outcome = random.chance(rates.section47ToICPC)
            ? .icpc : (random.chance(rates.section47ToCIN) ? .cin : .nfa)
        var conferenceDate: Day?
        let end: Day?
        if outcome == .icpc {
            let days = random.chance(rates.icpcWithin15WorkingDays) ? random.int(5...15) : random.int(16...35)
            conferenceDate = world.index.adding(days, to: strategy)
            end = world.index.adding(max(1, days - random.int(1...4)), to: strategy)
        } else {
            end = world.index.adding(random.int(5...40), to: strategy)
        }
        let ended: Day? = end.flatMap { $0 <= world.asOf ? $0 : nil }

        for i in enquiryCells.indices { enquiryCells[i] = .blank }
        enquiryCells[s.enquiryID] = .id(.enquiry, id)
        enquiryCells[s.enquiryChild] = .id(.child, child)
        enquiryCells[s.enquiryContact] = .id(.contact, contact)
        enquiryCells[s.strategyDate] = .day(strategy)
        enquiryCells[s.policeAttended] = attendance(rates.policeAttendance)
        enquiryCells[s.healthAttended] = attendance(rates.healthAttendance)
        enquiryCells[s.educationAttended] = attendance(rates.educationAttendance)
        if let ended {
            enquiryCells[s.enquiryEnd] = .day(ended)
            enquiryCells[s.enquiryOutcome] = .code(outcome.rawValue)
        }
        enquiryCells[s.enquiryTeam] = team(homeTeam)
        enquiries.write(&enquiryCells)

        guard let ended else {
            busyUntil = world.farFuture
            return
        }
        busyUntil = ended
        if outcome == .icpc {
            if let day = conferenceDate, day <= world.asOf {
                initialConference(day, enquiry: id)
            } else {
                busyUntil = world.farFuture
            }
        }
    }

    // MARK: - Conferences

    private mutating func parents() -> SampleCell {
        random.chance(rates.parentsParticipationRecorded) ? .flag(random.chance(rates.parentsParticipated)) : .blank
    }

    private mutating func conference(_ type: ConferenceType, _ date: Day, enquiry: Int?, outcome: ConferenceOutcome,
                                     category: AbuseCategory?) {
        let id = nextConference
        nextConference += 1
        for i in conferenceCells.indices { conferenceCells[i] = .blank }
        conferenceCells[s.conferenceID] = .id(.conference, id)
        conferenceCells[s.conferenceChild] = .id(.child, child)
        conferenceCells[s.conferenceType] = .code(type.rawValue)
        conferenceCells[s.conferenceDate] = .day(date)
        if let enquiry { conferenceCells[s.conferenceEnquiry] = .id(.enquiry, enquiry) }
        conferenceCells[s.conferenceOutcome] = .code(outcome.rawValue)
        if let category { conferenceCells[s.category] = .code(category.rawValue) }
        conferenceCells[s.parents] = parents()
        conferenceCells[s.conferenceTeam] = team(homeTeam)
        conferences.write(&conferenceCells)
    }

    private mutating func initialConference(_ date: Day, enquiry: Int) {
        let plan = random.chance(rates.icpcToPlan)
        if plan { firstPlan() }
        conference(.initial, date, enquiry: enquiry, outcome: plan ? .plan : .noPlan,
                   category: plan ? world.categories.pick(&random) : nil)
        busyUntil = date
        if plan { reviews(after: date) }
    }

    private mutating func transferIn(_ date: Day) {
        guard date >= busyUntil else { return }
        firstPlan()
        conference(.transferIn, date, enquiry: nil, outcome: .plan, category: world.categories.pick(&random))
        busyUntil = date
        reviews(after: date)
    }

    /// Before the child's first plan in the data, perhaps an earlier plan (previousPlanShare) that
    /// ended before the history: its initial conference (no s47_id) and 1...3 reviews, the last
    /// ending it, on working days that the calendar covers.
    private mutating func firstPlan() {
        guard !hadPlan else { return }
        hadPlan = true
        guard random.chance(rates.previousPlanShare) else { return }
        let reviews = random.int(1...3)
        let ended = world.historyStart.adding(days: -random.int(30...700))
        let months = 3 + 6 * (reviews - 1)
        guard ended.adding(Months(-months)).adding(days: -7) >= world.index.start,
              let start = world.index.onOrBefore(ended.adding(Months(-months))) else { return }
        conference(.initial, start, enquiry: nil, outcome: .plan, category: world.categories.pick(&random))
        var previous = start
        for review in 1...reviews {
            let due = previous.adding(review == 1 ? ChildProtectionConference.firstReviewInterval
                                                  : ChildProtectionConference.reviewInterval)
            guard let date = world.index.onOrBefore(due.adding(days: -random.int(0...14))) else { return }
            conference(.review, date, enquiry: nil, outcome: review == reviews ? .end : .continue, category: nil)
            previous = date
        }
    }

    /// Reviews due 3 months after the plan and then every 6 months, until one ends the plan or the
    /// next would be after as-of (the plan is then open).
    private mutating func reviews(after start: Day) {
        var previous = start
        var first = true
        while true {
            let due = previous.adding(first ? ChildProtectionConference.firstReviewInterval
                                            : ChildProtectionConference.reviewInterval)
            let date = random.chance(rates.reviewOnTime)
                ? world.index.onOrBefore(due.adding(days: -random.int(0...21)))
                : world.index.onOrAfter(due.adding(days: random.int(1...45)))
            guard let date, date <= world.asOf else {
                busyUntil = world.farFuture
                return
            }
            let ends = random.chance(first ? rates.planEndsAtFirstReview : rates.planEndsAtLaterReview)
            conference(.review, date, enquiry: nil, outcome: ends ? .end : .continue, category: nil)
            if ends {
                busyUntil = date
                return
            }
            previous = date
            first = false
        }
    }

    // MARK: - Audits

    private mutating func neighbour(_ grade: AuditGrade) -> AuditGrade {
        let i = gradeOrder.firstIndex(of: grade)!
        if i == 0 { return gradeOrder[1] }
        if i == gradeOrder.count - 1 { return gradeOrder[i - 1] }
        return gradeOrder[random.chance(0.5) ? i - 1 : i + 1]
    }

    private mutating func audit() {
        let id = nextAudit
        nextAudit += 1
        let asOf = world.asOf
        let date = world.workingDayNear(world.historyStart.adding(days: random.int(0...(world.historyDays - 1))))
        let grade = world.grades.pick(&random)
        var moderated: AuditGrade?
        if random.chance(rates.moderated) {
            moderated = random.chance(rates.moderationDisagreement) ? neighbour(grade) : grade
        }
        var due: Day?, completed: Day?
        if random.chance(rates.actionsAgreed) {
            let target = min(asOf, world.workingDayNear(date.adding(days: random.int(14...56))))
            due = target
            let u = random.unit()
            if u < rates.actionsOnTime {
                completed = date.adding(days: random.int(0...max(0, date.days(to: target))))
            } else if u < rates.actionsOnTime + rates.actionsCompletedLate {
                let day = target.adding(days: random.int(1...42))
                if day <= asOf { completed = day }
            }
        }

        for i in auditCells.indices { auditCells[i] = .blank }
        auditCells[s.auditID] = .id(.audit, id)
        auditCells[s.auditChild] = .id(.child, child)
        auditCells[s.auditDate] = .day(date)
        auditCells[s.grade] = .code(grade.rawValue)
        if let moderated { auditCells[s.moderatedGrade] = .code(moderated.rawValue) }
        if let due { auditCells[s.actionsDue] = .day(due) }
        if let completed { auditCells[s.actionsCompleted] = .day(completed) }
        auditCells[s.auditTeam] = team(homeTeam)
        auditCells[s.auditor] = .text(world.auditors.pick(&random))
        auditCells[s.auditType] = .text(world.auditTypes.pick(&random))
        for i in rates.auditDomains.indices where !random.chance(0.05) {
            let domain = random.chance(0.3) ? neighbour(grade) : grade
            auditCells[s.domain(i)] = .code(domain.rawValue)
        }
        audits.write(&auditCells)
    }
}
