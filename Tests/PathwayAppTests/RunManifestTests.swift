@testable import PathwayApp
import PathwayCore
import Testing

@Suite("run manifest")
struct RunManifestTests {
    @Test("an input whose digest was not taken yet (a run stopped during the render) has a null sha256")
    func digestNotTaken() {
        var manifest = RunManifest(request: RunRequest(inputFolder: "in", outputFolder: "out", asOf: Day(daysSinceEpoch: 0),
                                                       configFile: nil, startedAt: "start"),
                                   configuration: Configuration())
        manifest.inputs = [
            InputSummary(file: "audits.csv", rows: 2, accepted: 1, rejected: 1, sha256: String(repeating: "a", count: 64),
                         encoding: .utf8, byteCount: 10),
            InputSummary(file: "contacts.csv", rows: 0, accepted: 0, rejected: 0, sha256: "", encoding: .utf8, byteCount: 0),
        ]
        manifest.finish(status: 66, error: "stopped", finishedAt: "end", seconds: "0.100 s")
        let lines = manifest.render().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.filter { $0.hasPrefix("\"sha256\"") } == ["\"sha256\": \"\(String(repeating: "a", count: 64))\"",
                                                                  "\"sha256\": null"])
    }
}
