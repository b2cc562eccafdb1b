import Foundation
import Testing

/// Golden-file comparison for every test target: the expected text is a file in the source tree beside
/// the test (default folder `Fixtures`); a mismatch fails with a numbered line diff. With
/// `PATHWAY_RECORD_GOLDENS=1` the file is rewritten and the test still fails, so a re-recorded golden
/// never passes silently.
public enum Golden {
    public static let recordVariable = "PATHWAY_RECORD_GOLDENS"

    /// The folder `directory` beside the test file that calls.
    public static func folder(_ directory: String, filePath: String) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(directory)
    }

    public static func text(_ name: String, directory: String = "Fixtures", filePath: String = #filePath) throws -> String {
        try String(contentsOf: folder(directory, filePath: filePath).appendingPathComponent(name), encoding: .utf8)
    }

    public static func bytes(_ name: String, directory: String = "Fixtures", filePath: String = #filePath) throws -> [UInt8] {
        Array(try Data(contentsOf: folder(directory, filePath: filePath).appendingPathComponent(name)))
    }

    public static func check(
        _ actual: String, against name: String, directory: String = "Fixtures", filePath: String = #filePath,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let url = folder(directory, filePath: filePath).appendingPathComponent(name)
        if ProcessInfo.processInfo.environment[recordVariable] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            let message = "re-recorded \(directory)/\(name); run the tests again without \(recordVariable)"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard actual != expected else { return }
        let diff = lineDiff(expected, actual)
        let message = "output differs from \(directory)/\(name) (- expected, + actual); re-record with \(recordVariable)=1:\n\(diff)"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// The differing lines, numbered, with `-` for expected and `+` for actual.
    public static func lineDiff(_ expected: String, _ actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var report: [String] = []
        for index in 0..<max(old.count, new.count) {
            let oldLine = index < old.count ? String(old[index]) : nil
            let newLine = index < new.count ? String(new[index]) : nil
            guard oldLine != newLine else { continue }
            if let oldLine { report.append("\(index + 1) - \(oldLine)") }
            if let newLine { report.append("\(index + 1) + \(newLine)") }
            if report.count > 80 {
                report.append("...")
                break
            }
        }
        return report.joined(separator: "\n")
    }
}
