import PathwayTestSupport
import Testing
@testable import PathwayCore

/// Properties of every KPI on random records (seeded, so failures reproduce), and a differential check
/// against a deliberately naive re-implementation of SPEC §3 and §4 written from the spec text.
@Suite struct KPIPropertyTests {
    static let asOfs = ["2026-03-31", "2025-12-31", "2026-02-28", "2024-02-29", "2025-06-15", "2026-01-01",
                        "2025-02-28", "2026-07-31"]
    static let monthEnds = ["2026-03-31", "2025-12-31", "2026-02-28", "2024-02-29", "2026-07-31", "2025-09-30"]

    struct Run: Sendable, CustomTestStringConvertible {
        let asOf: String
        let seed: UInt64
        var testDescription: String { "as_of \(asOf), seed \(seed)" }
    }

    static let runs: [Run] = asOfs.flatMap { asOf in (1...4).map { Run(asOf: asOf, seed: UInt64($0) &* 7919) } }

    // MARK: - Properties

    @Test(arguments: runs)
    func numeratorWithinDenominator(_ run: Run) throws {
        let cases = RandomCases.make(seed: run.seed)
        let results = try KPIEngine().compute(cases, context: TestCalendar.context(asOf: run.asOf))
        #expect(results.count == 25)
        for result in results {
            let tallies = [result.headline] + result.monthly.map(\.tally) + result.byTeam.map(\.tally)
            for tally in tallies {
                #expect(tally.numerator >= 0 && tally.excluded >= 0 && tally.count >= 0, "\(result.id)")
                #expect(tally.numerator <= tally.denominator, "\(result.id)")
                if result.kind == .count {
                    #expect(tally.numerator == 0 && tally.denominator == 0 && tally.excluded == 0, "\(result.id)")
                } else {
                    #expect(tally.count == 0, "\(result.id)")
                }
            }
            #expect(result.monthly.count == 12, "\(result.id)")
            // Teams: unique, code-point order, none empty, summing to the headline (both are over the window).
            let names = result.byTeam.map(\.team)
            #expect(names == names.sorted { Self.codePointLess($0, $1) } && Set(names).count == names.count)
            #expect(result.byTeam.allSatisfy { $0.tally != Tally() }, "\(result.id)")
            #expect(Self.sum(result.byTeam.map(\.tally)) == result.headline, "\(result.id)")
        }
    }

    /// At a month end the window is the 12 months, so the headline is the sum of the months.
    @Test(arguments: monthEnds.flatMap { asOf in (1...3).map { Run(asOf: asOf, seed: UInt64($0) &* 104_729) } })
    func headlineIsSumOfMonthsAtMonthEnd(_ run: Run) throws {
        let cases = RandomCases.make(seed: run.seed)
        for result in try KPIEngine().compute(cases, context: TestCalendar.context(asOf: run.asOf)) {
            #expect(Self.sum(result.monthly.map(\.tally)) == result.headline, "\(result.id)")
        }
    }

    /// Records in any order give the same figures.
    @Test(arguments: [Run(asOf: "2026-03-31", seed: 11), Run(asOf: "2025-06-15", seed: 12)])
    func orderIndependent(_ run: Run) throws {
        let cases = RandomCases.make(seed: run.seed)
        let reversed = LinkedCases(contacts: cases.contacts.reversed(), enquiries: cases.enquiries.reversed(),
                                   conferences: cases.conferences.reversed(), audits: cases.audits.reversed())
        let context = TestCalendar.context(asOf: run.asOf)
        let a = try KPIEngine().compute(cases, context: context)
        let b = try KPIEngine().compute(reversed, context: context)
        for (x, y) in zip(a, b) {
            #expect(x.headline == y.headline && x.monthly == y.monthly && x.byTeam == y.byTeam, "\(x.id)")
        }
    }

    /// The KPIs that count each contact, S47 enquiry or audit on its own fields are folded a batch of
    /// records at a time (`RecordFold`, with the contacts shared out between cores): any batch size gives
    /// what each KPI gives reading all the records in one go.
    @Test(arguments: [Run(asOf: "2026-03-31", seed: 21), Run(asOf: "2025-06-15", seed: 22), Run(asOf: "2024-02-29", seed: 23)])
    func blockSizeDoesNotChangeCounts(_ run: Run) throws {
        let cases = RandomCases.make(seed: run.seed)
        let context = TestCalendar.context(asOf: run.asOf)
        let single = KPIEngine()
        let expected = try KPICatalogue.all.sorted { $0.id < $1.id }.map { try single.compute($0, cases, context: context) }
        #expect(KPICatalogue.all.filter { $0.eachRowOf == .contacts }.map(\.id).sorted() == [
            "contact_decision_1wd", "contact_to_early_help", "contact_to_referral", "contacts", "contacts_marf",
            "marf_follow_up_5wd", "police_notification_timely", "referrals",
        ])
        #expect(KPICatalogue.all.filter { $0.eachRowOf == .s47Enquiries }.map(\.id).sorted() == [
            "s47_enquiries", "s47_to_icpc", "strategy_education_attendance", "strategy_health_attendance",
            "strategy_police_attendance",
        ])
        #expect(KPICatalogue.all.filter { $0.eachRowOf == .audits }.map(\.id).sorted() == [
            "audit_actions_on_time", "audit_moderation_agreement", "audits", "audits_good_or_better", "audits_inadequate",
        ])
        #expect(KPICatalogue.all.filter { $0.eachRowOf == .conferences }.isEmpty)
        for size in [1, 2, 7, 64, 219, 220, 5_000] {
            let results = try KPIEngine(contactsPerBlock: size).compute(cases, context: context)
            #expect(results.map(\.id) == expected.map(\.id))
            for (x, y) in zip(results, expected) {
                #expect(x.headline == y.headline && x.monthly == y.monthly && x.byTeam == y.byTeam && x.rag == y.rag,
                        "\(x.id), \(size) records a block")
            }
        }
    }

    /// Every KPI's headline, 12 months and teams equal a naive reading of SPEC §4.
    @Test(arguments: runs)
    func agreesWithNaiveSpecReading(_ run: Run) throws {
        let cases = RandomCases.make(seed: run.seed)
        let asOf = d(run.asOf)
        let results = try KPIEngine().compute(cases, context: TestCalendar.context(asOf: run.asOf))
        let oracle = SpecOracle(cases: cases, asOf: asOf)
        for result in results {
            let expected = oracle.evaluate(result.id)
            #expect(result.headline == expected.headline, "\(result.id) headline")
            #expect(result.monthly.map(\.tally) == expected.monthly, "\(result.id) monthly")
            #expect(result.byTeam.map(\.team) == expected.teams.map(\.0), "\(result.id) teams")
            #expect(result.byTeam.map(\.tally) == expected.teams.map(\.1), "\(result.id) team tallies")
            if result.kind == .rate {
                #expect(result.value == OneDecimal.percentage(expected.headline.numerator,
                                                              of: expected.headline.denominator), "\(result.id)")
            }
        }
    }

    /// A run keeps only the contacts `ContactHorizon` keeps (the decoder lets the others go): every
    /// KPI's headline, months and teams, and every list, must be what all the contacts give.
    @Test(arguments: runs)
    func keptContactsGiveTheSameFigures(_ run: Run) throws {
        let cases = RandomCases.make(seed: run.seed)
        let context = TestCalendar.context(asOf: run.asOf)
        let horizon = ContactHorizon(periods: context.periods)
        let kept = LinkedCases(contacts: cases.contacts.filter { horizon.keeps($0) }, enquiries: cases.enquiries,
                               conferences: cases.conferences, audits: cases.audits)
        try Self.expectSameFigures(kept, as: cases, context: context)
    }

    /// Every KPI's headline, months, teams and RAG, and every exception list, the same from `some` as
    /// from `all`.
    static func expectSameFigures(_ some: LinkedCases, as all: LinkedCases, context: KPIContext,
                                  sourceLocation: SourceLocation = #_sourceLocation) throws {
        let x = try KPIEngine().compute(some, context: context), y = try KPIEngine().compute(all, context: context)
        #expect(x.map(\.id) == y.map(\.id), sourceLocation: sourceLocation)
        for (a, b) in zip(x, y) {
            #expect(a.headline == b.headline && a.monthly == b.monthly && a.byTeam == b.byTeam && a.rag == b.rag,
                    "\(a.id)", sourceLocation: sourceLocation)
        }
        let listsOfSome = try ExceptionFinder.find(some, context: context)
        let listsOfAll = try ExceptionFinder.find(all, context: context)
        #expect(listsOfSome.awaitingDecision == listsOfAll.awaitingDecision, sourceLocation: sourceLocation)
        #expect(listsOfSome.outstandingMARFs == listsOfAll.outstandingMARFs, sourceLocation: sourceLocation)
        #expect(listsOfSome.lateICPCs == listsOfAll.lateICPCs, sourceLocation: sourceLocation)
        #expect(listsOfSome.reviewsDue == listsOfAll.reviewsDue, sourceLocation: sourceLocation)
        #expect(listsOfSome.overdueAuditActions == listsOfAll.overdueAuditActions, sourceLocation: sourceLocation)
    }

    /// The test above is not empty: at as_of 2026-03-31 (kept from 2025-04-01, referrals from 2024-04-01)
    /// the random contacts, dated from 2024-01-01 over 1,000 days, lose a share; some of those let go
    /// are dated referrals, and some kept contacts are dated before the window.
    @Test func horizonLetsSomeContactsGo() throws {
        let horizon = ContactHorizon(periods: TestCalendar.context(asOf: "2026-03-31").periods)
        #expect(horizon.from == d("2025-04-01") && horizon.referralsFrom == d("2024-04-01"))
        for seed in (1...4).map({ UInt64($0) &* 7919 }) {
            let contacts = RandomCases.make(seed: seed).contacts
            let dropped = contacts.filter { !horizon.keeps($0) }
            #expect(dropped.count > 20 && dropped.count < contacts.count - 20, "seed \(seed): \(dropped.count)")
            #expect(dropped.contains { $0.referralDay != nil }, "seed \(seed)")
            #expect(contacts.contains { horizon.keeps($0) && $0.contactDate < horizon.from }, "seed \(seed)")
        }
    }

    /// A run folds its conferences as they are decoded (`ConferencesKept`), keeping those of the periods
    /// and each child's latest earlier one and first plan: every KPI and every list (the two conference
    /// lists among them) must be what all the conferences give. The conferences are folded in two parts, joined, a few at a time.
    @Test(arguments: runs)
    func foldedConferencesGiveTheSameFigures(_ run: Run) throws {
        let cases = RandomCases.make(seed: run.seed)
        let context = TestCalendar.context(asOf: run.asOf)
        let folded = Self.folded(cases, context: context, cut: Int(run.seed % 97), batch: 1 + Int(run.seed % 5))
        try Self.expectSameFigures(folded, as: cases, context: context)
    }

    /// The cases with every file folded as a run folds them, the conferences in two parts (the first
    /// `cut` and the rest, each `batch` at a time) joined.
    static func folded(_ cases: LinkedCases, context: KPIContext, cut: Int, batch: Int) -> LinkedCases {
        let catalogue = KPIEngine().catalogue
        var contacts = ContactFold(catalogue: catalogue, context: context)
        var enquiries = EnquiryFold(catalogue: catalogue, context: context)
        var audits = AuditFold(catalogue: catalogue, context: context)
        contacts.add(cases.contacts)
        enquiries.add(cases.enquiries)
        audits.add(cases.audits)
        var first = ConferenceFold(catalogue: catalogue, context: context), second = first
        first.add(cases.conferences, rows: 0..<cut, batch: batch)
        second.add(cases.conferences, rows: cut..<cases.conferences.count, batch: batch)
        first.merge(second)
        return LinkedCases(contactFold: contacts, enquiryFold: enquiries, conferenceFold: first, auditFold: audits)
    }

    /// The test above is not empty: at as_of 2026-03-31 (periods from 2025-04-01) the random conferences,
    /// dated from 2024-01-01 over 1,000 days, lose a share; some children's first plan is among those let
    /// go, before a plan that is kept; and some children's latest earlier conference is the
    /// predecessor of a review in the periods.
    @Test func foldLetsSomeConferencesGo() throws {
        let context = TestCalendar.context(asOf: "2026-03-31")
        for seed in (1...4).map({ UInt64($0) &* 7919 }) {
            let cases = RandomCases.make(seed: seed)
            let folded = Self.folded(cases, context: context, cut: 40, batch: 3)
            let kept = folded.conferences, from = context.periods.scope.start
            #expect(kept.count < cases.conferences.count - 20, "seed \(seed): \(kept.count) kept")
            #expect(Set(kept.map(\.id)).isSubset(of: cases.conferences.map(\.id)), "seed \(seed)")
            let plansLetGo = cases.conferences.filter { c in c.madePlan && !kept.contains(c) }
            #expect(plansLetGo.contains { gone in
                kept.contains { $0.childID == gone.childID && $0.madePlan && $0.date >= from }
                    && !kept.contains { $0.childID == gone.childID && $0.madePlan && $0.date < from }
            }, "seed \(seed): a first plan known only by its day")
            #expect(kept.contains { r in
                r.type == .review && r.date >= from
                    && folded.latestConference(ofChild: r.childID, before: r.date).map { $0.date < from } == true
            }, "seed \(seed): a review whose predecessor is before the periods")
        }
    }

    /// The random data exercise every outcome (a guard against a generator that tests nothing).
    @Test func randomDataCoverEveryOutcome() throws {
        let cases = RandomCases.make(seed: 7919)
        let results = try KPIEngine().compute(cases, context: TestCalendar.context(asOf: "2026-03-31"))
        for result in results {
            if result.kind == .count {
                #expect(result.headline.count > 0, "\(result.id)")
            } else {
                #expect(result.headline.numerator > 0, "\(result.id) never met")
                #expect(result.headline.denominator > result.headline.numerator, "\(result.id) never not met")
            }
        }
        let excludes: Set<String> = ["contact_decision_1wd", "contacts_marf", "marf_follow_up_5wd",
                                     "police_notification_timely", "contact_to_referral", "contact_to_early_help",
                                     "strategy_police_attendance", "s47_to_icpc", "icpc_within_15wd",
                                     "icpc_to_plan", "rcpc_on_time", "conference_parent_participation",
                                     "audit_moderation_agreement", "audit_actions_on_time"]
        for result in results where excludes.contains(result.id) {
            #expect(result.headline.excluded > 0, "\(result.id) never excluded")
        }
    }

    static func sum(_ tallies: [Tally]) -> Tally {
        tallies.reduce(into: Tally()) { total, t in
            total.numerator += t.numerator
            total.denominator += t.denominator
            total.excluded += t.excluded
            total.count += t.count
        }
    }

    static func codePointLess(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.map(\.value).lexicographicallyPrecedes(b.unicodeScalars.map(\.value))
    }
}

// MARK: - Random records

private enum RandomCases {
    static let children = ["A", "B", "C", "D", "E", "F", "G", "H"]
    static let teams: [String?] = ["North", "South", "Équipe", "alpha", nil, "CPAT East"]
    static let start = d("2024-01-01")

    static func make(seed: UInt64) -> LinkedCases {
        var rng = SeededRandom(seed: seed)
        func date(_ r: inout SeededRandom) -> Day { start.adding(days: r.below(1_000)) }
        func maybe<T>(_ r: inout SeededRandom, _ percent: Int, _ make: (inout SeededRandom) -> T) -> T? {
            r.chance(percent, in: 100) ? make(&r) : nil
        }
        func yesNo(_ r: inout SeededRandom) -> Bool? { r.pick([nil, true, false, true]) }

        var contacts: [Contact] = []
        for i in 0..<220 {
            let contactDate = date(&rng)
            let decision = maybe(&rng, 75) { $0.chance(1, in: 10) ? contactDate.adding(days: -1 - $0.below(3))
                                                                   : contactDate.adding(days: $0.below(6)) }
            let requested = maybe(&rng, 35) { contactDate.adding(days: $0.below(3)) }
            let received = requested.flatMap { r in maybe(&rng, 65) { r.adding(days: $0.below(14) - 3) } }
            let police = rng.chance(40, in: 100)
            let incident = maybe(&rng, 60) { contactDate.adding(days: $0.below(7) - 4) }
            let outcome: ContactOutcome? = rng.pick([nil, .referral, .referral, .referral, .earlyHelp, .nfa, .advice,
                                                     .openCase, .other])
            let referralDate = maybe(&rng, 30) { r in (decision ?? contactDate).adding(days: r.below(3)) }
            contacts.append(Contact(id: "c\(i)", childID: rng.pick(children), contactDate: contactDate,
                                    source: police ? "Police" : "School", isPolice: police, marf: yesNo(&rng),
                                    marfRequestedDate: requested, marfReceivedDate: received,
                                    policeIncidentDate: incident, decisionDate: decision, outcome: outcome,
                                    referralDate: referralDate, team: rng.pick(teams), line: i + 2))
        }

        var enquiries: [Section47Enquiry] = []
        for i in 0..<90 {
            let strategy = date(&rng)
            enquiries.append(Section47Enquiry(
                id: "s\(i)", childID: rng.pick(children), contactID: nil, strategyDate: strategy,
                policeAttended: yesNo(&rng), healthAttended: yesNo(&rng), educationAttended: yesNo(&rng),
                endDate: maybe(&rng, 70) { strategy.adding(days: $0.below(50)) },
                outcome: rng.pick([nil, .icpc, .icpc, .cin, .nfa, .other]), team: rng.pick(teams), line: i + 2))
        }

        var conferences: [ChildProtectionConference] = []
        let idPrefixes = ["k", "K", "k-", "é", "k1"]
        var previousDate: [String: Day] = [:]
        for i in 0..<160 {
            let child = rng.pick(children)
            let type: ConferenceType = rng.pick([.initial, .initial, .review, .review, .review, .transferIn])
            // Chains: often 3 or 6 months (± a few days) after the child's previous conference, sometimes the same day.
            let conferenceDate: Day
            if let previous = previousDate[child], rng.chance(70, in: 100) {
                conferenceDate = rng.chance(1, in: 8) ? previous
                    : previous.adding(Months(rng.pick([3, 6]))).adding(days: rng.below(9) - 4)
            } else {
                conferenceDate = date(&rng)
            }
            previousDate[child] = conferenceDate
            var s47: String?
            let linked = enquiries.filter { $0.childID == child && $0.strategyDate <= conferenceDate }
            switch rng.below(10) {
            case 0: s47 = nil
            case 1: s47 = "missing"
            case 2: s47 = rng.pick(enquiries).id
            default:
                if linked.isEmpty || rng.chance(1, in: 2) {
                    // Make a matching enquiry 0–25 days earlier.
                    let e = Section47Enquiry(id: "s-extra\(i)", childID: child,
                                             strategyDate: conferenceDate.adding(days: -rng.below(26)),
                                             team: rng.pick(teams))
                    enquiries.append(e)
                    s47 = e.id
                } else {
                    s47 = rng.pick(linked).id
                }
            }
            conferences.append(ChildProtectionConference(
                id: rng.pick(idPrefixes) + "\(i)", childID: child, type: type, date: conferenceDate, s47ID: s47,
                outcome: rng.pick([nil, .plan, .plan, .noPlan, .continue, .continue, .end]),
                category: nil, parentsParticipated: yesNo(&rng), team: rng.pick(teams), line: i + 2))
        }

        var audits: [CaseAudit] = []
        let grades: [AuditGrade] = [.outstanding, .good, .requiresImprovement, .inadequate]
        for i in 0..<120 {
            let auditDate = date(&rng)
            let due = maybe(&rng, 70) { auditDate.adding(days: 10 + $0.below(60)) }
            audits.append(CaseAudit(
                id: "a\(i)", childID: rng.pick(children), date: auditDate, grade: rng.pick(grades),
                moderatedGrade: rng.chance(50, in: 100) ? rng.pick(grades) : nil, actionsDueDate: due,
                actionsCompletedDate: due.flatMap { due in maybe(&rng, 60) { due.adding(days: $0.below(20) - 12) } },
                team: rng.pick(teams), line: i + 2))
        }
        return LinkedCases(contacts: contacts, enquiries: enquiries, conferences: conferences, audits: audits)
    }
}

// MARK: - A naive reading of the spec

/// SPEC §3 and §4 written again as plainly as possible: day-by-day working-day counting, add_months from
/// first principles, linear searches. Slow, obviously correct, and independent of the engine.
private struct SpecOracle {
    let cases: LinkedCases
    let asOf: Day
    let holidays: Set<Day>
    let window: ClosedRange<Day>
    let months: [ClosedRange<Day>]

    init(cases: LinkedCases, asOf: Day) {
        self.cases = cases
        self.asOf = asOf
        holidays = Set(TestCalendar.englandAndWales.holidays)
        window = SpecOracle.addMonths(asOf, -12).adding(days: 1)...asOf
        let c = asOf.components
        months = (0..<12).map { i in
            var y = c.year, m = c.month - (11 - i)
            while m < 1 { m += 12; y -= 1 }
            let first = Day(year: y, month: m, day: 1)!
            let last = Day(year: y, month: m, day: SpecOracle.monthLength(y, m))!
            return first...min(last, asOf)
        }
    }

    static func monthLength(_ y: Int, _ m: Int) -> Int {
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    }

    static func addMonths(_ day: Day, _ n: Int) -> Day {
        let c = day.components
        var y = c.year, m = c.month + n
        while m > 12 { m -= 12; y += 1 }
        while m < 1 { m += 12; y -= 1 }
        return Day(year: y, month: m, day: min(c.day, monthLength(y, m)))!
    }

    /// WD(a, b): working days d with a < d ≤ b, counted one by one.
    func wd(_ a: Day, _ b: Day) -> Int {
        var n = 0
        var day = a.adding(days: 1)
        while day <= b {
            let weekday = (Int(day.daysSinceEpoch) % 7 + 7 + 3) % 7 + 1   // 1970-01-01 was a Thursday
            if weekday <= 5 && !holidays.contains(day) { n += 1 }
            day = day.adding(days: 1)
        }
        return n
    }

    struct Expected {
        var headline = Tally()
        var monthly = Array(repeating: Tally(), count: 12)
        var teams: [(String, Tally)] = []
    }

    /// (anchor, team, outcome) for each population record; outcome nil = not in the population.
    func evaluate(_ id: String) -> Expected {
        var rows: [(Day?, String?, KPIOutcome?)] = []
        let c = cases
        switch id {
        case "contacts":
            rows = c.contacts.map { ($0.contactDate, $0.team, .counted) }
        case "contact_decision_1wd":
            rows = c.contacts.map { x in
                let outcome: KPIOutcome
                if let decision = x.decisionDate {
                    outcome = decision < x.contactDate ? .excluded : (wd(x.contactDate, decision) <= 1 ? .met : .notMet)
                } else {
                    outcome = wd(x.contactDate, asOf) <= 1 ? .excluded : .notMet
                }
                return (x.contactDate, x.team, inPeriod(x.contactDate) ? outcome : nil)
            }
        case "contacts_marf":
            rows = c.contacts.map { x in (x.contactDate, x.team, x.marf.map { $0 ? .met : .notMet } ?? .excluded) }
        case "marf_follow_up_5wd":
            rows = c.contacts.map { x in
                guard let requested = x.marfRequestedDate, inPeriod(requested) else { return (nil, nil, nil) }
                let outcome: KPIOutcome
                if let received = x.marfReceivedDate {
                    outcome = received < requested ? .excluded : (wd(requested, received) <= 5 ? .met : .notMet)
                } else {
                    outcome = wd(requested, asOf) <= 5 ? .excluded : .notMet
                }
                return (requested, x.team, outcome)
            }
        case "police_notification_timely":
            rows = c.contacts.map { x in
                guard x.isPolice, let incident = x.policeIncidentDate else { return (nil, nil, nil) }
                if incident > x.contactDate { return (x.contactDate, x.team, .excluded) }
                return (x.contactDate, x.team, x.contactDate.daysSinceEpoch - incident.daysSinceEpoch <= 1 ? .met : .notMet)
            }
        case "contact_to_referral", "contact_to_early_help":
            let wanted: ContactOutcome = id == "contact_to_referral" ? .referral : .earlyHelp
            rows = c.contacts.map { x in
                (x.decisionDate, x.team, x.outcome.map { $0 == wanted ? .met : .notMet } ?? .excluded)
            }
        case "referrals":
            rows = c.contacts.map { x in (referralDate(x), x.team, .counted) }
        case "re_referrals_12m":
            rows = c.contacts.map { x in
                guard let r = referralDate(x) else { return (nil, nil, nil) }
                let from = SpecOracle.addMonths(r, -12)
                let again = c.contacts.contains { y in
                    guard y.id != x.id, y.childID == x.childID, let r2 = referralDate(y) else { return false }
                    return from <= r2 && r2 < r
                }
                return (r, x.team, again ? .met : .notMet)
            }
        case "s47_enquiries":
            rows = c.enquiries.map { ($0.strategyDate, $0.team, .counted) }
        case "strategy_police_attendance", "strategy_health_attendance", "strategy_education_attendance":
            rows = c.enquiries.map { e in
                let attended = id == "strategy_police_attendance" ? e.policeAttended
                    : id == "strategy_health_attendance" ? e.healthAttended : e.educationAttended
                return (e.strategyDate, e.team, attended.map { $0 ? .met : .notMet } ?? .excluded)
            }
        case "s47_to_icpc":
            rows = c.enquiries.map { e in (e.endDate, e.team, e.outcome.map { $0 == .icpc ? .met : .notMet } ?? .excluded) }
        case "icpcs":
            rows = c.conferences.filter { $0.type == .initial }.map { ($0.date, $0.team, .counted) }
        case "icpc_within_15wd":
            rows = c.conferences.filter { $0.type == .initial }.map { x in
                guard inPeriod(x.date) else { return (nil, nil, nil) }
                guard let s47 = x.s47ID, let e = c.enquiries.first(where: { $0.id == s47 }),
                      x.date >= e.strategyDate else { return (x.date, x.team, .excluded) }
                return (x.date, x.team, wd(e.strategyDate, x.date) <= 15 ? .met : .notMet)
            }
        case "icpc_to_plan":
            rows = c.conferences.filter { $0.type == .initial }.map { x in
                (x.date, x.team, x.outcome.map { $0 == .plan ? .met : .notMet } ?? .excluded)
            }
        case "plans_second_or_subsequent":
            func makesPlan(_ x: ChildProtectionConference) -> Bool {
                (x.type == .initial || x.type == .transferIn) && x.outcome == .plan
            }
            rows = c.conferences.filter(makesPlan).map { x in
                let earlier = c.conferences.contains { $0.childID == x.childID && makesPlan($0) && $0.date < x.date }
                return (x.date, x.team, earlier ? .met : .notMet)
            }
        case "rcpc_on_time":
            rows = c.conferences.filter { $0.type == .review }.map { r in
                let before = c.conferences.filter { $0.childID == r.childID && $0.date < r.date }
                guard let latest = before.map(\.date).max() else { return (r.date, r.team, .excluded) }
                let p = before.filter { $0.date == latest }
                    .max { KPIPropertyTests.codePointLess($0.id, $1.id) }!
                let valid: Bool
                switch p.type {
                case .initial, .transferIn: valid = p.outcome == .plan
                case .review: valid = p.outcome != .end && p.outcome != .noPlan
                }
                guard valid else { return (r.date, r.team, .excluded) }
                let due = SpecOracle.addMonths(p.date, p.type == .review ? 6 : 3)
                return (r.date, r.team, r.date <= due ? .met : .notMet)
            }
        case "conference_parent_participation":
            rows = c.conferences.map { x in (x.date, x.team, x.parentsParticipated.map { $0 ? .met : .notMet } ?? .excluded) }
        case "audits":
            rows = c.audits.map { ($0.date, $0.team, .counted) }
        case "audits_good_or_better":
            rows = c.audits.map { a in
                let g = a.moderatedGrade ?? a.grade
                return (a.date, a.team, g == .outstanding || g == .good ? .met : .notMet)
            }
        case "audits_inadequate":
            rows = c.audits.map { a in (a.date, a.team, (a.moderatedGrade ?? a.grade) == .inadequate ? .met : .notMet) }
        case "audit_moderation_agreement":
            rows = c.audits.map { a in (a.date, a.team, a.moderatedGrade.map { $0 == a.grade ? .met : .notMet } ?? .excluded) }
        case "audit_actions_on_time":
            rows = c.audits.map { a in
                guard let due = a.actionsDueDate else { return (nil, nil, nil) }
                guard let done = a.actionsCompletedDate else { return (a.date, a.team, due >= asOf ? .excluded : .notMet) }
                return (a.date, a.team, done <= due ? .met : .notMet)
            }
        default:
            Issue.record("the oracle does not know \(id)")
        }

        var expected = Expected()
        var teams: [String: Tally] = [:]
        for (anchor, team, outcome) in rows {
            guard let anchor, let outcome else { continue }
            if window.contains(anchor) {
                expected.headline.add(outcome)
                teams[team ?? "(not recorded)", default: Tally()].add(outcome)
            }
            for (i, month) in months.enumerated() where month.contains(anchor) { expected.monthly[i].add(outcome) }
        }
        expected.teams = teams.keys.sorted { KPIPropertyTests.codePointLess($0, $1) }.map { ($0, teams[$0]!) }
        return expected
    }

    func inPeriod(_ day: Day) -> Bool { window.contains(day) || months.contains { $0.contains(day) } }

    func referralDate(_ x: Contact) -> Day? {
        x.outcome == .referral ? (x.referralDate ?? x.decisionDate) : nil
    }
}
