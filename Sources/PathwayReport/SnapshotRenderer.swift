import PathwayCore

/// kpis.json (SPEC §5): keys sorted, two-space indent, trailing newline.
public enum SnapshotRenderer {
    public static let schemaVersion = 1

    public static func render(_ result: RunResult) -> String {
        JSONWriter.write(snapshot(result))
    }

    static func snapshot(_ result: RunResult) -> JSONValue {
        .object([
            "schema_version": .int(schemaVersion),
            "as_of": .string(result.asOf.description),
            "window": .object([
                "start": .string(result.periods.window.start.description),
                "end": .string(result.periods.window.end.description),
            ]),
            "inputs": .array(result.inputs.map { input in
                .object([
                    "file": .string(input.file),
                    "rows": .int(input.rows),
                    "accepted": .int(input.accepted),
                    "rejected": .int(input.rejected),
                    "sha256": .string(input.sha256),
                ])
            }),
            "findings": .object(["errors": .int(result.errorCount), "warnings": .int(result.warningCount)]),
            "kpis": .array(result.kpis.map(kpi)),
        ])
    }

    static func kpi(_ result: KPIResult) -> JSONValue {
        let definition = result.definition
        var members: [String: JSONValue] = [
            "id": .string(definition.id),
            "title": .string(definition.title),
            "area": .string(definition.area.rawValue),
            "kind": .string(definition.kind.rawValue),
            "polarity": .string(definition.polarity.rawValue),
            "target": .decimal(result.target),
            "benchmark": definition.benchmark.map {
                .object(["label": .string($0.label), "value": .decimal($0.value)])
            } ?? .null,
            "rag": .text(result.rag?.rawValue),
        ]
        switch definition.kind {
        case .count:
            members["value"] = .int(result.headline.count)
            members["monthly"] = .array(result.monthly.map {
                .object(["month": .string($0.month.description), "value": .int($0.tally.count)])
            })
            members["by_team"] = .array(result.byTeam.map {
                .object(["team": .string($0.team), "value": .int($0.tally.count)])
            })
        case .rate:
            members.merge(rateFields(result.headline)) { $1 }
            members["monthly"] = .array(result.monthly.map {
                .object(rateFields($0.tally).merging(["month": .string($0.month.description)]) { $1 })
            })
            members["by_team"] = .array(result.byTeam.map {
                .object(rateFields($0.tally).merging(["team": .string($0.team)]) { $1 })
            })
        }
        return .object(members)
    }

    private static func rateFields(_ tally: Tally) -> [String: JSONValue] {
        [
            "numerator": .int(tally.numerator),
            "denominator": .int(tally.denominator),
            "excluded": .int(tally.excluded),
            "value": .decimal(tally.rate),
        ]
    }
}
