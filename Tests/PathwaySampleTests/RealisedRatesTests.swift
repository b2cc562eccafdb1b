import PathwayCore
import Testing
@testable import PathwaySample

/// The default sample (5,000 children, seed 20260331, as-of 2026-03-31) realises the configured rates,
/// computed here directly from the decoded rows. Where truncation at as-of would bias a rate
/// (events not yet happened), only records old enough to be complete are used.
@Suite("Realised rates")
struct RealisedRatesTests {
    let rates = SampleRates.defaults
    let asOf = SampleFixture.asOf

    private func percent(_ part: Int, _ whole: Int) -> Double {
        whole == 0 ? .nan : 100 * Double(part) / Double(whole)
    }

    private func near(_ value: Double, _ expected: Double, _ tolerance: Double, _ what: String,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(abs(value - expected) <= tolerance,
                "\(what): realised \(value), configured \(expected) ± \(tolerance)", sourceLocation: sourceLocation)
    }

    private func wd(_ a: Day, _ b: Day) throws -> Int {
        try SampleFixture.calendar.workingDays(from: a, to: b).count
    }

    @Test("re-referrals within 12 months: 22% ± 3 of referrals in the window")
    func reReferrals() throws {
        let contacts = try SampleFixture.standard().contacts.records
        var byChild: [String: [Day]] = [:]
        for c in contacts { if let r = c.referralDay { byChild[c.childID, default: []].append(r) } }
        let windowStart = asOf.adding(Months(-12)).adding(days: 1)
        var population = 0, again = 0
        for c in contacts {
            guard let r = c.referralDay, r >= windowStart, r <= asOf else { continue }
            population += 1
            let earlier = r.adding(Months(-12))
            if byChild[c.childID]!.contains(where: { $0 >= earlier && $0 < r }) { again += 1 }
        }
        #expect(population > 800)
        near(percent(again, population), 100 * rates.reReferralWithin12Months, 3, "re-referral")
    }

    @Test("contacts: per child, sources, outcome split, decisions within 1 working day")
    func frontDoor() throws {
        let contacts = try SampleFixture.standard().contacts.records
        near(Double(contacts.count) / Double(SampleFixture.children), rates.contactsPerChild, 0.08, "contacts per child")

        let police = contacts.filter(\.isPolice).count
        near(percent(police, contacts.count), 29, 2, "police share")
        var bySource: [String: Int] = [:]
        for c in contacts { bySource[c.source, default: 0] += 1 }
        #expect(bySource.max(by: { $0.value < $1.value })?.key == "Police")
        #expect(bySource["Schools"]! > bySource["Hospital"]!)

        let decided = contacts.filter { $0.outcome != nil }
        let total = rates.outcomes.map(\.weight).reduce(0, +)
        for mix in rates.outcomes {
            let n = decided.filter { $0.outcome == mix.value }.count
            near(percent(n, decided.count), 100 * mix.weight / total, 2, "outcome \(mix.value.rawValue)")
        }
        #expect(decided.allSatisfy { $0.decisionDate != nil })

        // Contacts old enough for every decision to have been made.
        let mature = contacts.filter { $0.contactDate <= asOf.adding(days: -40) }
        #expect(mature.allSatisfy { $0.decisionDate != nil })
        let quick = try mature.filter { try wd($0.contactDate, $0.decisionDate!) <= 1 }.count
        near(percent(quick, mature.count), 100 * rates.decisionWithinOneWorkingDay, 2, "decision within 1 WD")

        let referrals = contacts.filter { $0.outcome == .referral }
        let dated = referrals.filter { $0.referralDate != nil }.count
        near(percent(dated, referrals.count), 100 * rates.referralDateRecorded, 3, "referral_date recorded")
    }

    @Test("MARF: recorded, arrived as MARF, advised, follow-up within 5 working days")
    func marf() throws {
        let contacts = try SampleFixture.standard().contacts.records
        let professional = Set(rates.sources.filter(\.value.isProfessional).map(\.value.label))
        near(percent(contacts.filter { $0.marf != nil }.count, contacts.count), 100 * rates.marfRecorded, 2, "marf recorded")
        let recordedProfessional = contacts.filter { $0.marf != nil && professional.contains($0.source) }
        near(percent(recordedProfessional.filter { $0.marf == true }.count, recordedProfessional.count),
             100 * rates.marfYes, 3, "marf yes (professional)")
        #expect(contacts.allSatisfy { professional.contains($0.source) || $0.marf != true })

        let notMarf = contacts.filter { professional.contains($0.source) && $0.marf != true }
        near(percent(notMarf.filter { $0.marfRequestedDate != nil }.count, notMarf.count), 100 * rates.marfAdvised, 3,
             "MARF advised")

        let requests = contacts.filter { ($0.marfRequestedDate ?? asOf) <= asOf.adding(days: -60) }
        let arrived = requests.filter { $0.marfReceivedDate != nil }
        near(percent(arrived.count, requests.count), 100 * rates.marfArrives, 4, "MARF arrives")
        let timely = try requests.filter { c in
            guard let received = c.marfReceivedDate else { return false }
            return try wd(c.marfRequestedDate!, received) <= 5
        }.count
        near(percent(timely, requests.count), 100 * rates.marfArrives * rates.marfWithinFiveWorkingDays, 4,
             "MARF within 5 WD")
    }

    @Test("police notifications: incident recorded and notified within 1 calendar day")
    func police() throws {
        let police = try SampleFixture.standard().contacts.records.filter(\.isPolice)
        let withIncident = police.filter { $0.policeIncidentDate != nil }
        near(percent(withIncident.count, police.count), 100 * rates.policeIncidentRecorded, 2, "incident recorded")
        let timely = withIncident.filter { $0.policeIncidentDate!.days(to: $0.contactDate) <= 1 }.count
        near(percent(timely, withIncident.count), 100 * rates.policeNotificationTimely, 3, "police timely")
        #expect(withIncident.allSatisfy { $0.policeIncidentDate! <= $0.contactDate })
        #expect(police.contains { $0.contactDate.isWeekend })
    }

    @Test("S47: share of referrals, attendance by agency, outcomes")
    func enquiries() throws {
        let sample = try SampleFixture.standard()
        let enquiries = sample.enquiries.records
        let linked = Set(enquiries.compactMap(\.contactID))
        let matureReferrals = sample.contacts.records.filter {
            $0.outcome == .referral && $0.referralDay! <= asOf.adding(days: -30)
        }
        // A few referrals come while an enquiry or plan of the child is open and start none.
        near(percent(matureReferrals.filter { linked.contains($0.id) }.count, matureReferrals.count),
             100 * rates.section47PerReferral, 3, "S47 per referral")

        func attendance(_ value: KeyPath<Section47Enquiry, Bool?>, _ rate: Double, _ name: String) {
            let recorded = enquiries.filter { $0[keyPath: value] != nil }
            near(percent(recorded.count, enquiries.count), 100 * rates.attendanceRecorded, 3, "\(name) recorded")
            near(percent(recorded.filter { $0[keyPath: value] == true }.count, recorded.count), 100 * rate, 4, name)
        }
        attendance(\.policeAttended, rates.policeAttendance, "police attendance")
        attendance(\.healthAttended, rates.healthAttendance, "health attendance")
        attendance(\.educationAttended, rates.educationAttendance, "education attendance")

        let concluded = enquiries.filter { $0.strategyDate <= asOf.adding(days: -90) }
        #expect(concluded.allSatisfy { $0.outcome != nil && $0.endDate != nil })
        let icpc = concluded.filter { $0.outcome == .icpc }.count
        near(percent(icpc, concluded.count), 100 * rates.section47ToICPC, 5, "S47 → ICPC")
        let cin = concluded.filter { $0.outcome == .cin }.count
        near(percent(cin, concluded.count - icpc), 100 * rates.section47ToCIN, 6, "CIN of the rest")
        #expect(enquiries.contains { $0.endDate == nil && $0.outcome == nil }, "some enquiries still open")
    }

    @Test("ICPCs: within 15 working days, to plan, categories, parents; transfer-ins")
    func conferences() throws {
        let sample = try SampleFixture.standard()
        let enquiries = Dictionary(uniqueKeysWithValues: sample.enquiries.records.map { ($0.id, $0) })
        let conferences = sample.conferences.records
        // ICPCs after an S47 (earlier plans before the history have none).
        let initials = conferences.filter { $0.type == .initial && $0.s47ID != nil }
        let mature = initials.filter { enquiries[$0.s47ID!]!.strategyDate <= asOf.adding(days: -90) }
        let within = try mature.filter { try wd(enquiries[$0.s47ID!]!.strategyDate, $0.date) <= 15 }.count
        near(percent(within, mature.count), 100 * rates.icpcWithin15WorkingDays, 6, "ICPC within 15 WD")
        near(percent(initials.filter { $0.outcome == .plan }.count, initials.count), 100 * rates.icpcToPlan, 5,
             "ICPC → plan")

        // Some ICPC timescales cross Christmas.
        #expect(mature.contains { c in
            let s = enquiries[c.s47ID!]!.strategyDate
            let christmas = Day(year: s.components.year, month: 12, day: 25)!
            return s < christmas && c.date > christmas
        })

        let plans = conferences.filter { $0.outcome == .plan }
        #expect(plans.allSatisfy { $0.category != nil })
        let neglect = plans.filter { $0.category == .neglect }.count
        near(percent(neglect, plans.count), 48, 7, "neglect share")

        let recorded = conferences.filter { $0.parentsParticipated != nil }
        near(percent(recorded.count, conferences.count), 100 * rates.parentsParticipationRecorded, 3, "parents recorded")
        near(percent(recorded.filter { $0.parentsParticipated == true }.count, recorded.count),
             100 * rates.parentsParticipated, 4, "parents participated")

        // First plans in the history that follow an earlier plan written before it.
        let start = asOf.adding(Months(-36)).adding(days: 1)
        var plansByChild: [String: [Day]] = [:]
        for c in conferences where c.madePlan { plansByChild[c.childID, default: []].append(c.date) }
        var firstInHistory = 0, withEarlier = 0
        for (_, days) in plansByChild {
            guard let first = days.filter({ $0 >= start }).min() else { continue }
            firstInHistory += 1
            if days.contains(where: { $0 < start }) { withEarlier += 1 }
            #expect(first >= start)
        }
        near(percent(withEarlier, firstInHistory), 100 * rates.previousPlanShare, 6, "previous plan")

        let transfers = conferences.filter { $0.type == .transferIn }
        #expect(transfers.count >= 5 && transfers.count <= 45)
        #expect(transfers.allSatisfy { $0.outcome == .plan && $0.s47ID == nil })
    }

    @Test("reviews: due 3 then 6 months after, mostly on time; plans end or continue")
    func reviews() throws {
        let conferences = try SampleFixture.standard().conferences.records
        var byChild: [String: [ChildProtectionConference]] = [:]
        for c in conferences { byChild[c.childID, default: []].append(c) }
        var reviews = 0, onTime = 0, firstReviews = 0, firstEnds = 0, laterReviews = 0, laterEnds = 0
        for (_, chain) in byChild {
            let sorted = chain.sorted { $0.date < $1.date }
            for (i, review) in sorted.enumerated() where review.type == .review {
                let previous = try #require(i > 0 ? sorted[i - 1] : nil)
                #expect(previous.leavesPlanOpen)
                reviews += 1
                if review.date <= previous.nextReviewDue { onTime += 1 }
                if previous.type == .review {
                    laterReviews += 1
                    if review.outcome == .end { laterEnds += 1 }
                } else {
                    firstReviews += 1
                    if review.outcome == .end { firstEnds += 1 }
                }
                #expect(review.outcome == .end || review.outcome == .continue)
            }
        }
        #expect(reviews > 200)
        near(percent(onTime, reviews), 100 * rates.reviewOnTime, 4, "reviews on time")
        near(percent(firstEnds, firstReviews), 100 * rates.planEndsAtFirstReview, 6, "plan ends at first review")
        near(percent(laterEnds, laterReviews), 100 * rates.planEndsAtLaterReview, 8, "plan ends at a later review")
    }

    @Test("audits: every month, grade mix, moderation, actions")
    func audits() throws {
        let audits = try SampleFixture.standard().audits.records
        var months: [YearMonth: Int] = [:]
        for a in audits { months[a.date.yearMonth, default: 0] += 1 }
        var month = asOf.adding(Months(-35)).yearMonth
        var counts: [Int] = []
        for _ in 0..<36 {
            counts.append(months[month] ?? 0)
            month = month.adding(Months(1))
        }
        #expect(counts.allSatisfy { $0 > 0 }, "\(counts)")
        let perMonth = Double(audits.count) / 36
        near(perMonth, rates.auditsPerMonthPer1000Children * Double(SampleFixture.children) / 1000, 5, "audits a month")

        let good = audits.filter { $0.grade.isGoodOrBetter }.count
        near(percent(good, audits.count), 46, 4, "good or better (auditor's grade)")
        near(percent(audits.filter { $0.grade == .inadequate }.count, audits.count), 12, 3, "inadequate")
        let moderated = audits.filter { $0.moderatedGrade != nil }
        near(percent(moderated.count, audits.count), 100 * rates.moderated, 4, "moderated")
        near(percent(moderated.filter { $0.moderatedGrade != $0.grade }.count, moderated.count),
             100 * rates.moderationDisagreement, 6, "moderation disagreement")

        near(percent(audits.filter { $0.actionsDueDate != nil }.count, audits.count), 100 * rates.actionsAgreed, 4,
             "actions agreed")
        let matured = audits.filter { ($0.actionsDueDate ?? asOf) <= asOf.adding(days: -60) }
        let onTime = matured.filter { a in a.actionsCompletedDate.map { $0 <= a.actionsDueDate! } ?? false }.count
        let late = matured.filter { a in a.actionsCompletedDate.map { $0 > a.actionsDueDate! } ?? false }.count
        near(percent(onTime, matured.count), 100 * rates.actionsOnTime, 5, "actions on time")
        near(percent(late, matured.count), 100 * rates.actionsCompletedLate, 4, "actions late")
        #expect(matured.contains { $0.actionsCompletedDate == nil }, "some actions outstanding")
    }
}
