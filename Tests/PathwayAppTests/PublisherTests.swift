import Foundation
import PathwayApp
import PathwayCore
import PathwayTestSupport
import Testing

@Suite("publish: atomic outputs and retention")
struct PublisherTests {
    static let files = [OutputFile(name: "kpis.json", text: "new\n"), OutputFile(name: "data-quality.csv", text: "new\n")]

    @Test("a failure at any step leaves the previous outputs and latest as they were", arguments: Publisher.Step.allCases)
    func failureLeavesPrevious(step: Publisher.Step) throws {
        let root = try TemporaryDirectory()
        try Publisher(root: root.path).publish([OutputFile(name: "kpis.json", text: "old\n")], folder: "2026-03-30")
        try Publisher(root: root.path).publish([OutputFile(name: "kpis.json", text: "same day old\n")], folder: "2026-03-31")
        try Publisher(root: root.path).publish([OutputFile(name: "kpis.json", text: "old\n")], folder: "2026-03-30")
        let failing = Publisher(root: root.path, failAt: { $0 == step })
        #expect(throws: PathwayError.self) { try failing.publish(Self.files, folder: "2026-03-31") }
        do {
            try failing.publish(Self.files, folder: "2026-03-31")
        } catch {
            #expect(error.exitCode == 73)
            #expect(error.description.contains("no space left on device"))
        }
        if step != .repointLatest {
            #expect(try root.read("2026-03-31/kpis.json") == "same day old\n")
        }
        #expect(try root.read("latest/kpis.json") == "old\n")
        #expect(FileManager.default.fileExists(atPath: root.file("2026-03-30/kpis.json")))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".staging") || $0.hasPrefix(".latest") }
        #expect(leftovers.isEmpty, "no half-written files: \(leftovers)")
    }

    @Test("publishing the same date again replaces its folder and repoints latest (with and without RENAME_EXCHANGE)",
          arguments: [true, false])
    func replaceSameDate(useExchange: Bool) throws {
        let root = try TemporaryDirectory()
        let publisher = Publisher(root: root.path, useExchange: useExchange)
        try publisher.publish([OutputFile(name: "kpis.json", text: "one\n")], folder: "2026-03-31")
        try publisher.publish([OutputFile(name: "kpis.json", text: "two\n")], folder: "2026-03-31")
        #expect(try root.read("latest/kpis.json") == "two\n")
        #expect(publisher.latestTarget() == "2026-03-31")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("retention removes dated folders older than keep_days, never the latest, nothing else")
    func retention() throws {
        let root = try TemporaryDirectory()
        let publisher = Publisher(root: root.path)
        for day in ["2026-01-01", "2026-03-01", "2026-03-30"] {
            try publisher.publish([OutputFile(name: "kpis.json", text: day)], folder: day)
        }
        try publisher.publish([OutputFile(name: "kpis.json", text: "x")], folder: "2025-12-01")  // latest, yet old
        try root.write("notes/readme.txt", "kept")
        let removed = publisher.prune(keepDays: 30, asOf: DateParser.parse("2026-03-31")!)
        #expect(removed == ["2026-01-01"])
        #expect(FileManager.default.fileExists(atPath: root.file("2025-12-01")))
        #expect(FileManager.default.fileExists(atPath: root.file("2026-03-01")))
        #expect(FileManager.default.fileExists(atPath: root.file("notes/readme.txt")))
    }

    @Test("a second run while the lock is held exits 75 naming the holder")
    func lockHeld() throws {
        let root = try TemporaryDirectory()
        let lock = try RunLock.acquire(in: root.path, startedAt: "2026-03-31T02:00:00Z")
        defer { lock.release() }
        // flock locks belong to the open file description, so a second open in this process conflicts too.
        #expect {
            _ = try RunLock.acquire(in: root.path, startedAt: "later")
        } throws: { error in
            guard let error = error as? PathwayError else { return false }
            return error.exitCode == 75 && error.description.contains("process \(getpid()) since 2026-03-31T02:00:00Z")
        }
    }
}
