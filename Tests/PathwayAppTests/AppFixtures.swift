import Foundation
import Logging
import PathwayApp
import PathwayCore
import PathwayTestSupport

/// Paths and helpers shared by the app tests.
enum AppFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let small = folder.appendingPathComponent("Fixtures/small").path
    static let smallConfig = folder.appendingPathComponent("Fixtures/small.yaml").path
    static let asOf = DateParser.parse("2026-03-31")!
    /// The repository's SampleData folder.
    static let sampleData = folder.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SampleData").path

    static let quietLogger: Logger = {
        var logger = Logger(label: "pathway-tests", factory: { _ in SwiftLogNoOpLogHandler() })
        logger.logLevel = .critical
        return logger
    }()

    static func request(input: String = small, output: String, config: String? = smallConfig,
                        asOf: Day = asOf) -> RunRequest {
        RunRequest(inputFolder: input, outputFolder: output, asOf: asOf, configFile: config,
                   startedAt: "2026-03-31T02:00:00Z")
    }

    /// Runs the job and returns the published kpis.json and data-quality.csv.
    static func run(_ request: RunRequest) throws -> (snapshot: String, findings: String) {
        let (folder, _) = try NightlyJob.run(request, logger: quietLogger)
        let snapshot = try String(contentsOfFile: folder + "/kpis.json", encoding: .utf8)
        let findings = try String(contentsOfFile: folder + "/data-quality.csv", encoding: .utf8)
        return (snapshot, findings)
    }

    /// Copies a fixture folder so a test can change it.
    static func copy(_ source: String, to directory: TemporaryDirectory, as name: String) throws -> String {
        let target = directory.file(name)
        try FileManager.default.copyItem(atPath: source, toPath: target)
        return target
    }
}
