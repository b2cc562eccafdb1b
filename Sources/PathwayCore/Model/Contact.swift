/// One accepted row of contacts.csv.
///
/// The stored properties are declared largest first, so that the small ones share the tail of the
/// record; the five optional dates are `@PackedDay`s (four bytes each instead of eight), and the source
/// and team are `SharedName`s (four bytes, five with the optional's tag, instead of 16): 80 bytes instead
/// of 120 (17 million contacts at 10M children, every one of them written to fresh memory that the kernel
/// zeroes first).
public struct Contact: Sendable, Hashable, TeamNamed {
    public var id: String
    public var childID: String
    /// Physical line in the file, for exception lists.
    public var line: Int
    public var contactDate: Day
    @PackedDay public var marfRequestedDate: Day?
    @PackedDay public var marfReceivedDate: Day?
    @PackedDay public var policeIncidentDate: Day?
    @PackedDay public var decisionDate: Day?
    /// referral_date as recorded (see `referralDay` for the date a referral counts on).
    @PackedDay public var referralDate: Day?
    public var sourceName: SharedName
    public var teamName: SharedName?
    /// The source is the police (SPEC §2 "Police source").
    public var isPolice: Bool
    public var marf: Bool?
    public var outcome: ContactOutcome?

    public var source: String {
        get { sourceName.text }
        set { sourceName = SharedName(newValue) }
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

extension Contact {
    /// Fields set by the synthesized memberwise init: with Swift 6.3, an init that assigns the fields one
    /// by one built the record, copied it (retaining every String) and destroyed the original, for every
    /// decoded row. Inlined: called from the decoder, it cost about 35 instructions a contact.
    @inline(__always)
    public init(id: String, childID: String, contactDate: Day, source: String = "", isPolice: Bool = false,
                marf: Bool? = nil, marfRequestedDate: Day? = nil, marfReceivedDate: Day? = nil,
                policeIncidentDate: Day? = nil, decisionDate: Day? = nil, outcome: ContactOutcome? = nil,
                referralDate: Day? = nil, team: String? = nil, line: Int = 0) {
        self.init(id: id, childID: childID, line: line, contactDate: contactDate,
                  marfRequestedDate: marfRequestedDate, marfReceivedDate: marfReceivedDate,
                  policeIncidentDate: policeIncidentDate, decisionDate: decisionDate, referralDate: referralDate,
                  sourceName: SharedName(source), teamName: team.map(SharedName.init), isPolice: isPolice,
                  marf: marf, outcome: outcome)
    }
}
