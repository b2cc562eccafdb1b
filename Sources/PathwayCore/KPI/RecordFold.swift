/// A batch of records as the KPIs that count each row of a file on its own fields read them
/// (`KPIDefinition.eachRowOf`): the records, in place, and their teams as slots.
public struct RecordBatch<Record: TeamNamed> {
    public let records: UnsafeBufferPointer<Record>
    public let teams: TeamSlots

    public init(_ records: UnsafeBufferPointer<Record>) {
        self.records = records
        teams = TeamSlots(records) { $0.teamName }
    }
}

/// A record type whose file a run counts as it is decoded, a batch at a time (`RecordFold`): every
/// input file. No KPI counts conferences one at a time (every conference KPI but three reads each
/// child's chain of conferences, which the link stage puts together), so their fold only keeps what
/// the link stage reads (`ConferencesKept`).
public protocol FoldedRecord: DecodableRecord, TeamNamed, Equatable {
    /// What a fold keeps of the records besides the KPIs' counts: what the link stage and the exception
    /// lists read.
    associatedtype Kept: FoldKept where Kept.Record == Self
    /// Where the options hold the run's fold for this file.
    static var foldInOptions: WritableKeyPath<DecodingOptions, RecordFold<Self>?> { get }
    /// How the KPI counts a batch of these records, when it counts this file's rows one at a time.
    static func eachRow(of kpi: KPIDefinition) -> KPIDefinition.EvaluateRows<Self>?
}

/// What a fold keeps of the records it is given (`FoldedRecord.Kept`).
public protocol FoldKept: Sendable, Equatable {
    associatedtype Record
    init()
    /// Keeps what it needs of a batch of records, read in place.
    mutating func add(_ records: UnsafeBufferPointer<Record>, context: KPIContext)
    /// Adds what was kept of the records after these, whose lines are moved on by `lineOffset`.
    mutating func merge(_ later: Self, lineOffset: Int)
}

/// What a run keeps of one file, gathered a batch at a time as the records are decoded, so that the
/// records themselves are let go batch by batch and a run's memory does not grow with them (issue 6):
/// the counts of every KPI that counts the file's rows one at a time (`KPIDefinition.eachRowOf`), and
/// what the link stage and the exception lists read (`Kept`: for contacts, each dated referral and the
/// contacts that may go on a list; for S47 enquiries, each one's id and strategy date; for conferences,
/// those of the periods and each child's latest before them; for audits, those whose actions may be
/// overdue).
///
/// The counts are sums, so batches can be added in any grouping; a KPI's failure is the first one met
/// reading the batches in order, as reading all the records in one go meets it. The decoder keeps one
/// fold per part of the file and joins them in order (`merge`), as it joins the parts' findings.
public struct RecordFold<Record: FoldedRecord>: Sendable {
    public let kpis: [KPIDefinition]
    let context: KPIContext
    /// Each KPI's counts (in the order of `kpis`), and its first failure, after which it is not asked again.
    private var accumulators: [KPIAccumulator]
    private var failures: [CalendarError?]
    /// What the link stage and the lists read, in file order; a later part's lines are counted from its
    /// start until `merge` moves them on.
    public private(set) var kept = Record.Kept()
    /// Records folded.
    public private(set) var count = 0

    public init(kpis: [KPIDefinition], context: KPIContext) {
        precondition(kpis.allSatisfy { $0.eachRowOf == Record.Column.file },
                     "every KPI of a fold counts the file's rows")
        self.kpis = kpis
        self.context = context
        accumulators = kpis.map { _ in KPIAccumulator(periods: context.periods) }
        failures = kpis.map { _ in nil }
    }

    /// The fold for every KPI of the catalogue that counts this file's rows one at a time.
    public init(catalogue: [KPIDefinition], context: KPIContext) {
        self.init(kpis: catalogue.filter { $0.eachRowOf == Record.Column.file }, context: context)
    }

    /// Adds a batch of records, read in place (they can be let go afterwards).
    public mutating func add(_ records: UnsafeBufferPointer<Record>) {
        guard !records.isEmpty else { return }
        count += records.count
        let batch = RecordBatch(records)
        // Every KPI over the batch while it is in the core's cache.
        for k in kpis.indices where failures[k] == nil {
            do throws(CalendarError) {
                try kpis[k].evaluate(batch, context, &accumulators[k])
            } catch {
                failures[k] = error
            }
        }
        kept.add(records, context: context)
    }

    /// Adds the records of an array, `batch` at a time.
    public mutating func add(_ records: [Record], rows: Range<Int>? = nil, batch: Int = FileDecoder.defaultFoldEvery) {
        precondition(batch > 0, "a batch holds at least one record")
        let rows = rows ?? records.indices
        records.withUnsafeBufferPointer { records in
            var start = rows.lowerBound
            while start < rows.upperBound {
                let end = min(start + batch, rows.upperBound)
                add(UnsafeBufferPointer(rebasing: records[start..<end]))
                start = end
            }
        }
    }

    /// Adds the fold of the records after these (the next part of the file, or the next run of an
    /// array), whose lines are moved on by `lineOffset`.
    public mutating func merge(_ later: RecordFold, lineOffset: Int = 0) {
        precondition(kpis.map(\.id) == later.kpis.map(\.id), "the folds count the same KPIs")
        for k in kpis.indices where failures[k] == nil {
            if let failure = later.failures[k] {
                failures[k] = failure
            } else {
                accumulators[k].merge(later.accumulators[k])
            }
        }
        kept.merge(later.kept, lineOffset: lineOffset)
        count += later.count
    }

    /// The counts of the KPI with this id, or its first failure; nil when the fold does not count it.
    public func result(of id: String) -> Result<KPIAccumulator, CalendarError>? {
        guard let k = kpis.firstIndex(where: { $0.id == id }) else { return nil }
        return failures[k].map { .failure($0) } ?? .success(accumulators[k])
    }
}

public typealias ContactFold = RecordFold<Contact>
public typealias EnquiryFold = RecordFold<Section47Enquiry>
public typealias ConferenceFold = RecordFold<ChildProtectionConference>
public typealias AuditFold = RecordFold<CaseAudit>

/// Records kept whole when they may go on an exception list, in file order.
public protocol ListCandidates: FoldKept where Record: DecodableRecord & Equatable {
    var listCandidates: [Record] { get set }
}

extension ListCandidates {
    /// The later part's candidates, their lines moved on.
    mutating func mergeCandidates(_ later: [Record], lineOffset: Int) {
        listCandidates.reserveCapacity(listCandidates.count + later.count)
        for var record in later {
            record.line += lineOffset
            listCandidates.append(record)
        }
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

    /// Every dated referral among the contacts, in their order (cases made from an array of contacts).
    public static func all(in contacts: [Contact]) -> [ReferralFact] {
        contacts.withUnsafeBufferPointer { buffer in
            buffer.indices.compactMap { ReferralFact(buffer.baseAddress! + $0) }
        }
    }
}

/// What a fold keeps of contacts: each dated referral as a `ReferralFact` (for re_referrals_12m, which
/// compares a child's referrals with each other, in the link stage), and the contacts that may go on a
/// list (`ExceptionFinder.mayList`: undecided, or a MARF not received, in the window).
public struct ContactsKept: ListCandidates {
    public private(set) var referrals: [ReferralFact] = []
    public var listCandidates: [Contact] = []

    public init() {}

    public mutating func add(_ contacts: UnsafeBufferPointer<Contact>, context: KPIContext) {
        guard let base = contacts.baseAddress else { return }
        let window = context.periods.window
        for index in contacts.indices {
            if let referral = ReferralFact(base + index) { referrals.append(referral) }
            if ExceptionFinder.mayList(base + index, window: window) { listCandidates.append(base[index]) }
        }
    }

    public mutating func merge(_ later: ContactsKept, lineOffset: Int) {
        referrals += later.referrals
        mergeCandidates(later.listCandidates, lineOffset: lineOffset)
    }
}

/// An S47 enquiry as the conferences' link reads it (SPEC §4 icpc_within_15wd): its id and its
/// strategy date.
public struct EnquiryFact: Sendable, Equatable {
    public let id: String
    public let strategyDate: Day

    public init(id: String, strategyDate: Day) {
        self.id = id
        self.strategyDate = strategyDate
    }

    public init(_ enquiry: Section47Enquiry) {
        self.init(id: enquiry.id, strategyDate: enquiry.strategyDate)
    }
}

/// What a fold keeps of S47 enquiries: each one's id and strategy date (`EnquiryFact`), for the link
/// from an initial conference to its enquiry.
public struct EnquiriesKept: FoldKept {
    public private(set) var facts: [EnquiryFact] = []

    public init() {}

    public mutating func add(_ enquiries: UnsafeBufferPointer<Section47Enquiry>, context: KPIContext) {
        guard let base = enquiries.baseAddress else { return }
        facts.reserveCapacity(facts.count + enquiries.count)
        for index in enquiries.indices {
            facts.append(EnquiryFact(id: base[index].id, strategyDate: base[index].strategyDate))
        }
    }

    public mutating func merge(_ later: EnquiriesKept, lineOffset: Int) {
        facts += later.facts
    }
}

/// What a fold keeps of audits: those that may go on the overdue audit actions list
/// (`ExceptionFinder.mayList`: actions due before as_of and not completed).
public struct AuditsKept: ListCandidates {
    public var listCandidates: [CaseAudit] = []

    public init() {}

    public mutating func add(_ audits: UnsafeBufferPointer<CaseAudit>, context: KPIContext) {
        guard let base = audits.baseAddress else { return }
        for index in audits.indices where ExceptionFinder.mayList(base + index, asOf: context.asOf) {
            listCandidates.append(base[index])
        }
    }

    public mutating func merge(_ later: AuditsKept, lineOffset: Int) {
        mergeCandidates(later.listCandidates, lineOffset: lineOffset)
    }
}

extension Contact: FoldedRecord {
    public typealias Kept = ContactsKept
    public typealias Fold = ContactFold
    public static var foldInOptions: WritableKeyPath<DecodingOptions, ContactFold?> { \.contactFold }
    public static func eachRow(of kpi: KPIDefinition) -> KPIDefinition.EvaluateRows<Contact>? { kpi.eachContact }
}

extension Section47Enquiry: FoldedRecord {
    public typealias Kept = EnquiriesKept
    public typealias Fold = EnquiryFold
    public static var foldInOptions: WritableKeyPath<DecodingOptions, EnquiryFold?> { \.enquiryFold }
    public static func eachRow(of kpi: KPIDefinition) -> KPIDefinition.EvaluateRows<Section47Enquiry>? {
        kpi.eachEnquiry
    }
}

extension ChildProtectionConference: FoldedRecord {
    public typealias Kept = ConferencesKept
    public typealias Fold = ConferenceFold
    public static var foldInOptions: WritableKeyPath<DecodingOptions, ConferenceFold?> { \.conferenceFold }
    public static func eachRow(of kpi: KPIDefinition) -> KPIDefinition.EvaluateRows<ChildProtectionConference>? {
        nil
    }
}

extension CaseAudit: FoldedRecord {
    public typealias Kept = AuditsKept
    public typealias Fold = AuditFold
    public static var foldInOptions: WritableKeyPath<DecodingOptions, AuditFold?> { \.auditFold }
    public static func eachRow(of kpi: KPIDefinition) -> KPIDefinition.EvaluateRows<CaseAudit>? { kpi.eachAudit }
}
