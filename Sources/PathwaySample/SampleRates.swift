import PathwayCore

/// Every rate the sample realises, with its default. Probabilities are in 0...1; mixes are relative
/// weights. SampleData/README.md tabulates the defaults; keep the two in step.
public struct SampleRates: Sendable {
    // MARK: History and volume

    /// Months of history before as-of (contacts start on add_months(as_of, −historyMonths) + 1 day).
    public var historyMonths: Int
    /// Mean contacts per child over the history.
    public var contactsPerChild: Double
    /// Contact sources (CIN census–like): police the largest share, then schools, health, ...
    public var sources: [SampleWeighted<SampleSource>]
    /// Children's allocated (locality) teams.
    public var teams: [SampleWeighted<String>]
    /// The front door's team: the team of contacts that are not referrals.
    public var frontDoorTeam: String
    /// Share of rows whose team is left blank.
    public var teamNotRecorded: Double

    // MARK: Front door

    /// Share of decisions made within 1 working day of the contact (the rest take 2...lateDecisionMaxWorkingDays).
    public var decisionWithinOneWorkingDay: Double
    /// Of the decisions within 1 working day, the share made on the contact day.
    public var sameDayDecision: Double
    public var lateDecisionMaxWorkingDays: Int
    /// Share of contacts whose `marf` is recorded.
    public var marfRecorded: Double
    /// Of professional contacts with `marf` recorded, the share that arrived as a written MARF
    /// (individuals and anonymous callers are always `no`).
    public var marfYes: Double
    /// Of professional contacts that did not arrive as a MARF, the share advised to submit one.
    public var marfAdvised: Double
    /// Of requested MARFs, the share that ever arrives.
    public var marfArrives: Double
    /// Of arriving MARFs, the share arriving within 5 working days (0...5; the rest 6...marfLateMaxWorkingDays).
    public var marfWithinFiveWorkingDays: Double
    public var marfLateMaxWorkingDays: Int
    /// Share of police contacts with a police_incident_date.
    public var policeIncidentRecorded: Double
    /// Of those, the share notified within 1 calendar day (the rest 2...policeLateMaxDays days).
    public var policeNotificationTimely: Double
    public var policeLateMaxDays: Int
    /// Contact outcome split among decided contacts.
    public var outcomes: [SampleWeighted<ContactOutcome>]
    /// Share of referrals with referral_date written (otherwise the decision_date stands for it).
    public var referralDateRecorded: Double
    /// Share of referrals followed by another referral of the same child within 12 months: the
    /// realised re-referral rate.
    public var reReferralWithin12Months: Double
    /// Share of referrals followed by another referral more than 12 months later (13 to 26 months).
    public var laterReferral: Double

    // MARK: Strategy discussions and section 47 enquiries

    /// Share of referrals leading to a strategy discussion and S47 enquiry (none while an enquiry,
    /// conference or plan of the child is still open).
    public var section47PerReferral: Double
    /// Share of each agency's attendance that is recorded.
    public var attendanceRecorded: Double
    public var policeAttendance: Double
    public var healthAttendance: Double
    public var educationAttendance: Double
    /// Share of enquiries with outcome icpc.
    public var section47ToICPC: Double
    /// Of the other enquiries, the share with outcome cin (the rest nfa).
    public var section47ToCIN: Double

    // MARK: Conferences

    /// Share of ICPCs within 15 working days of the strategy discussion (5...15; the rest 16...35).
    public var icpcWithin15WorkingDays: Double
    /// Share of ICPCs resulting in a plan (the rest no_plan).
    public var icpcToPlan: Double
    /// Category of abuse of plans made.
    public var categories: [SampleWeighted<AbuseCategory>]
    public var parentsParticipationRecorded: Double
    public var parentsParticipated: Double
    /// Share of review conferences held on or before their due date (3 months after the plan, then 6).
    public var reviewOnTime: Double
    /// Share of first reviews that end the plan (the rest continue it).
    public var planEndsAtFirstReview: Double
    /// Share of later reviews that end the plan.
    public var planEndsAtLaterReview: Double
    /// Share of children with a transfer-in conference (outcome plan, then reviews).
    public var transferInPerChild: Double
    /// Share of children whose first plan in the data follows an earlier plan: that plan's initial
    /// conference and 1...3 reviews (the last ending it) are written before the history starts, with
    /// no s47_id, so that plans_second_or_subsequent sees the history before the window.
    public var previousPlanShare: Double

    // MARK: Audits

    /// Audits per calendar month per 1,000 children (5,000 children → 30 a month), of children
    /// with a referral, on working days spread over the history.
    public var auditsPerMonthPer1000Children: Double
    public var grades: [SampleWeighted<AuditGrade>]
    /// Share of audits moderated by a second reader.
    public var moderated: Double
    /// Of moderated audits, the share where the moderator's grade differs (by one grade).
    public var moderationDisagreement: Double
    /// Share of audits with agreed actions (an actions_due_date 14...56 days later, capped at as-of).
    public var actionsAgreed: Double
    /// Of audits with actions, the share completed on or before the due date.
    public var actionsOnTime: Double
    /// Of audits with actions, the share completed 1...42 days late (the rest outstanding).
    public var actionsCompletedLate: Double
    public var auditors: [SampleWeighted<String>]
    public var auditTypes: [SampleWeighted<String>]
    /// `domain_<name>` columns of audits.csv (graded near the overall grade).
    public var auditDomains: [String]

    // MARK: Messy

    /// With `messy`, the share of rows given one defect (each defect also appears once near the top).
    public var messyDefectRate: Double

    public init(
        historyMonths: Int = 36,
        contactsPerChild: Double = 1.7,
        sources: [SampleWeighted<SampleSource>] = SampleRates.defaultSources,
        teams: [SampleWeighted<String>] = SampleRates.defaultTeams,
        frontDoorTeam: String = "MASH",
        teamNotRecorded: Double = 0.01,
        decisionWithinOneWorkingDay: Double = 0.90,
        sameDayDecision: Double = 0.45,
        lateDecisionMaxWorkingDays: Int = 15,
        marfRecorded: Double = 0.93,
        marfYes: Double = 0.70,
        marfAdvised: Double = 0.30,
        marfArrives: Double = 0.88,
        marfWithinFiveWorkingDays: Double = 0.85,
        marfLateMaxWorkingDays: Int = 20,
        policeIncidentRecorded: Double = 0.95,
        policeNotificationTimely: Double = 0.88,
        policeLateMaxDays: Int = 14,
        outcomes: [SampleWeighted<ContactOutcome>] = SampleRates.defaultOutcomes,
        referralDateRecorded: Double = 0.90,
        reReferralWithin12Months: Double = 0.22,
        laterReferral: Double = 0.10,
        section47PerReferral: Double = 0.27,
        attendanceRecorded: Double = 0.95,
        policeAttendance: Double = 0.75,
        healthAttendance: Double = 0.90,
        educationAttendance: Double = 0.85,
        section47ToICPC: Double = 0.33,
        section47ToCIN: Double = 0.60,
        icpcWithin15WorkingDays: Double = 0.80,
        icpcToPlan: Double = 0.86,
        categories: [SampleWeighted<AbuseCategory>] = SampleRates.defaultCategories,
        parentsParticipationRecorded: Double = 0.95,
        parentsParticipated: Double = 0.85,
        reviewOnTime: Double = 0.92,
        planEndsAtFirstReview: Double = 0.20,
        planEndsAtLaterReview: Double = 0.45,
        transferInPerChild: Double = 0.004,
        previousPlanShare: Double = 0.20,
        auditsPerMonthPer1000Children: Double = 6,
        grades: [SampleWeighted<AuditGrade>] = SampleRates.defaultGrades,
        moderated: Double = 0.25,
        moderationDisagreement: Double = 0.15,
        actionsAgreed: Double = 0.85,
        actionsOnTime: Double = 0.78,
        actionsCompletedLate: Double = 0.14,
        auditors: [SampleWeighted<String>] = SampleRates.defaultAuditors,
        auditTypes: [SampleWeighted<String>] = SampleRates.defaultAuditTypes,
        auditDomains: [String] = ["domain_assessment", "domain_planning", "domain_voice_of_the_child"],
        messyDefectRate: Double = 0.004
    ) {
        self.historyMonths = historyMonths
        self.contactsPerChild = contactsPerChild
        self.sources = sources
        self.teams = teams
        self.frontDoorTeam = frontDoorTeam
        self.teamNotRecorded = teamNotRecorded
        self.decisionWithinOneWorkingDay = decisionWithinOneWorkingDay
        self.sameDayDecision = sameDayDecision
        self.lateDecisionMaxWorkingDays = lateDecisionMaxWorkingDays
        self.marfRecorded = marfRecorded
        self.marfYes = marfYes
        self.marfAdvised = marfAdvised
        self.marfArrives = marfArrives
        self.marfWithinFiveWorkingDays = marfWithinFiveWorkingDays
        self.marfLateMaxWorkingDays = marfLateMaxWorkingDays
        self.policeIncidentRecorded = policeIncidentRecorded
        self.policeNotificationTimely = policeNotificationTimely
        self.policeLateMaxDays = policeLateMaxDays
        self.outcomes = outcomes
        self.referralDateRecorded = referralDateRecorded
        self.reReferralWithin12Months = reReferralWithin12Months
        self.laterReferral = laterReferral
        self.section47PerReferral = section47PerReferral
        self.attendanceRecorded = attendanceRecorded
        self.policeAttendance = policeAttendance
        self.healthAttendance = healthAttendance
        self.educationAttendance = educationAttendance
        self.section47ToICPC = section47ToICPC
        self.section47ToCIN = section47ToCIN
        self.icpcWithin15WorkingDays = icpcWithin15WorkingDays
        self.icpcToPlan = icpcToPlan
        self.categories = categories
        self.parentsParticipationRecorded = parentsParticipationRecorded
        self.parentsParticipated = parentsParticipated
        self.reviewOnTime = reviewOnTime
        self.planEndsAtFirstReview = planEndsAtFirstReview
        self.planEndsAtLaterReview = planEndsAtLaterReview
        self.transferInPerChild = transferInPerChild
        self.previousPlanShare = previousPlanShare
        self.auditsPerMonthPer1000Children = auditsPerMonthPer1000Children
        self.grades = grades
        self.moderated = moderated
        self.moderationDisagreement = moderationDisagreement
        self.actionsAgreed = actionsAgreed
        self.actionsOnTime = actionsOnTime
        self.actionsCompletedLate = actionsCompletedLate
        self.auditors = auditors
        self.auditTypes = auditTypes
        self.auditDomains = auditDomains
        self.messyDefectRate = messyDefectRate
    }

    public static let defaults = SampleRates()

    public static let defaultSources: [SampleWeighted<SampleSource>] = [
        SampleWeighted(SampleSource("Police", cinCode: "6"), 0.29),
        SampleWeighted(SampleSource("Schools", cinCode: "2A"), 0.19),
        SampleWeighted(SampleSource("Education services", cinCode: "2B"), 0.02),
        SampleWeighted(SampleSource("Health visitor", cinCode: "3A"), 0.04),
        SampleWeighted(SampleSource("GP", cinCode: "3B"), 0.03),
        SampleWeighted(SampleSource("Hospital", cinCode: "3C"), 0.05),
        SampleWeighted(SampleSource("Health: A&E, urgent care", cinCode: "3F"), 0.03),
        SampleWeighted(SampleSource("LA services: social care", cinCode: "5A"), 0.05),
        SampleWeighted(SampleSource("Other internal LA services", cinCode: "5B"), 0.04),
        SampleWeighted(SampleSource("Early help", cinCode: "5D"), 0.02),
        SampleWeighted(SampleSource("Individual: family member", cinCode: "1A", isProfessional: false), 0.06),
        SampleWeighted(SampleSource("Individual: self", cinCode: "1C", isProfessional: false), 0.02),
        SampleWeighted(SampleSource("Anonymous", cinCode: "9", isProfessional: false), 0.03),
        SampleWeighted(SampleSource("Housing", cinCode: "4"), 0.02),
        SampleWeighted(SampleSource("Other legal agency", cinCode: "7"), 0.03),
        SampleWeighted(SampleSource("Other", cinCode: "8"), 0.08),
    ]

    public static let defaultTeams: [SampleWeighted<String>] = [
        SampleWeighted("North Locality", 0.26),
        SampleWeighted("South Locality", 0.24),
        SampleWeighted("East Locality", 0.20),
        SampleWeighted("West Locality", 0.22),
        SampleWeighted("Disabled Children's Team", 0.08),
    ]

    public static let defaultOutcomes: [SampleWeighted<ContactOutcome>] = [
        SampleWeighted(.referral, 0.30),
        SampleWeighted(.earlyHelp, 0.18),
        SampleWeighted(.advice, 0.20),
        SampleWeighted(.nfa, 0.24),
        SampleWeighted(.openCase, 0.08),
    ]

    public static let defaultCategories: [SampleWeighted<AbuseCategory>] = [
        SampleWeighted(.neglect, 0.48),
        SampleWeighted(.emotional, 0.36),
        SampleWeighted(.physical, 0.07),
        SampleWeighted(.sexual, 0.04),
        SampleWeighted(.multiple, 0.05),
    ]

    public static let defaultGrades: [SampleWeighted<AuditGrade>] = [
        SampleWeighted(.outstanding, 0.06),
        SampleWeighted(.good, 0.40),
        SampleWeighted(.requiresImprovement, 0.42),
        SampleWeighted(.inadequate, 0.12),
    ]

    public static let defaultAuditors: [SampleWeighted<String>] = [
        SampleWeighted("A. Okafor", 1),
        SampleWeighted("B. Nowak", 1),
        SampleWeighted("C. O'Brien", 1),
        SampleWeighted("D. Patel", 1),
        SampleWeighted("E. Hughes", 1),
        SampleWeighted("Renée Clément", 1),
    ]

    public static let defaultAuditTypes: [SampleWeighted<String>] = [
        SampleWeighted("Routine", 0.6),
        SampleWeighted("Thematic", 0.2),
        SampleWeighted("Practice week", 0.15),
        SampleWeighted("Dip sample", 0.05),
    ]

    /// The probability-valued rates by name, for validation and documentation.
    var probabilities: [(name: String, value: Double)] {
        [
            ("teamNotRecorded", teamNotRecorded),
            ("decisionWithinOneWorkingDay", decisionWithinOneWorkingDay),
            ("sameDayDecision", sameDayDecision),
            ("marfRecorded", marfRecorded),
            ("marfYes", marfYes),
            ("marfAdvised", marfAdvised),
            ("marfArrives", marfArrives),
            ("marfWithinFiveWorkingDays", marfWithinFiveWorkingDays),
            ("policeIncidentRecorded", policeIncidentRecorded),
            ("policeNotificationTimely", policeNotificationTimely),
            ("referralDateRecorded", referralDateRecorded),
            ("reReferralWithin12Months", reReferralWithin12Months),
            ("laterReferral", laterReferral),
            ("section47PerReferral", section47PerReferral),
            ("attendanceRecorded", attendanceRecorded),
            ("policeAttendance", policeAttendance),
            ("healthAttendance", healthAttendance),
            ("educationAttendance", educationAttendance),
            ("section47ToICPC", section47ToICPC),
            ("section47ToCIN", section47ToCIN),
            ("icpcWithin15WorkingDays", icpcWithin15WorkingDays),
            ("icpcToPlan", icpcToPlan),
            ("parentsParticipationRecorded", parentsParticipationRecorded),
            ("parentsParticipated", parentsParticipated),
            ("reviewOnTime", reviewOnTime),
            ("planEndsAtFirstReview", planEndsAtFirstReview),
            ("planEndsAtLaterReview", planEndsAtLaterReview),
            ("transferInPerChild", transferInPerChild),
            ("previousPlanShare", previousPlanShare),
            ("moderated", moderated),
            ("moderationDisagreement", moderationDisagreement),
            ("actionsAgreed", actionsAgreed),
            ("actionsOnTime", actionsOnTime),
            ("actionsCompletedLate", actionsCompletedLate),
            ("messyDefectRate", messyDefectRate),
        ]
    }

    /// Throws for any rate out of range.
    func validate() throws(SampleError) {
        for (name, value) in probabilities where !(value >= 0 && value <= 1) {
            throw .invalidParameter("\(name) must be between 0 and 1 (got \(value))")
        }
        if reReferralWithin12Months + laterReferral > 1 {
            throw .invalidParameter("reReferralWithin12Months + laterReferral must not exceed 1")
        }
        if actionsOnTime + actionsCompletedLate > 1 {
            throw .invalidParameter("actionsOnTime + actionsCompletedLate must not exceed 1")
        }
        guard (13...120).contains(historyMonths) else {
            throw .invalidParameter("historyMonths must be between 13 and 120 (got \(historyMonths))")
        }
        guard contactsPerChild.isFinite, contactsPerChild >= 1, contactsPerChild <= 50 else {
            throw .invalidParameter("contactsPerChild must be between 1 and 50 (got \(contactsPerChild))")
        }
        guard lateDecisionMaxWorkingDays >= 2, lateDecisionMaxWorkingDays <= 60 else {
            throw .invalidParameter("lateDecisionMaxWorkingDays must be between 2 and 60")
        }
        guard marfLateMaxWorkingDays >= 6, marfLateMaxWorkingDays <= 60 else {
            throw .invalidParameter("marfLateMaxWorkingDays must be between 6 and 60")
        }
        guard policeLateMaxDays >= 2, policeLateMaxDays <= 60 else {
            throw .invalidParameter("policeLateMaxDays must be between 2 and 60")
        }
        guard auditsPerMonthPer1000Children.isFinite, auditsPerMonthPer1000Children >= 0,
              auditsPerMonthPer1000Children <= 1000 else {
            throw .invalidParameter("auditsPerMonthPer1000Children must be between 0 and 1000")
        }
        guard !frontDoorTeam.isEmpty else { throw .invalidParameter("frontDoorTeam must not be empty") }
        for domain in auditDomains {
            guard domain.hasPrefix(AuditColumn.domainPrefix), domain.count > AuditColumn.domainPrefix.count,
                  !domain.contains(","), !domain.contains("\"") else {
                throw .invalidParameter("audit domain '\(domain)' must be named domain_<name>")
            }
        }
        guard outcomes.contains(where: { $0.value == .referral && $0.weight > 0 }),
              outcomes.contains(where: { $0.value != .referral && $0.weight > 0 }) else {
            throw .invalidParameter("outcomes must give referral and at least one other outcome a weight")
        }
    }
}
