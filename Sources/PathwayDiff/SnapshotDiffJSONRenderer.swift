import PathwayCore

/// The `json` format: one object with sorted keys, two-space indent and a trailing newline —
/// `base_file`, `new_file`, `tolerance`, `beyond_tolerance`, `exit_code`, `summary`, `changes`
/// (each with `kpi`, `kind`, `where` and its `month` or `team`, `base`, `new`, `delta`, `change`,
/// `beyond_tolerance`; an absent side is null, `change` says which) and `notes`.
enum SnapshotDiffJSONRenderer {
    static func render(_ diff: SnapshotDiff) -> String {
        let document: [String: JSONValue] = [
            "base_file": .string(diff.baseName),
            "new_file": .string(diff.newName),
            "tolerance": .number(diff.toleranceText),
            "beyond_tolerance": .bool(diff.exceedsTolerance),
            "exit_code": .number(String(diff.exitCode)),
            "summary": .object([
                "beyond_tolerance": .number(String(diff.beyondToleranceCount)),
                "within_tolerance": .number(String(diff.withinToleranceCount)),
                "kpis_appeared": .number(String(diff.appearedKPICount)),
                "kpis_vanished": .number(String(diff.vanishedKPICount)),
            ]),
            "changes": .array(diff.changes.map(changeObject)),
            "notes": .array(diff.notes.map(noteObject)),
        ]
        return JSONWriter.write(.object(document))
    }

    private static func changeObject(_ change: SnapshotDiffChange) -> JSONValue {
        var object: [String: JSONValue] = [
            "kpi": .string(change.kpiID),
            "kind": .string(change.kpiKind.rawValue),
            "base": number(change.base, kind: change.kpiKind),
            "new": number(change.new, kind: change.kpiKind),
            "delta": change.delta.map { .number(SnapshotNumberFormat.jsonDelta($0, kind: change.kpiKind)) } ?? .null,
            "change": .string(change.category.rawValue),
            "beyond_tolerance": .bool(change.isBeyondTolerance),
        ]
        switch change.location {
        case .headline:
            object["where"] = .string("headline")
        case .month(let month):
            object["where"] = .string("month")
            object["month"] = .string(month)
        case .team(let team):
            object["where"] = .string("team")
            object["team"] = .string(team)
        }
        return .object(object)
    }

    private static func number(_ value: SnapshotDiffValue, kind: SnapshotKPIKind) -> JSONValue {
        guard let number = value.number else { return .null }
        return .number(SnapshotNumberFormat.value(number, kind: kind))
    }

    private static func noteObject(_ note: SnapshotDiffNote) -> JSONValue {
        .object([
            "field": .string(note.field),
            "base": note.base.map(JSONValue.string) ?? .null,
            "new": note.new.map(JSONValue.string) ?? .null,
        ])
    }
}
