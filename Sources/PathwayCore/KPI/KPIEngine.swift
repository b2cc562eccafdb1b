import Foundation

/// The compute stage: runs every declaration over the linked cases.
public struct KPIEngine: Sendable {
    public let catalogue: [KPIDefinition]
    /// Target per KPI id (defaults from the declarations, overridden by the configuration).
    public let targets: [String: OneDecimal?]
    public let amberMargin: OneDecimal

    public init(catalogue: [KPIDefinition] = KPICatalogue.all, targetOverrides: [String: OneDecimal?] = [:],
                amberMargin: OneDecimal = OneDecimal(tenths: 50)) {
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
    public func compute(_ cases: LinkedCases, context: KPIContext,
                        alongside job: @Sendable () -> Void) throws(CalendarError) -> [KPIResult] {
        let kpis = catalogue.sorted(by: { CodePoint.less($0.id, $1.id) })
        let results = ConcurrentSlots<Result<KPIResult, CalendarError>>(count: kpis.count)
        DispatchQueue.concurrentPerform(iterations: kpis.count + 1) { task in
            guard task > 0 else { return job() }
            let index = task - 1
            do throws(CalendarError) {
                results.set(index, .success(try compute(kpis[index], cases, context: context)))
            } catch {
                results.set(index, .failure(error))
            }
        }
        // The first failure in id order, so the error does not depend on scheduling.
        var out: [KPIResult] = []
        for index in kpis.indices { out.append(try results.get(index)!.get()) }
        return out
    }

    public func compute(_ kpi: KPIDefinition, _ cases: LinkedCases, context: KPIContext) throws(CalendarError) -> KPIResult {
        var accumulator = KPIAccumulator(periods: context.periods)
        try kpi.evaluate(cases, context, &accumulator)
        let months = zip(context.periods.months, accumulator.monthly).map { KPIResult.Month(month: $0.month, tally: $1) }
        let teams = accumulator.byTeam.sorted { $0.key < $1.key }.map { KPIResult.Team(team: $0.key.value, tally: $0.value) }
        let target = kpi.kind == .rate ? (targets[kpi.id] ?? nil) : nil
        let rag = kpi.kind == .rate
            ? RAG.rate(value: accumulator.headline.rate, target: target, polarity: kpi.polarity, amberMargin: amberMargin)
            : nil
        return KPIResult(definition: kpi, headline: accumulator.headline, monthly: months, byTeam: teams,
                         target: target, rag: rag)
    }
}

