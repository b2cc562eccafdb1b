/// The comparison of two `kpis.json` snapshots (SPEC §5), KPI by KPI: the headline value, each
/// monthly value (matched by `month`) and each by-team value (matched by `team`).
///
/// A change with |new − base| ≤ tolerance is listed as within tolerance and does not fail; a
/// larger change, a KPI, month or team that appeared or vanished, and a value that went between
/// null and a number are beyond tolerance and make `exitCode` 1. Differences in `as_of`,
/// `window`, `findings` and a KPI's `kind` are reported as notes and never fail.
public struct SnapshotDiff: Sendable {
    public let baseName: String
    public let newName: String
    public let tolerance: Double
    /// KPIs in code-point order of id; within a KPI the headline, then months in order, then
    /// teams in code-point order.
    public let changes: [SnapshotDiffChange]
    /// Informational differences, in the order as_of, window, findings, KPI kinds by id.
    public let notes: [SnapshotDiffNote]

    /// Parses both snapshots (raw bytes + display names for messages) and compares them.
    public static func compare(
        base: [UInt8], baseName: String, new: [UInt8], newName: String, options: SnapshotDiffOptions
    ) throws(SnapshotDiffError) -> SnapshotDiff {
        try options.validate()
        let baseSnapshot = try SnapshotReader.read(base, name: baseName)
        let newSnapshot = try SnapshotReader.read(new, name: newName)
        return SnapshotDiff(base: baseSnapshot, new: newSnapshot, tolerance: options.tolerance)
    }

    /// Reads both files and compares them; the paths are the display names.
    public static func compareFiles(
        basePath: String, newPath: String, options: SnapshotDiffOptions
    ) throws(SnapshotDiffError) -> SnapshotDiff {
        let base = try SnapshotFileReader.read(path: basePath)
        let new = try SnapshotFileReader.read(path: newPath)
        return try compare(base: base, baseName: basePath, new: new, newName: newPath, options: options)
    }

    public var exceedsTolerance: Bool { changes.contains { $0.isBeyondTolerance } }

    /// 1 when something moved beyond tolerance, else 0 (bad input is `SnapshotDiffError.exitCode`).
    public var exitCode: Int32 { exceedsTolerance ? 1 : 0 }

    public var beyondToleranceCount: Int { changes.count { $0.isBeyondTolerance } }
    public var withinToleranceCount: Int { changes.count { !$0.isBeyondTolerance } }
    public var appearedKPICount: Int { changes.count { $0.isWholeKPI && $0.category == .appeared } }
    public var vanishedKPICount: Int { changes.count { $0.isWholeKPI && $0.category == .vanished } }

    public func render(_ format: SnapshotDiffFormat) -> String {
        switch format {
        case .text: return SnapshotDiffTextRenderer.render(self)
        case .markdown: return SnapshotDiffMarkdownRenderer.render(self)
        case .json: return SnapshotDiffJSONRenderer.render(self)
        }
    }

    /// "2 changes beyond tolerance 0.5, 5 within; 1 KPI appeared, 0 vanished" (shared by the
    /// text and Markdown formats; appeared and vanished KPIs are among the changes beyond).
    var summary: String {
        let changesWord = beyondToleranceCount == 1 ? "change" : "changes"
        let kpiWord = appearedKPICount == 1 ? "KPI" : "KPIs"
        return "\(beyondToleranceCount) \(changesWord) beyond tolerance \(toleranceText), "
            + "\(withinToleranceCount) within; \(appearedKPICount) \(kpiWord) appeared, \(vanishedKPICount) vanished"
    }

    var toleranceText: String { SnapshotNumberFormat.plain(tolerance) }

    init(base: Snapshot, new: Snapshot, tolerance: Double) {
        self.baseName = base.name
        self.newName = new.name
        self.tolerance = tolerance
        var changes: [SnapshotDiffChange] = []
        var notes: [SnapshotDiffNote] = []
        Self.note("as_of", base.asOf, new.asOf, into: &notes)
        Self.note("window", base.window, new.window, into: &notes)
        Self.note("findings.errors", base.findingsErrors.map(SnapshotNumberFormat.plain),
                  new.findingsErrors.map(SnapshotNumberFormat.plain), into: &notes)
        Self.note("findings.warnings", base.findingsWarnings.map(SnapshotNumberFormat.plain),
                  new.findingsWarnings.map(SnapshotNumberFormat.plain), into: &notes)
        for id in Set(base.kpis.keys).union(new.kpis.keys).sorted() {
            switch (base.kpis[id], new.kpis[id]) {
            case (let old?, let current?):
                if old.kind != current.kind {
                    notes.append(SnapshotDiffNote(
                        field: "\(current.id).kind", base: old.kind.rawValue, new: current.kind.rawValue))
                }
                changes += Self.changes(from: old, to: current, tolerance: tolerance)
            case (let old?, nil):
                changes.append(SnapshotDiffChange(
                    kpiID: old.id, kpiKind: old.kind, location: .headline,
                    base: SnapshotDiffValue(old.value), new: .absent, isBeyondTolerance: true))
            case (nil, let current?):
                changes.append(SnapshotDiffChange(
                    kpiID: current.id, kpiKind: current.kind, location: .headline,
                    base: .absent, new: SnapshotDiffValue(current.value), isBeyondTolerance: true))
            case (nil, nil):
                break
            }
        }
        self.changes = changes
        self.notes = notes
    }

    private static func note(_ field: String, _ base: String?, _ new: String?, into notes: inout [SnapshotDiffNote]) {
        if base != new { notes.append(SnapshotDiffNote(field: field, base: base, new: new)) }
    }

    /// The changes between the values of one KPI present in both snapshots.
    private static func changes(
        from old: SnapshotKPI, to current: SnapshotKPI, tolerance: Double
    ) -> [SnapshotDiffChange] {
        var changes: [SnapshotDiffChange] = []
        func add(_ location: SnapshotDiffLocation, _ base: SnapshotDiffValue, _ new: SnapshotDiffValue) {
            guard base != new else { return }
            changes.append(SnapshotDiffChange(
                kpiID: current.id, kpiKind: current.kind, location: location, base: base, new: new,
                isBeyondTolerance: isBeyondTolerance(base, new, tolerance: tolerance)))
        }
        add(.headline, SnapshotDiffValue(old.value), SnapshotDiffValue(current.value))
        for month in Set(old.monthly.keys).union(current.monthly.keys).sorted() {
            add(.month(month.value), side(old.monthly[month]), side(current.monthly[month]))
        }
        for team in Set(old.byTeam.keys).union(current.byTeam.keys).sorted() {
            add(.team(team.value), side(old.byTeam[team]), side(current.byTeam[team]))
        }
        return changes
    }

    /// A series entry: absent when the month or team is not there, else its value or null.
    private static func side(_ entry: Double??) -> SnapshotDiffValue {
        guard let entry else { return .absent }
        return SnapshotDiffValue(entry)
    }

    /// |new − base| > tolerance for two numbers; anything else that changed is beyond.
    /// Snapshot values are decimals (one place for rates) that binary doubles only approximate, so
    /// 64.4 − 63.9 comes out as 0.5000000000000071: a difference within a few units in the last
    /// place of the values is treated as equal to the tolerance, not beyond it.
    private static func isBeyondTolerance(
        _ base: SnapshotDiffValue, _ new: SnapshotDiffValue, tolerance: Double
    ) -> Bool {
        guard let old = base.number, let current = new.number else { return true }
        let slack = 1e-9 * max(1, Swift.abs(old), Swift.abs(current))
        return Swift.abs(current - old) > tolerance + slack
    }
}
