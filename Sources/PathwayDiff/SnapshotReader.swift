import PathwayCore

/// Reads the bytes of a `kpis.json` snapshot into a `Snapshot`, checking every part the diff
/// relies on. Anything else in the file (titles, targets, numerators, inputs, ...) is ignored.
/// Every problem is a `SnapshotDiffError` naming the file and the JSON path, e.g.
/// `new.json: kpis[3] has no "id"`.
struct SnapshotReader {
    private let name: String

    static func read(_ bytes: [UInt8], name: String) throws(SnapshotDiffError) -> Snapshot {
        try SnapshotReader(name: name).read(bytes)
    }

    private init(name: String) {
        self.name = name
    }

    private func read(_ bytes: [UInt8]) throws(SnapshotDiffError) -> Snapshot {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw failure("not valid JSON at line \(error.line), column \(error.column) (\(error.reason))")
        }
        guard case .object = document else {
            throw failure("the top level is \(document.typeDescription), not a JSON object")
        }
        try checkSchemaVersion(document["schema_version"])
        guard let kpisValue = document["kpis"] else {
            throw failure("the snapshot has no \"kpis\"")
        }
        guard case .array(let entries) = kpisValue else {
            throw failure("\"kpis\" is \(kpisValue.typeDescription), not an array")
        }
        var kpis: [ExactText: SnapshotKPI] = [:]
        var firstIndex: [ExactText: Int] = [:]
        for (index, entry) in entries.enumerated() {
            let kpi = try readKPI(entry, path: "kpis[\(index)]")
            let key = ExactText(kpi.id)
            if let earlier = firstIndex[key] {
                throw failure("kpis[\(index)] repeats the id \"\(kpi.id)\" of kpis[\(earlier)]")
            }
            firstIndex[key] = index
            kpis[key] = kpi
        }
        let findings = try optionalObject(document["findings"], path: "findings")
        return Snapshot(
            name: name,
            asOf: try optionalString(document["as_of"], path: "as_of"),
            window: try readWindow(document["window"]),
            findingsErrors: try optionalNumber(findings?["errors"], path: "findings.errors"),
            findingsWarnings: try optionalNumber(findings?["warnings"], path: "findings.warnings"),
            kpis: kpis
        )
    }

    private func checkSchemaVersion(_ value: JSONValue?) throws(SnapshotDiffError) {
        guard let value else { return }
        guard let version = value.doubleValue else {
            throw failure("schema_version is \(value.typeDescription), not a number")
        }
        guard version == Double(Snapshot.supportedSchemaVersion) else {
            throw failure(
                "schema_version is \(SnapshotNumberFormat.plain(version)), "
                    + "but pathway diff reads version \(Snapshot.supportedSchemaVersion)")
        }
    }

    private func readWindow(_ value: JSONValue?) throws(SnapshotDiffError) -> String? {
        guard let window = try optionalObject(value, path: "window") else { return nil }
        let start = try requiredString(window, key: "start", path: "window")
        let end = try requiredString(window, key: "end", path: "window")
        return "\(start) to \(end)"
    }

    private func readKPI(_ entry: JSONValue, path: String) throws(SnapshotDiffError) -> SnapshotKPI {
        guard case .object = entry else {
            throw failure("\(path) is \(entry.typeDescription), not an object")
        }
        let id = try requiredString(entry, key: "id", path: path)
        let kindText = try requiredString(entry, key: "kind", path: path)
        guard let kind = SnapshotKPIKind(rawValue: kindText) else {
            throw failure("\(path).kind is \"\(kindText)\", not \"rate\" or \"count\"")
        }
        return SnapshotKPI(
            id: id,
            kind: kind,
            value: try requiredValue(entry, path: path),
            monthly: try readSeries(entry["monthly"], key: "month", path: "\(path).monthly"),
            byTeam: try readSeries(entry["by_team"], key: "team", path: "\(path).by_team")
        )
    }

    /// `monthly` or `by_team`: entries keyed by `month` or `team`, each with a `value`.
    /// An absent series is empty.
    private func readSeries(_ value: JSONValue?, key: String, path: String)
        throws(SnapshotDiffError) -> [ExactText: Double?]
    {
        guard let value else { return [:] }
        guard case .array(let entries) = value else {
            throw failure("\(path) is \(value.typeDescription), not an array")
        }
        var series: [ExactText: Double?] = [:]
        var firstIndex: [ExactText: Int] = [:]
        for (index, entry) in entries.enumerated() {
            let entryPath = "\(path)[\(index)]"
            guard case .object = entry else {
                throw failure("\(entryPath) is \(entry.typeDescription), not an object")
            }
            let label = try requiredString(entry, key: key, path: entryPath)
            let labelKey = ExactText(label)
            if let earlier = firstIndex[labelKey] {
                throw failure("\(entryPath) repeats the \(key) \"\(label)\" of \(path)[\(earlier)]")
            }
            firstIndex[labelKey] = index
            series[labelKey] = try requiredValue(entry, path: entryPath)
        }
        return series
    }

    /// The `value` member: a finite number, or null (nil).
    private func requiredValue(_ object: JSONValue, path: String) throws(SnapshotDiffError) -> Double? {
        guard let value = object["value"] else {
            throw failure("\(path) has no \"value\"")
        }
        if case .null = value { return nil }
        guard case .number(let literal) = value else {
            throw failure("\(path).value is \(value.typeDescription), not a number or null")
        }
        return try finite(literal, path: "\(path).value")
    }

    private func requiredString(_ object: JSONValue, key: String, path: String) throws(SnapshotDiffError) -> String {
        guard let value = object[key] else {
            throw failure("\(path) has no \"\(key)\"")
        }
        guard case .string(let text) = value else {
            throw failure("\(path).\(key) is \(value.typeDescription), not a string")
        }
        guard !text.isEmpty else {
            throw failure("\(path).\(key) is empty")
        }
        return text
    }

    private func optionalString(_ value: JSONValue?, path: String) throws(SnapshotDiffError) -> String? {
        guard let value else { return nil }
        guard case .string(let text) = value else {
            throw failure("\(path) is \(value.typeDescription), not a string")
        }
        return text
    }

    private func optionalNumber(_ value: JSONValue?, path: String) throws(SnapshotDiffError) -> Double? {
        guard let value else { return nil }
        guard case .number(let literal) = value else {
            throw failure("\(path) is \(value.typeDescription), not a number")
        }
        return try finite(literal, path: path)
    }

    private func optionalObject(_ value: JSONValue?, path: String) throws(SnapshotDiffError) -> JSONValue? {
        guard let value else { return nil }
        guard case .object = value else {
            throw failure("\(path) is \(value.typeDescription), not an object")
        }
        return value
    }

    private func finite(_ literal: String, path: String) throws(SnapshotDiffError) -> Double {
        guard let number = Double(literal), number.isFinite else {
            throw failure("\(path) is \(literal), which is out of range")
        }
        return number
    }

    private func failure(_ detail: String) -> SnapshotDiffError {
        SnapshotDiffError("\(name): \(detail)")
    }
}
