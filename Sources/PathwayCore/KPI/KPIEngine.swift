import Foundation

/// The compute stage: runs every declaration over the linked cases.
public struct KPIEngine: Sendable {
    public let catalogue: [KPIDefinition]
    /// Target per KPI id (defaults from the declarations, overridden by the configuration).
    public let targets: [String: OneDecimal?]
    public let amberMargin: OneDecimal
    /// Contacts per block for the KPIs that read contacts in blocks (`KPIDefinition.readsContactsInBlocks`):
    /// 4,096 contacts are 426 kB, which stay in a core's second-level cache while every such KPI
    /// reads them. The counts do not depend on it.
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
    /// The KPIs that read contacts in blocks are evaluated together: the contacts are shared out in one
    /// run per core, and each run reads its contacts a block at a time, every such KPI over a block
    /// before the next block. The other KPIs are one task each.
    public func compute(_ cases: LinkedCases, context: KPIContext,
                        alongside job: @Sendable () -> Void) throws(CalendarError) -> [KPIResult] {
        let kpis = catalogue.sorted(by: { CodePoint.less($0.id, $1.id) })
        let blocked = kpis.indices.filter { kpis[$0].readsContactsInBlocks }
        let alone = kpis.indices.filter { !kpis[$0].readsContactsInBlocks }
        let runs = blocked.isEmpty ? 0 : max(1, min(ProcessInfo.processInfo.activeProcessorCount,
                                                    cases.contacts.count / contactsPerBlock))
        let results = ConcurrentSlots<Result<KPIAccumulator, CalendarError>>(count: kpis.count)
        let shares = ConcurrentSlots<[Result<KPIAccumulator, CalendarError>]>(count: runs)
        DispatchQueue.concurrentPerform(iterations: 1 + runs + alone.count) { task in
            if task == 0 {
                job()
            } else if task <= runs {
                let run = task - 1, count = cases.contacts.count
                let rows = (count * run / runs)..<(count * (run + 1) / runs)
                shares.set(run, evaluate(blocked.map { kpis[$0] }, cases, context: context, contacts: rows))
            } else {
                let index = alone[task - 1 - runs]
                results.set(index, Result { () throws(CalendarError) in try accumulate(kpis[index], cases, context: context) })
            }
        }
        // Each blocked KPI's runs in order: their counts added up, or the first run's failure (the
        // failure reading all contacts in one go meets first).
        for (position, index) in blocked.enumerated() {
            var total = KPIAccumulator(periods: context.periods)
            var failure: CalendarError?
            for run in 0..<runs where failure == nil {
                switch shares.get(run)![position] {
                case let .success(accumulator): total.merge(accumulator)
                case let .failure(error): failure = error
                }
            }
            results.set(index, failure.map { .failure($0) } ?? .success(total))
        }
        // The first failure in id order, so the error does not depend on scheduling.
        var out: [KPIResult] = []
        for index in kpis.indices { out.append(result(kpis[index], try results.get(index)!.get())) }
        return out
    }

    /// The KPIs over the contacts in `rows`, a block at a time, each KPI's counts or its first failure
    /// (after which it is not asked again; the others go on).
    private func evaluate(_ kpis: [KPIDefinition], _ cases: LinkedCases, context: KPIContext,
                          contacts rows: Range<Int>) -> [Result<KPIAccumulator, CalendarError>] {
        var accumulators = kpis.map { _ in KPIAccumulator(periods: context.periods) }
        var failures: [CalendarError?] = kpis.map { _ in nil }
        // The contacts' array is a `let` of the cases, so its storage stays where it is.
        let base = cases.contacts.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
        var start = rows.lowerBound
        while start < rows.upperBound {
            let end = min(start + contactsPerBlock, rows.upperBound)
            for k in kpis.indices where failures[k] == nil {
                accumulators[k].block = .init(rows: start..<end, base: base)
                do throws(CalendarError) {
                    try kpis[k].evaluate(cases, context, &accumulators[k])
                } catch {
                    failures[k] = error
                }
            }
            start = end
        }
        return kpis.indices.map { k in
            accumulators[k].block = nil
            return failures[k].map { .failure($0) } ?? .success(accumulators[k])
        }
    }

    /// One KPI, reading all its records in one go.
    public func compute(_ kpi: KPIDefinition, _ cases: LinkedCases, context: KPIContext) throws(CalendarError) -> KPIResult {
        result(kpi, try accumulate(kpi, cases, context: context))
    }

    private func accumulate(_ kpi: KPIDefinition, _ cases: LinkedCases,
                            context: KPIContext) throws(CalendarError) -> KPIAccumulator {
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

