import Foundation
import PathwayTestSupport
import Testing

/// Runs the built `pathway` executable: exit statuses and the one-sentence errors of SPEC §5.
@Suite("pathway executable: exit statuses and messages")
struct ExecutableTests {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var executable: URL {
        // The test bundle sits in the build products folder, beside the executable.
        var url = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("pathway").path), url.path != "/" {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("pathway")
    }

    static func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func runSmall(output: String, extra: [String] = []) throws -> Outcome {
        try run(["run", "--input", AppFixtures.small, "--output", output, "--as-of", "2026-03-31",
                 "--config", AppFixtures.smallConfig, "--quiet"] + extra)
    }

    @Test("a good run exits 0 and publishes kpis.json, data-quality.csv and the latest link")
    func success() throws {
        let out = try TemporaryDirectory()
        let outcome = try Self.runSmall(output: out.path)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.file("2026-03-31/kpis.json")))
        #expect(FileManager.default.fileExists(atPath: out.file("latest/data-quality.csv")))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out.file("latest")) == "2026-03-31")
        let manifest = try out.read("latest/run.json")
        #expect(manifest.contains("\"exit_status\": 0"))
        #expect(manifest.contains("\"file\": \"contacts.csv\""))
        #expect(manifest.contains("\"config_sha256\": \""))
    }

    @Test("--timings prints one line per stage and the total, even with --quiet")
    func timings() throws {
        let out = try TemporaryDirectory()
        let outcome = try Self.runSmall(output: out.path, extra: ["--timings"])
        #expect(outcome.status == 0)
        let stages = outcome.stderr.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(stages == ["load", "decode,", "decode", "link", "compute", "render", "publish", "total"], "\(outcome.stderr)")
    }

    @Test("a missing input folder exits 66 naming it")
    func missingFolder() throws {
        let out = try TemporaryDirectory()
        let outcome = try Self.run(["run", "--input", out.file("nope"), "--output", out.path, "--as-of", "2026-03-31"])
        #expect(outcome.status == 66)
        #expect(outcome.stderr.contains("input folder '\(out.file("nope"))' does not exist"))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        let failure = try out.read("failed-run.json")
        #expect(failure.contains("\"exit_status\": 66"))
        #expect(failure.contains("does not exist"))
    }

    @Test("a missing input file exits 66 naming it; an optional one may be absent")
    func missingFile() throws {
        let dir = try TemporaryDirectory()
        let input = try AppFixtures.copy(AppFixtures.small, to: dir, as: "in")
        try FileManager.default.removeItem(atPath: input + "/audits.csv")
        let outcome = try Self.run(["run", "--input", input, "--output", dir.file("out"), "--as-of", "2026-03-31",
                                    "--config", AppFixtures.smallConfig])
        #expect(outcome.status == 66)
        #expect(outcome.stderr.contains("audits.csv' does not exist"))
        try dir.write("optional.yaml", "input:\n  optional: [audits]\nmax_rejected_percent: 40\n")
        let optional = try Self.run(["run", "--input", input, "--output", dir.file("out"), "--as-of", "2026-03-31",
                                     "--config", dir.file("optional.yaml"), "--quiet"])
        #expect(optional.status == 0, "\(optional.stderr)")
    }

    @Test("an input path that is a folder exits 66; an empty file is missing every required column (65)")
    func folderAndEmptyFile() throws {
        let dir = try TemporaryDirectory()
        let input = try AppFixtures.copy(AppFixtures.small, to: dir, as: "in")
        try FileManager.default.removeItem(atPath: input + "/audits.csv")
        try FileManager.default.createDirectory(atPath: input + "/audits.csv", withIntermediateDirectories: false)
        let folder = try Self.run(["run", "--input", input, "--output", dir.file("out"), "--as-of", "2026-03-31"])
        #expect(folder.status == 66)
        #expect(folder.stderr.contains("audits.csv' is a folder, not a file"))
        try FileManager.default.removeItem(atPath: input + "/audits.csv")
        try dir.write("in/audits.csv", "")
        let empty = try Self.run(["run", "--input", input, "--output", dir.file("out"), "--as-of", "2026-03-31"])
        #expect(empty.status == 65)
        #expect(empty.stderr.contains("audits.csv: the required column 'audit_id' is missing"))
    }

    @Test("a missing required column exits 65 naming the file, the column and the accepted headings")
    func missingColumn() throws {
        let dir = try TemporaryDirectory()
        let input = try AppFixtures.copy(AppFixtures.small, to: dir, as: "in")
        try dir.write("in/s47_enquiries.csv", "s47_id,child_id,team\nS1,K1,North\n")
        let outcome = try Self.run(["run", "--input", input, "--output", dir.file("out"), "--as-of", "2026-03-31",
                                    "--config", AppFixtures.smallConfig])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("s47_enquiries.csv: the required column 'strategy_date' is missing"))
        #expect(outcome.stderr.contains("'Strategy discussion initiating Section 47 Enquiry Start Date'"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("out/2026-03-31")), "no outputs on failure")
    }

    @Test("more rejected rows than the limit exits 65 and publishes nothing")
    func tooManyRejected() throws {
        let out = try TemporaryDirectory()
        let outcome = try Self.runSmall(output: out.path, extra: ["--max-rejected", "5"])
        #expect(outcome.status == 65)
        // Files are checked in name order: audits.csv (1 of 6 rejected) comes first.
        #expect(outcome.stderr.contains("audits.csv: 1 of 6 rows (16.7%) were rejected, more than the limit of 5%"))
        #expect(!FileManager.default.fileExists(atPath: out.file("latest")))
    }

    @Test("bad usage and bad configuration exit 64", arguments: [
        (["run", "--input", "x", "--output", "y", "--as-of", "31/03/2026"], "--as-of must be a date written YYYY-MM-DD"),
        (["run", "--output", "y", "--as-of", "2026-03-31"], "no input folder"),
        (["frobnicate"], "Unexpected argument"),
    ])
    func usage(arguments: [String], message: String) throws {
        let outcome = try Self.run(arguments)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }

    @Test("an unknown configuration key exits 64 naming the key")
    func unknownConfigKey() throws {
        let dir = try TemporaryDirectory()
        try dir.write("bad.yaml", "targets:\n  icpc_within15wd: 90\n")
        let outcome = try Self.run(["run", "--input", AppFixtures.small, "--output", dir.file("out"),
                                    "--as-of", "2026-03-31", "--config", dir.file("bad.yaml")])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("unknown key 'targets.icpc_within15wd'"))
    }

    @Test("a working-day question outside the holiday calendar's coverage exits 65 naming the date and the coverage")
    func outsideCoverage() throws {
        let dir = try TemporaryDirectory()
        let input = try AppFixtures.copy(AppFixtures.small, to: dir, as: "in")
        try dir.write("in/contacts.csv", "contact_id,child_id,contact_date,source,decision_date\nC1,K1,2031-01-10,Police,2031-01-13\n")
        let outcome = try Self.run(["run", "--input", input, "--output", dir.file("out"), "--as-of", "2031-01-15",
                                    "--config", AppFixtures.smallConfig])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("covers 2015-01-01 to 2030-12-31 only, but a KPI needs a working-day count involving 2031-01-10"),
                "\(outcome.stderr)")
        // Records outside every period ask no working-day question, so a later as-of date still runs.
        let quiet = try Self.run(["run", "--input", AppFixtures.small, "--output", dir.file("out2"), "--as-of", "2031-06-30",
                                  "--config", AppFixtures.smallConfig, "--quiet"])
        #expect(quiet.status == 0, "\(quiet.stderr)")
    }

    @Test("an output folder that cannot be written exits 73")
    func unwritableOutput() throws {
        let dir = try TemporaryDirectory()
        try dir.write("blocker", "a file where the output folder should be")
        let outcome = try Self.runSmall(output: dir.file("blocker/out"))
        #expect(outcome.status == 73)
        #expect(outcome.stderr.contains("blocker/out"))
    }

    @Test("validate lists the findings as CSV and exits 0 within the limit")
    func validate() throws {
        let outcome = try Self.run(["validate", "--input", AppFixtures.small, "--config", AppFixtures.smallConfig])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("# contacts.csv: 17 rows, 12 accepted, 5 rejected (utf8)"))
        #expect(outcome.stdout.contains("file,line,column,rule,severity,message,value"))
        #expect(outcome.stdout.contains("duplicate_id"))
    }

    @Test("kpis prints every KPI of the catalogue")
    func catalogue() throws {
        let outcome = try Self.run(["kpis"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("(`icpc_within_15wd`)"))
        #expect(outcome.stdout.components(separatedBy: "\n### ").count - 1 == 25)
    }
}
