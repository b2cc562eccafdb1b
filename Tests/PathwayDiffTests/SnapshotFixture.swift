import PathwayCore
@testable import PathwayDiff

/// A small `kpis.json` snapshot built in a test, written with the library's own JSON writer.
struct SnapshotFixture {
    struct KPI {
        var id: String
        var kind: String = "rate"
        var value: Double?
        var monthly: [(month: String, value: Double?)] = []
        var byTeam: [(team: String, value: Double?)] = []
    }

    var asOf = "2026-03-31"
    var windowStart = "2025-04-01"
    var errors = 0
    var warnings = 0
    var kpis: [KPI]

    init(_ kpis: [KPI]) {
        self.kpis = kpis
    }

    var bytes: [UInt8] {
        let document: JSONValue = .object([
            "schema_version": .number("1"),
            "as_of": .string(asOf),
            "window": .object(["start": .string(windowStart), "end": .string(asOf)]),
            "findings": .object(["errors": .number("\(errors)"), "warnings": .number("\(warnings)")]),
            "kpis": .array(kpis.map { kpi in
                .object([
                    "id": .string(kpi.id),
                    "kind": .string(kpi.kind),
                    "value": Self.number(kpi.value),
                    "monthly": .array(kpi.monthly.map { .object(["month": .string($0.month), "value": Self.number($0.value)]) }),
                    "by_team": .array(kpi.byTeam.map { .object(["team": .string($0.team), "value": Self.number($0.value)]) }),
                ])
            }),
        ])
        return Array(JSONWriter.write(document).utf8)
    }

    private static func number(_ value: Double?) -> JSONValue {
        value.map { .number("\($0)") } ?? .null
    }

    /// Compares `base` with `new` under the given tolerance.
    static func diff(_ base: SnapshotFixture, _ new: SnapshotFixture, tolerance: Double = 0.5) throws -> SnapshotDiff {
        try SnapshotDiff.compare(
            base: base.bytes, baseName: "base.json", new: new.bytes, newName: "new.json",
            options: SnapshotDiffOptions(tolerance: tolerance))
    }
}
