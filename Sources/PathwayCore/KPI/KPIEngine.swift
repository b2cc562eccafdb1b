import Foundation

/// The compute stage: runs every declaration over the linked cases.
public struct KPIEngine: Sendable {
    public let catalogue: [KPIDefinition]
    /// Target per KPI id (defaults from the declarations, overridden by the configuration).
    public let targets: [String: OneDecimal?]
    public let amberMargin: OneDecimal
    /// Contacts per batch when the compute stage folds contacts itself (cases made from an array of
    /// contacts; a run's were folded as they were decoded, `ContactFold`). The counts do not depend on it.
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
    /// The KPIs that read contacts one at a time (`KPIDefinition.readsContacts`) take their counts from
    /// the cases' `contactFold`; cases that hold their contacts have them folded here, shared out in one
    /// run per core. The other KPIs are one task each.
    public func compute(_ cases: LinkedCases, context: KPIContext,
                        alongside job: @Sendable () -> Void) throws(CalendarError) -> [KPIResult] {
        let kpis = catalogue.sorted(by: { CodePoint.less($0.id, $1.id) })
        let folded = kpis.indices.filter { kpis[$0].readsContacts }
        let alone = kpis.indices.filter { !kpis[$0].readsContacts }
        let runs = folded.isEmpty || cases.contactFold != nil ? 0
            : max(1, min(ProcessInfo.processInfo.activeProcessorCount, cases.contacts.count / contactsPerBlock))
        let results = ConcurrentSlots<Result<KPIAccumulator, CalendarError>>(count: kpis.count)
        let shares = ConcurrentSlots<ContactFold>(count: runs)
        let foldedKPIs = folded.map { kpis[$0] }
        DispatchQueue.concurrentPerform(iterations: 1 + runs + alone.count) { task in
            if task == 0 {
                job()
            } else if task <= runs {
                let run = task - 1, count = cases.contacts.count
                let rows = (count * run / runs)..<(count * (run + 1) / runs)
                shares.set(run, fold(cases.contacts, rows: rows, kpis: foldedKPIs, context: context))
            } else {
                let index = alone[task - 1 - runs]
                results.set(index, Result { () throws(CalendarError) in try accumulate(kpis[index], cases, context: context) })
            }
        }
        // The runs' folds joined in order: their counts added up, or a KPI's first failure in the runs'
        // order (the failure reading all contacts in one go meets first).
        var contactFold = cases.contactFold
        for run in 0..<runs {
            if contactFold == nil { contactFold = shares.take(run) } else { contactFold!.merge(shares.take(run)!) }
        }
        for index in folded {
            guard let result = contactFold?.result(of: kpis[index].id) else {
                preconditionFailure("the contacts were folded with every KPI that reads them")
            }
            results.set(index, result)
        }
        // The first failure in id order, so the error does not depend on scheduling.
        var out: [KPIResult] = []
        for index in kpis.indices { out.append(result(kpis[index], try results.get(index)!.get())) }
        return out
    }

    /// The contacts in `rows` folded for the KPIs, `contactsPerBlock` at a time.
    private func fold(_ contacts: [Contact], rows: Range<Int>, kpis: [KPIDefinition], context: KPIContext) -> ContactFold {
        var fold = ContactFold(kpis: kpis, context: context)
        contacts.withUnsafeBufferPointer { contacts in
            var start = rows.lowerBound
            while start < rows.upperBound {
                let end = min(start + contactsPerBlock, rows.upperBound)
                fold.add(UnsafeBufferPointer(rebasing: contacts[start..<end]))
                start = end
            }
        }
        return fold
    }

    /// One KPI, reading all its records in one go.
    public func compute(_ kpi: KPIDefinition, _ cases: LinkedCases, context: KPIContext) throws(CalendarError) -> KPIResult {
        result(kpi, try accumulate(kpi, cases, context: context))
    }

    private func accumulate(_ kpi: KPIDefinition, _ cases: LinkedCases,
                            context: KPIContext) throws(CalendarError) -> KPIAccumulator {
        if kpi.readsContacts, let fold = cases.contactFold {
            guard let result = fold.result(of: kpi.id) else {
                preconditionFailure("the contacts were folded with every KPI that reads them")
            }
            return try result.get()
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

