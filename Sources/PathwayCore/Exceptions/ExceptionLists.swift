/// The child-level lists of SPEC §4 for managers to act on (XLSX only, never in the Markdown), each
/// sorted most overdue first.
public struct ExceptionLists: Sendable {
    /// Contacts dated in the window with no decision after more than 1 working day.
    public var awaitingDecision: [AwaitingDecision] = []
    /// MARFs requested in the window, not received, after more than 5 working days.
    public var outstandingMARFs: [OutstandingMARF] = []
    /// Initial conferences in the window held more than 15 working days after the strategy discussion.
    public var lateICPCs: [LateICPC] = []
    /// Open plans whose next review is overdue or due within 28 days.
    public var reviewsDue: [ReviewDue] = []
    /// Audits whose actions are past their due date and not completed.
    public var overdueAuditActions: [OverdueAuditActions] = []

    public init() {}

    public struct AwaitingDecision: Sendable, Hashable {
        public let contact: Contact
        public let workingDaysWaiting: WorkingDays
    }

    public struct OutstandingMARF: Sendable, Hashable {
        public let contact: Contact
        public let workingDaysWaiting: WorkingDays
    }

    public struct LateICPC: Sendable, Hashable {
        public let conference: ChildProtectionConference
        public let strategyDate: Day
        public let workingDaysTaken: WorkingDays
    }

    public struct ReviewDue: Sendable, Hashable {
        /// The child's latest conference, which leaves the plan open.
        public let lastConference: ChildProtectionConference
        public let dueDate: Day
        /// as_of − due date in calendar days: positive when overdue, zero or negative when due soon.
        public let daysOverdue: Int
    }

    public struct OverdueAuditActions: Sendable, Hashable {
        public let audit: CaseAudit
        public let dueDate: Day
        public let daysOverdue: Int
    }
}
