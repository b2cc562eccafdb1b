import Foundation
import PathwayTestSupport
import Testing

/// A real SIGKILL at arbitrary moments of a run: whatever the moment, `latest` points at a complete
/// set of outputs, and the next run cleans up and succeeds.
@Suite("a run killed at any moment")
struct KillTests {
    @Test("SIGKILL during runs never leaves a partial dashboard where a reader looks")
    func sigkill() throws {
        let out = try TemporaryDirectory()
        let first = try ExecutableTests.runSmall(output: out.path)
        #expect(first.status == 0)
        let good = try out.read("latest/kpis.json")
        var killedMidRun = 0
        for attempt in 0..<24 {
            let process = Process()
            process.executableURL = ExecutableTests.executable
            process.arguments = ["run", "--input", AppFixtures.small, "--output", out.path,
                                 "--as-of", attempt.isMultiple(of: 2) ? "2026-03-31" : "2026-03-30",
                                 "--config", AppFixtures.smallConfig, "--quiet"]
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(attempt * 1_500))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killedMidRun += 1 }
            // Whatever happened, latest is complete: its kpis.json parses and its run.json exists.
            let latest = try FileManager.default.destinationOfSymbolicLink(atPath: out.file("latest"))
            #expect(["2026-03-31", "2026-03-30"].contains(latest))
            let snapshot = try out.read("latest/kpis.json")
            #expect(snapshot.hasSuffix("}\n"))
            #expect(try JSONSerialization.jsonObject(with: Data(snapshot.utf8)) is [String: Any])
            #expect(FileManager.default.fileExists(atPath: out.file("latest/run.json")))
            if latest == "2026-03-31" { #expect(snapshot == good) }
        }
        #expect(killedMidRun > 0, "at least one run must have been killed before it finished")
        let last = try ExecutableTests.runSmall(output: out.path)
        #expect(last.status == 0, "the lock of a killed run is taken over: \(last.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path)
            .filter { $0.hasPrefix(".staging") || $0.hasPrefix(".latest-") }
        #expect(leftovers.isEmpty, "the next run removes what killed runs left: \(leftovers)")
    }
}
