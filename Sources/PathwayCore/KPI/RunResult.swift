/// Everything the compute stage produced for one run: the dashboards are built from this alone.
public struct RunResult: Sendable {
    public let periods: ReportingPeriods
    /// One per input file read, in file-name order.
    public private(set) var inputs: [InputSummary]
    /// Every finding, in report order.
    public let findings: [Finding]
    /// Every KPI, sorted by id.
    public let kpis: [KPIResult]
    public let calendarCoverage: DayRange
    public let calendarSource: String
    /// Child-level lists for managers (XLSX only).
    public let exceptions: ExceptionLists

    public init(periods: ReportingPeriods, inputs: [InputSummary], findings: [Finding], kpis: [KPIResult],
                exceptions: ExceptionLists = ExceptionLists(), calendarCoverage: DayRange, calendarSource: String) {
        self.periods = periods
        self.inputs = inputs.sorted(by: InputSummary.inFileOrder)
        self.findings = findings.sorted(by: Finding.inReportOrder)
        self.kpis = kpis
        self.exceptions = exceptions
        self.calendarCoverage = calendarCoverage
        self.calendarSource = calendarSource
    }

    /// The same result with other input summaries (the run fills in the files' digests after computing).
    public func with(inputs: [InputSummary]) -> RunResult {
        var copy = self
        copy.inputs = inputs.sorted(by: InputSummary.inFileOrder)
        return copy
    }

    public var asOf: Day { periods.asOf }
    public var errorCount: Int { findings.lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { findings.lazy.filter { $0.severity == .warning }.count }
}
