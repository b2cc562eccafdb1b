import Foundation

/// The compute stage: runs every declaration over the linked cases.
public struct KPIEngine: Sendable {
    public let catalogue: [KPIDefinition]
    /// Target per KPI id (defaults from the declarations, overridden by the configuration).
    public let targets: [String: OneDecimal?]
    public let amberMargin: OneDecimal
    /// Records per batch when the compute stage folds records itself (cases made from arrays of records;
    /// a run's were folded as they were decoded, `RecordFold`). The counts do not depend on it.
    public let contactsPerBlock: Int

    public init(catalogue: [KPIDefinition] = KPICatalogue.all, targetOverrides: [String: OneDecimal?] = [:],
                amberMargin: OneDecimal = OneDecimal(tenths: 50), contactsPerBlock: Int = 4_096) {
        precondition(contactsPerBlock > 0, "a block holds at least one contact")
        self.contactsPerBlock = contactsPerBlock
        self.catalogue = catalogue
        var targets: [String: OneDecimal?] = [:]
        for kpi in catalogue { targets[kpi.id] = targetOverrides[kpi.id] ?? kpi.defaultTarget }
        self.targets = targets
        self.amberMargin = amberMargin
    }

    /// Every KPI, sorted by id. KPIs are independent, so they are computed on all cores.
    public func compute(_ cases: LinkedCases, context: KPIContext) throws(CalendarError) -> [KPIResult] {
        try compute(cases, context: context, alongside: {})
    }

    /// The same, running `job` as one more task among the KPIs' (started first), so that other work on
    /// the same cases (the exception lists) shares the cores instead of waiting for the last KPI.
    ///
    /// The KPIs that count one file's rows one at a time (`KPIDefinition.eachRowOf`) take their counts
    /// from the cases' folds; cases that hold their records have them folded here (contacts shared out in
    /// one run per core). The other KPIs are one task each.
    public func compute(_ cases: LinkedCases, context: KPIContext,
                        alongside job: @Sendable () -> Void) throws(CalendarError) -> [KPIResult] {
        let kpis = catalogue.sorted(by: { CodePoint.less($0.id, $1.id) })
        let alone = kpis.indices.filter { kpis[$0].eachRowOf == nil }
        let contactRuns = cases.contactFold != nil ? 0
            : max(1, min(ProcessInfo.processInfo.activeProcessorCount, cases.contacts.count / contactsPerBlock))
        let tasks: [Task] = [.job] + (0..<contactRuns).map { .contacts(run: $0) }
            + (cases.enquiryFold == nil ? [.enquiries] : []) + (cases.auditFold == nil ? [.audits] : [])
            + alone.map { .kpi($0) }
        let results = ConcurrentSlots<Result<KPIAccumulator, CalendarError>>(count: kpis.count)
        let contactShares = ConcurrentSlots<ContactFold>(count: contactRuns)
        let enquiryFold = ConcurrentSlots<EnquiryFold>(count: 1), auditFold = ConcurrentSlots<AuditFold>(count: 1)
        DispatchQueue.concurrentPerform(iterations: tasks.count) { task in
            switch tasks[task] {
            case .job:
                job()
            case let .contacts(run):
                let count = cases.contacts.count
                let rows = (count * run / contactRuns)..<(count * (run + 1) / contactRuns)
                contactShares.set(run, fold(cases.contacts, rows: rows, context: context))
            case .enquiries:
                enquiryFold.set(0, fold(cases.enquiries, rows: nil, context: context))
            case .audits:
                auditFold.set(0, fold(cases.audits, rows: nil, context: context))
            case let .kpi(index):
                results.set(index, Result { () throws(CalendarError) in try accumulate(kpis[index], cases, context: context) })
            }
        }
        // The runs' folds joined in order: their counts added up, or a KPI's first failure in the runs'
        // order (the failure reading all contacts in one go meets first).
        var contactFold = cases.contactFold
        for run in 0..<contactRuns {
            let share = contactShares.take(run)!
            if contactFold == nil { contactFold = share } else { contactFold!.merge(share) }
        }
        let folds = Folds(contacts: contactFold!, enquiries: cases.enquiryFold ?? enquiryFold.take(0)!,
                          audits: cases.auditFold ?? auditFold.take(0)!)
        for index in kpis.indices where kpis[index].eachRowOf != nil {
            results.set(index, folds.result(of: kpis[index]))
        }
        // The first failure in id order, so the error does not depend on scheduling.
        var out: [KPIResult] = []
        for index in kpis.indices { out.append(result(kpis[index], try results.get(index)!.get())) }
        return out
    }

    /// The compute stage's tasks: the job alongside, a run of contacts to fold, the enquiries or the
    /// audits to fold, a KPI over the linked cases.
    private enum Task: Sendable {
        case job
        case contacts(run: Int)
        case enquiries, audits
        case kpi(Int)
    }

    /// The three files' folds.
    private struct Folds {
        let contacts: ContactFold
        let enquiries: EnquiryFold
        let audits: AuditFold

        init(contacts: ContactFold, enquiries: EnquiryFold, audits: AuditFold) {
            (self.contacts, self.enquiries, self.audits) = (contacts, enquiries, audits)
        }

        /// The cases' folds, when the records of all three files were folded.
        init?(_ cases: LinkedCases) {
            guard let contacts = cases.contactFold, let enquiries = cases.enquiryFold, let audits = cases.auditFold
            else { return nil }
            self.init(contacts: contacts, enquiries: enquiries, audits: audits)
        }

        func result(of kpi: KPIDefinition) -> Result<KPIAccumulator, CalendarError> {
            let result: Result<KPIAccumulator, CalendarError>?
            switch kpi.eachRowOf {
            case .contacts?: result = contacts.result(of: kpi.id)
            case .s47Enquiries?: result = enquiries.result(of: kpi.id)
            case .audits?: result = audits.result(of: kpi.id)
            default: result = nil
            }
            guard let result else { preconditionFailure("the records were folded with every KPI that counts them") }
            return result
        }
    }

    /// The records in `rows` (all when nil) folded for the catalogue's KPIs, `contactsPerBlock` at a time.
    private func fold<Record: FoldedRecord>(_ records: [Record], rows: Range<Int>?,
                                            context: KPIContext) -> RecordFold<Record> {
        var fold = RecordFold<Record>(catalogue: catalogue, context: context)
        fold.add(records, rows: rows, batch: contactsPerBlock)
        return fold
    }

    /// One KPI, reading all its records in one go.
    public func compute(_ kpi: KPIDefinition, _ cases: LinkedCases, context: KPIContext) throws(CalendarError) -> KPIResult {
        result(kpi, try accumulate(kpi, cases, context: context))
    }

    private func accumulate(_ kpi: KPIDefinition, _ cases: LinkedCases,
                            context: KPIContext) throws(CalendarError) -> KPIAccumulator {
        if kpi.eachRowOf != nil, let folds = Folds(cases) {
            return try folds.result(of: kpi).get()
        }
        var accumulator = KPIAccumulator(periods: context.periods)
        try kpi.evaluate(cases, context, &accumulator)
        return accumulator
    }

    /// The result of a KPI's counts: months, teams by name, target and RAG.
    private func result(_ kpi: KPIDefinition, _ accumulator: KPIAccumulator) -> KPIResult {
        let months = zip(accumulator.periods.months, accumulator.monthly).map { KPIResult.Month(month: $0.month, tally: $1) }
        let teams = accumulator.byTeam.sorted { $0.key < $1.key }.map { KPIResult.Team(team: $0.key.value, tally: $0.value) }
        let target = kpi.kind == .rate ? (targets[kpi.id] ?? nil) : nil
        let rag = kpi.kind == .rate
            ? RAG.rate(value: accumulator.headline.rate, target: target, polarity: kpi.polarity, amberMargin: amberMargin)
            : nil
        return KPIResult(definition: kpi, headline: accumulator.headline, monthly: months, byTeam: teams,
                         target: target, rag: rag)
    }
}

