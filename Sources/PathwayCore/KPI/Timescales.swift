/// The thresholds of SPEC §4, written once and used by the KPIs and the exception lists alike.
public enum Timescales {
    /// Front-door decision on a contact.
    public static let contactDecision = WorkingDays(1)
    /// A requested MARF arriving.
    public static let marfFollowUp = WorkingDays(5)
    /// A police notification after the incident it reports.
    public static let policeNotification = CalendarDays(1)
    /// Strategy discussion to initial child protection conference.
    public static let initialConference = WorkingDays(15)
    /// Look-back for a re-referral.
    public static let reReferralLookBack = Months(12)
    /// How far ahead the exception list warns of review conferences falling due.
    public static let reviewDueSoon = CalendarDays(28)
}
