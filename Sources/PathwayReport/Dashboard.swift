import PathwayCore

/// The build-the-dashboard stage's pure value: everything the XLSX and Markdown renderers show,
/// derived from one run's result. Renderers format; they do not compute.
public struct Dashboard: Sendable {
    public struct Area: Sendable {
        public let area: KPIArea
        /// The area's KPIs in catalogue order.
        public let kpis: [KPIResult]
    }

    /// Findings of one rule: how many, and the first few (in report order) to show.
    public struct RuleSummary: Sendable {
        public let rule: ValidationRule
        public let count: Int
        public let examples: [Finding]
    }

    /// Direction of travel of a rate: the latest month against the month before.
    public enum Trend: String, Sendable {
        case up, down, flat

        public var symbol: String {
            switch self {
            case .up: return "▲"
            case .down: return "▼"
            case .flat: return "►"
            }
        }
    }

    public static let examplesPerRule = 5

    public let authority: String
    public let programVersion: String
    /// The RAG amber band in percentage points (configuration `amber_margin`).
    public let amberMargin: OneDecimal
    public let result: RunResult
    public let areas: [Area]
    /// Rules with at least one finding, errors first, then by rule id.
    public let findingsByRule: [RuleSummary]

    public init(result: RunResult, authority: String, programVersion: String = ProgramVersion.current,
                amberMargin: OneDecimal = OneDecimal(tenths: 50)) {
        self.authority = authority
        self.programVersion = programVersion
        self.amberMargin = amberMargin
        self.result = result
        let order = Dictionary(uniqueKeysWithValues: KPICatalogue.all.enumerated().map { ($1.id, $0) })
        areas = KPIArea.allCases.map { area in
            Area(area: area, kpis: result.kpis.filter { $0.definition.area == area }
                .sorted { (order[$0.id] ?? 0) < (order[$1.id] ?? 0) })
        }
        var grouped: [ValidationRule: [Finding]] = [:]
        for finding in result.findings { grouped[finding.rule, default: []].append(finding) }
        findingsByRule = grouped.keys.sorted { ($0.severity, $0.rawValue) < ($1.severity, $1.rawValue) }.map { rule in
            RuleSummary(rule: rule, count: grouped[rule]!.count, examples: Array(grouped[rule]!.prefix(Dashboard.examplesPerRule)))
        }
    }

    public var asOf: Day { result.asOf }
    public var window: DayRange { result.periods.window }

    /// The latest month's value against the previous month's; nil for counts or when either is missing.
    public func trend(_ kpi: KPIResult) -> Trend? {
        guard kpi.kind == .rate, kpi.monthly.count >= 2,
              let last = kpi.monthly[kpi.monthly.count - 1].tally.rate,
              let previous = kpi.monthly[kpi.monthly.count - 2].tally.rate else { return nil }
        return last > previous ? .up : last < previous ? .down : .flat
    }

    /// The figure shown for a KPI: the count, or the rate's value.
    public func headlineText(_ kpi: KPIResult) -> String {
        switch kpi.kind {
        case .count: return String(kpi.headline.count)
        case .rate: return kpi.headline.rate.map { "\($0)%" } ?? "no data"
        }
    }
}
