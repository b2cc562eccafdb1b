/// One accepted row of contacts.csv.
///
/// The stored properties are declared largest first, so that the small ones share the tail of the
/// record, and the five optional dates are kept as `PackedDay`s (four bytes each instead of eight):
/// 104 bytes instead of 120 (17 million contacts at 10M children, every one of them written to fresh
/// memory that the kernel zeroes first).
public struct Contact: Sendable, Hashable {
    public var id: String
    public var childID: String
    public var source: String
    public var team: String?
    /// Physical line in the file, for exception lists.
    public var line: Int
    public var contactDate: Day
    @usableFromInline var packedMarfRequestedDate: PackedDay
    @usableFromInline var packedMarfReceivedDate: PackedDay
    @usableFromInline var packedPoliceIncidentDate: PackedDay
    @usableFromInline var packedDecisionDate: PackedDay
    @usableFromInline var packedReferralDate: PackedDay
    /// The source is the police (SPEC §2 "Police source").
    public var isPolice: Bool
    public var marf: Bool?
    public var outcome: ContactOutcome?

    @inlinable public var marfRequestedDate: Day? {
        get { packedMarfRequestedDate.day }
        set { packedMarfRequestedDate = PackedDay(newValue) }
    }
    @inlinable public var marfReceivedDate: Day? {
        get { packedMarfReceivedDate.day }
        set { packedMarfReceivedDate = PackedDay(newValue) }
    }
    @inlinable public var policeIncidentDate: Day? {
        get { packedPoliceIncidentDate.day }
        set { packedPoliceIncidentDate = PackedDay(newValue) }
    }
    @inlinable public var decisionDate: Day? {
        get { packedDecisionDate.day }
        set { packedDecisionDate = PackedDay(newValue) }
    }
    /// referral_date as recorded (see `referralDay` for the date a referral counts on).
    @inlinable public var referralDate: Day? {
        get { packedReferralDate.day }
        set { packedReferralDate = PackedDay(newValue) }
    }

    public init(id: String, childID: String, contactDate: Day, source: String = "", isPolice: Bool = false,
                marf: Bool? = nil, marfRequestedDate: Day? = nil, marfReceivedDate: Day? = nil,
                policeIncidentDate: Day? = nil, decisionDate: Day? = nil, outcome: ContactOutcome? = nil,
                referralDate: Day? = nil, team: String? = nil, line: Int = 0) {
        self.id = id
        self.childID = childID
        self.contactDate = contactDate
        self.source = source
        self.isPolice = isPolice
        self.marf = marf
        self.packedMarfRequestedDate = PackedDay(marfRequestedDate)
        self.packedMarfReceivedDate = PackedDay(marfReceivedDate)
        self.packedPoliceIncidentDate = PackedDay(policeIncidentDate)
        self.packedDecisionDate = PackedDay(decisionDate)
        self.outcome = outcome
        self.packedReferralDate = PackedDay(referralDate)
        self.team = team
        self.line = line
    }

    /// The referral date of SPEC §4: referral_date, else decision_date, for contacts whose outcome is
    /// referral; nil for other contacts and for undated referrals.
    public var referralDay: Day? {
        Contact.referralDay(outcome: outcome, referralDate: referralDate, decisionDate: decisionDate)
    }

    /// `referralDay` from the three fields, for loops over many contacts: calling the getter on a contact
    /// held in an array copies the whole contact first (retaining its Strings), reading fields does not.
    @inline(__always)
    public static func referralDay(outcome: ContactOutcome?, referralDate: Day?, decisionDate: Day?) -> Day? {
        outcome == .referral ? (referralDate ?? decisionDate) : nil
    }

    /// `referralDay` of the contact at an address, reading only the three fields (the getter, even on
    /// `pointee`, copied the whole contact first).
    @inline(__always)
    public static func referralDay(at contact: UnsafePointer<Contact>) -> Day? {
        referralDay(outcome: contact.pointee.outcome, referralDate: contact.pointee.referralDate,
                    decisionDate: contact.pointee.decisionDate)
    }
}
