import Foundation
import Testing

/// Golden-file comparison: the expected text is a file under `Fixtures`; a mismatch fails with a
/// line diff. With `PATHWAY_RECORD_GOLDENS=1` the file in the source tree is rewritten and the test
/// still fails, so a re-recorded golden never passes silently.
enum Golden {
    static let recordVariable = "PATHWAY_RECORD_GOLDENS"

    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func fixtureBytes(_ name: String) throws -> [UInt8] {
        Array(try fixture(name).utf8)
    }

    static func check(
        _ actual: String, against name: String, filePath: String = #filePath,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        if ProcessInfo.processInfo.environment[recordVariable] == "1" {
            let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures").appendingPathComponent(name)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(name); run the tests again without \(recordVariable)", sourceLocation: sourceLocation)
            return
        }
        let expected = try fixture(name)
        guard actual != expected else { return }
        Issue.record(
            "output differs from Fixtures/\(name) (- expected, + actual):\n\(lineDiff(expected, actual))",
            sourceLocation: sourceLocation)
    }

    /// The differing lines, numbered, with `-` for expected and `+` for actual.
    static func lineDiff(_ expected: String, _ actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var report: [String] = []
        for index in 0..<max(old.count, new.count) {
            let oldLine = index < old.count ? String(old[index]) : nil
            let newLine = index < new.count ? String(new[index]) : nil
            guard oldLine != newLine else { continue }
            if let oldLine { report.append("\(index + 1) - \(oldLine)") }
            if let newLine { report.append("\(index + 1) + \(newLine)") }
        }
        return report.joined(separator: "\n")
    }
}
