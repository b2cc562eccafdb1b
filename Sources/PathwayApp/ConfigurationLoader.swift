import Foundation
import PathwayCore
import Yams

/// Reads the YAML configuration. Unknown keys and bad values are errors naming the key (exit 64), never ignored.
public enum ConfigurationLoader {
    public static func parse(_ text: String, source: String) throws(PathwayError) -> Configuration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw .usage("\(source): not valid YAML (\(String(describing: error).split(separator: "\n").first ?? ""))")
        }
        var config = Configuration()
        guard let root else { return config }
        let reader = ConfigReader(source: source)
        for (key, value) in try reader.mapping(root, at: "") {
            switch key {
            case "authority": config.authority = try reader.string(value, at: key)
            case "input": try readInput(value, reader: reader, into: &config)
            case "holidays": config.holidaysFile = try reader.string(value, at: key)
            case "max_rejected_percent":
                config.maxRejectedPercent = try reader.number(value, at: key, in: 0...100)
            case "amber_margin":
                config.amberMargin = try reader.oneDecimal(value, at: key, in: 0...100)
            case "keep_days": config.keepDays = try reader.integer(value, at: key, in: 1...36_500)
            case "targets": config.targets = try readTargets(value, reader: reader)
            case "vocabulary": config.vocabulary = try readVocabulary(value, reader: reader)
            case "teams":
                for (local, display) in try reader.mapping(value, at: key) {
                    config.teamNames[local] = try reader.string(display, at: "teams.\(local)")
                }
            default: throw reader.unknown(key)
            }
        }
        return config
    }

    private static func readInput(_ node: Node, reader: ConfigReader, into config: inout Configuration) throws(PathwayError) {
        for (key, value) in try reader.mapping(node, at: "input") {
            switch key {
            case "folder": config.inputFolder = try reader.string(value, at: "input.folder")
            case "files":
                for (name, file) in try reader.mapping(value, at: "input.files") {
                    guard let input = InputFile(rawValue: name) else { throw reader.unknown("input.files.\(name)") }
                    let fileName = try reader.string(file, at: "input.files.\(name)")
                    guard !fileName.isEmpty, !fileName.contains("/") else {
                        throw reader.bad("input.files.\(name)", "must be a file name inside the input folder")
                    }
                    config.fileNames[input] = fileName
                }
            case "optional":
                for name in try reader.strings(value, at: "input.optional") {
                    guard let input = InputFile(rawValue: name) else {
                        throw reader.bad("input.optional", "lists '\(name)', which is not one of "
                            + InputFile.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    config.optionalInputs.insert(input)
                }
            default: throw reader.unknown("input.\(key)")
            }
        }
    }

    private static func readTargets(_ node: Node, reader: ConfigReader) throws(PathwayError) -> [String: OneDecimal?] {
        var targets: [String: OneDecimal?] = [:]
        for (id, value) in try reader.mapping(node, at: "targets") {
            guard let kpi = KPICatalogue.definition(id) else { throw reader.unknown("targets.\(id)") }
            guard kpi.kind == .rate, kpi.polarity != .neutral else {
                throw reader.bad("targets.\(id)", "cannot be set: \(id) is a \(kpi.kind == .count ? "count" : "neutral rate") and has no RAG")
            }
            targets[id] = reader.isNull(value) ? .some(nil) : try reader.oneDecimal(value, at: "targets.\(id)", in: 0...100)
        }
        return targets
    }

    private static func readVocabulary(_ node: Node, reader: ConfigReader) throws(PathwayError) -> VocabularyMappings {
        var mappings = VocabularyMappings()
        for (column, value) in try reader.mapping(node, at: "vocabulary") {
            let path = "vocabulary.\(column)"
            switch column {
            case "contact_outcome": mappings.contactOutcomes = try reader.codes(value, at: path)
            case "s47_outcome": mappings.section47Outcomes = try reader.codes(value, at: path)
            case "conference_type": mappings.conferenceTypes = try reader.codes(value, at: path)
            case "conference_outcome": mappings.conferenceOutcomes = try reader.codes(value, at: path)
            case "category": mappings.categories = try reader.codes(value, at: path)
            case "grade": mappings.grades = try reader.codes(value, at: path)
            case "yes_no": mappings.yesNo = try reader.codes(value, at: path)
            default: throw reader.unknown(path)
            }
        }
        return mappings
    }
}

/// Typed reads from YAML nodes with messages that name the file and the key.
struct ConfigReader {
    let source: String

    func unknown(_ key: String) -> PathwayError {
        .usage("\(source): unknown key '\(key)'")
    }

    func bad(_ key: String, _ problem: String) -> PathwayError {
        .usage("\(source): '\(key)' \(problem)")
    }

    func isNull(_ node: Node) -> Bool {
        if case let .scalar(scalar) = node { return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string) }
        return false
    }

    func mapping(_ node: Node, at key: String) throws(PathwayError) -> [(String, Node)] {
        guard case let .mapping(mapping) = node else {
            throw key.isEmpty ? PathwayError.usage("\(source): the top level must be a mapping of keys to values")
                : bad(key, "must be a mapping of keys to values")
        }
        var pairs: [(String, Node)] = []
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            guard let name = keyNode.string else { throw bad(key, "has a key that is not text") }
            let path = key.isEmpty ? name : "\(key).\(name)"
            guard seen.insert(name).inserted else { throw bad(path, "is given twice") }
            pairs.append((name, value))
        }
        return pairs
    }

    func string(_ node: Node, at key: String) throws(PathwayError) -> String {
        guard case let .scalar(scalar) = node, !isNull(node) else { throw bad(key, "must be text") }
        return scalar.string
    }

    func strings(_ node: Node, at key: String) throws(PathwayError) -> [String] {
        guard case let .sequence(sequence) = node else { throw bad(key, "must be a list") }
        var values: [String] = []
        for item in sequence { values.append(try string(item, at: key)) }
        return values
    }

    func number(_ node: Node, at key: String, in range: ClosedRange<Double>) throws(PathwayError) -> Double {
        guard case .scalar = node, let value = node.float, value.isFinite, range.contains(value) else {
            throw bad(key, "must be a number from \(Int(range.lowerBound)) to \(Int(range.upperBound))")
        }
        return value
    }

    func oneDecimal(_ node: Node, at key: String, in range: ClosedRange<Double>) throws(PathwayError) -> OneDecimal {
        let value = try number(node, at: key, in: range)
        guard let decimal = OneDecimal(parsing: value) else { throw bad(key, "must have at most one decimal place") }
        return decimal
    }

    func integer(_ node: Node, at key: String, in range: ClosedRange<Int>) throws(PathwayError) -> Int {
        guard case .scalar = node, let value = node.int, range.contains(value) else {
            throw bad(key, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func codes<Code: VocabularyCode>(_ node: Node, at key: String) throws(PathwayError) -> [String: Code] {
        var codes: [String: Code] = [:]
        for (label, value) in try mapping(node, at: key) {
            let text = try string(value, at: "\(key).\(label)")
            guard let code = Code(rawValue: text) else {
                throw bad("\(key).\(label)", "maps to '\(text)', which is not one of "
                    + Code.allCases.map(\.rawValue).joined(separator: ", "))
            }
            codes[label] = code
        }
        return codes
    }
}
