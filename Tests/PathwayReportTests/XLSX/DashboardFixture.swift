import PathwayTestSupport
import PathwayCore
@testable import PathwayReport

/// Dashboards for the XLSX tests, computed by the real engine from records built in memory:
/// a small hand-made one, and a realistic year (about 300 contacts across four teams) from a seeded generator.
enum DashboardFixture {
    static let asOf = Day(year: 2026, month: 3, day: 31)!

    /// The shipped England and Wales bank holidays.
    static var calendar: WorkingDayCalendar { ShippedHolidays.calendar }

    static func day(_ text: String) -> Day { DateParser.parse(text)! }

    /// Runs the engine and the exception finder over the records, as the evaluate stage does.
    static func dashboard(contacts: [Contact] = [], enquiries: [Section47Enquiry] = [],
                          conferences: [ChildProtectionConference] = [], audits: [CaseAudit] = [],
                          findings: [Finding] = [], asOf: Day = asOf,
                          authority: String = "Exampleshire County Council") throws -> Dashboard {
        let cases = LinkedCases(contacts: contacts, enquiries: enquiries, conferences: conferences, audits: audits)
        let context = KPIContext(asOf: asOf, calendar: calendar)
        let kpis = try KPIEngine().compute(cases, context: context)
        let exceptions = try ExceptionFinder.find(cases, context: context)
        func summary(_ file: String, _ accepted: Int) -> InputSummary {
            let rejected = findings.filter { $0.file == file && $0.severity == .error }.count
            return InputSummary(file: file, rows: accepted + rejected, accepted: accepted, rejected: rejected,
                                sha256: String(repeating: "0123456789abcdef", count: 4), encoding: .utf8,
                                byteCount: 100 * (accepted + rejected))
        }
        let inputs = [summary("contacts.csv", contacts.count), summary("s47_enquiries.csv", enquiries.count),
                      summary("conferences.csv", conferences.count), summary("audits.csv", audits.count)]
        let result = RunResult(periods: context.periods, inputs: inputs, findings: findings, kpis: kpis,
                               exceptions: exceptions, calendarCoverage: calendar.coverage, calendarSource: calendar.source)
        return Dashboard(result: result, authority: authority)
    }

    /// A few records touching every KPI and every exception list.
    static func small(teams: [String] = ["North", "South"], authority: String = "Exampleshire County Council") throws -> Dashboard {
        // Records take the teams in turn, so every name given appears somewhere.
        var next = 0
        func team() -> String { defer { next += 1 }; return teams[next % teams.count] }
        let contacts = [
            Contact(id: "C1", childID: "A", contactDate: day("2026-03-02"), source: "School", marf: true,
                    decisionDate: day("2026-03-03"), outcome: .referral, team: team(), line: 2),
            Contact(id: "C2", childID: "B", contactDate: day("2026-03-27"), source: "Health", marf: false, team: team(), line: 3),
            Contact(id: "C3", childID: "C", contactDate: day("2025-12-10"), source: "School", marf: false,
                    marfRequestedDate: day("2025-12-10"), decisionDate: day("2025-12-15"), outcome: .earlyHelp,
                    team: team(), line: 4),
            Contact(id: "C4", childID: "D", contactDate: day("2026-01-05"), source: "Police", isPolice: true,
                    policeIncidentDate: day("2026-01-04"), decisionDate: day("2026-01-05"), outcome: .nfa, team: team(), line: 5),
            Contact(id: "C5", childID: "A", contactDate: day("2025-06-10"), source: "Police", isPolice: true,
                    policeIncidentDate: day("2025-06-01"), decisionDate: day("2025-06-11"), outcome: .referral,
                    team: nil, line: 6),
        ]
        let enquiries = [
            Section47Enquiry(id: "S1", childID: "A", contactID: "C1", strategyDate: day("2026-03-05"), policeAttended: true,
                             healthAttended: false, endDate: day("2026-03-20"), outcome: .icpc, team: team(), line: 2),
            Section47Enquiry(id: "S2", childID: "C", strategyDate: day("2025-09-01"), policeAttended: true,
                             healthAttended: true, educationAttended: true, endDate: day("2025-09-20"), outcome: .cin,
                             team: team(), line: 3),
        ]
        let conferences = [
            ChildProtectionConference(id: "K1", childID: "A", type: .initial, date: day("2026-03-30"), s47ID: "S1",
                                      outcome: .plan, parentsParticipated: true, team: team(), line: 2),
            ChildProtectionConference(id: "K2", childID: "E", type: .initial, date: day("2025-11-03"), outcome: .plan,
                                      parentsParticipated: false, team: team(), line: 3),
            ChildProtectionConference(id: "K3", childID: "F", type: .initial, date: day("2025-10-01"), outcome: .plan,
                                      team: team(), line: 4),
            ChildProtectionConference(id: "K4", childID: "F", type: .review, date: day("2025-12-20"), outcome: .continue,
                                      parentsParticipated: true, team: team(), line: 5),
        ]
        let audits = [
            CaseAudit(id: "Q1", childID: "A", date: day("2026-02-10"), grade: .good, moderatedGrade: .good,
                      actionsDueDate: day("2026-03-01"), team: team(), auditor: "R. Jones", line: 2),
            CaseAudit(id: "Q2", childID: "E", date: day("2025-10-01"), grade: .inadequate,
                      actionsDueDate: day("2025-11-01"), actionsCompletedDate: day("2025-10-20"), team: team(), line: 3),
            CaseAudit(id: "Q3", childID: "F", date: day("2026-01-15"), grade: .requiresImprovement, moderatedGrade: .good,
                      team: team(), line: 4),
        ]
        let findings = [
            Finding(file: "contacts.csv", line: 7, column: "contact_date", rule: .unparseableRequiredDate,
                    message: "contact_date '31/02/2026' is not a date", value: "31/02/2026", columnPosition: 2),
            Finding(file: "audits.csv", line: 5, column: "moderated_grade", rule: .unknownCode,
                    message: "moderated_grade '3' is not a grade", value: "3", columnPosition: 5),
        ]
        return try dashboard(contacts: contacts, enquiries: enquiries, conferences: conferences, audits: audits,
                             findings: findings, authority: authority)
    }

    /// A realistic year: contacts across four teams (one of them struggling), the S47s, conferences and
    /// reviews that follow, and audits.
    static func realistic(contactCount: Int = 300, seed: UInt64 = 20_260_331) throws -> Dashboard {
        var random = SeededRandom(seed: seed)
        let teams = ["CPAT East", "CPAT North", "CPAT South", "CPAT West"]
        let sources = ["Police", "School", "Health visitor", "GP", "Anonymous", "Family member", "Housing"]
        let windowStart = asOf.adding(-Months(12)).adding(days: 1)
        let span = windowStart.days(to: asOf)
        var contacts: [Contact] = []
        var enquiries: [Section47Enquiry] = []
        var conferences: [ChildProtectionConference] = []
        var audits: [CaseAudit] = []
        var findings: [Finding] = []

        for index in 0..<contactCount {
            let team = teams[random.below(teams.count)]
            let struggling = team == "CPAT West"
            let child = "CH" + String(10_000 + random.below(contactCount * 3 / 4))
            let date = windowStart.adding(days: random.below(span + 1))
            let source = sources[random.below(sources.count)]
            let police = source == "Police"
            let decisionDelay = struggling ? random.below(5) : random.below(3)
            var decision: Day? = date.adding(days: decisionDelay)
            if decision! > asOf || random.chance(percent: 3) { decision = nil }
            let outcomeRoll = random.below(100)
            let outcome: ContactOutcome? = decision == nil ? nil
                : outcomeRoll < 30 ? .referral : outcomeRoll < 55 ? .earlyHelp : outcomeRoll < 80 ? .nfa
                : outcomeRoll < 95 ? .advice : .openCase
            var requested: Day?
            var received: Day?
            if random.chance(percent: 15) {
                requested = date.adding(days: random.below(3))
                if random.chance(percent: 85) { received = requested!.adding(days: random.below(struggling ? 14 : 8)) }
                if let r = requested, r > asOf { requested = nil; received = nil }
                if let r = received, r > asOf { received = nil }
            }
            let contactID = "CT" + String(100_000 + index)
            contacts.append(Contact(id: contactID, childID: child, contactDate: date, source: source, isPolice: police,
                                    marf: random.chance(percent: 8) ? nil : random.chance(percent: struggling ? 70 : 88),
                                    marfRequestedDate: requested, marfReceivedDate: received,
                                    policeIncidentDate: police ? date.adding(days: -random.below(4)) : nil,
                                    decisionDate: decision, outcome: outcome, referralDate: nil,
                                    team: random.chance(percent: 2) ? nil : team, line: index + 2))

            guard outcome == .referral, let decided = decision, random.chance(percent: 60) else { continue }
            let strategy = decided.adding(days: 1 + random.below(5))
            guard strategy <= asOf else { continue }
            let ended = strategy.adding(days: 10 + random.below(30))
            let s47Roll = random.below(100)
            let s47Outcome: Section47Outcome? = ended > asOf ? nil : s47Roll < 40 ? .icpc : s47Roll < 75 ? .cin : .nfa
            let s47ID = "S" + String(5_000 + enquiries.count)
            enquiries.append(Section47Enquiry(id: s47ID, childID: child, contactID: contactID, strategyDate: strategy,
                                              policeAttended: random.chance(percent: 95),
                                              healthAttended: random.chance(percent: 10) ? nil : random.chance(percent: 80),
                                              educationAttended: random.chance(percent: 20) ? nil : random.chance(percent: 75),
                                              endDate: ended <= asOf ? ended : nil, outcome: s47Outcome, team: team,
                                              line: enquiries.count + 2))

            guard s47Outcome == .icpc else { continue }
            var held = strategy.adding(days: 10 + random.below(struggling ? 22 : 14))
            guard held <= asOf else { continue }
            let planned = random.chance(percent: 85)
            conferences.append(ChildProtectionConference(
                id: "K" + String(7_000 + conferences.count), childID: child, type: .initial, date: held, s47ID: s47ID,
                outcome: planned ? .plan : .noPlan, category: .neglect,
                parentsParticipated: random.chance(percent: 85), team: team, line: conferences.count + 2))
            guard planned else { continue }
            var months = 3
            while true {
                let due = held.adding(Months(months))
                let review = due.adding(days: random.below(struggling ? 20 : 8) - 4)
                if review > asOf { break }
                let ends = random.chance(percent: 30)
                conferences.append(ChildProtectionConference(
                    id: "K" + String(7_000 + conferences.count), childID: child, type: .review, date: review,
                    outcome: ends ? .end : .continue, parentsParticipated: random.chance(percent: 80), team: team,
                    line: conferences.count + 2))
                if ends { break }
                held = review
                months = 6
            }
        }

        for index in 0..<(contactCount * 2 / 5) {
            let team = teams[random.below(teams.count)]
            let date = windowStart.adding(days: random.below(span + 1))
            let gradeRoll = random.below(100) + (team == "CPAT West" ? 15 : 0)
            let grade: AuditGrade = gradeRoll < 10 ? .outstanding : gradeRoll < 65 ? .good
                : gradeRoll < 92 ? .requiresImprovement : .inadequate
            let moderated: AuditGrade? = random.chance(percent: 40) ? (random.chance(percent: 80) ? grade : .requiresImprovement) : nil
            let due: Day? = random.chance(percent: 85) ? date.adding(days: 28) : nil
            var completed: Day? = due.flatMap { random.chance(percent: 75) ? $0.adding(days: random.below(20) - 10) : nil }
            if let c = completed, c > asOf { completed = nil }
            audits.append(CaseAudit(id: "AU" + String(300 + index), childID: "CH" + String(10_000 + random.below(200)),
                                    date: date, grade: grade, moderatedGrade: moderated, actionsDueDate: due,
                                    actionsCompletedDate: completed, team: team,
                                    auditor: ["A. Patel", "B. Okafor", "C. Smith"][random.below(3)], line: index + 2))
        }

        findings = [
            Finding(file: "contacts.csv", line: 41, column: "contact_date", rule: .unparseableRequiredDate,
                    message: "contact_date '31/02/2026' is not a date", value: "31/02/2026", columnPosition: 2),
            Finding(file: "contacts.csv", line: 97, column: "contact_id", rule: .duplicateID,
                    message: "contact_id 'CT100095' repeats line 97", value: "CT100095", columnPosition: 0),
            Finding(file: "contacts.csv", line: 120, column: "outcome", rule: .unknownContactOutcome,
                    message: "outcome 'strategy' is not in the vocabulary; counted as other", value: "strategy", columnPosition: 9),
            Finding(file: "contacts.csv", line: 133, column: "marf", rule: .unparseableYesNo,
                    message: "marf 'maybe' is not yes or no", value: "maybe", columnPosition: 4),
            Finding(file: "audits.csv", line: 12, column: "grade", rule: .ambiguousNumericGrade,
                    message: "grade '2' is a number; Ofsted and other tools number grades differently", value: "2", columnPosition: 3),
        ]
        return try dashboard(contacts: contacts, enquiries: enquiries, conferences: conferences, audits: audits,
                             findings: findings, authority: "Exampleshire County Council")
    }
}

