import PathwayCore
import PathwayReport

/// run.json: what a run read, when, with which program and configuration, and how it ended.
/// Written beside the outputs on success; as `failed-run.json` in the output folder when a run fails.
struct RunManifest {
    static let fileName = "run.json"
    static let failureName = "failed-run.json"

    let asOf: Day
    let startedAt: String
    let configFile: String?
    let configSHA256: String?
    var inputBytes: [String: Int] = [:]
    var inputs: [InputSummary] = []
    var outputs: [String] = []
    var finishedAt = ""
    var durationSeconds = ""
    var exitStatus: Int32 = 0
    var error: String?

    init(request: RunRequest, configuration: Configuration) {
        asOf = request.asOf
        startedAt = request.startedAt
        configFile = request.configFile
        configSHA256 = request.configFile.flatMap { try? FileSystem.readFile($0) }.map(SHA256.hexDigest)
    }

    mutating func finish(status: Int32, error: String?, finishedAt: String, seconds: String) {
        exitStatus = status
        self.error = error
        self.finishedAt = finishedAt
        durationSeconds = String(seconds.dropLast(2))
    }

    func render() -> String {
        JSONWriter.write(.object([
            "as_of": .string(asOf.description),
            "started_at": .string(startedAt),
            "finished_at": .string(finishedAt),
            "duration_seconds": .number(durationSeconds.isEmpty ? "0" : durationSeconds),
            "program_version": .string(ProgramVersion.current),
            "config_file": configFile.map(JSONValue.string) ?? .null,
            "config_sha256": configSHA256.map(JSONValue.string) ?? .null,
            "inputs": .array(inputs.map { input in
                .object([
                    "file": .string(input.file),
                    "bytes": .number(String(inputBytes[input.file] ?? input.byteCount)),
                    "rows": .number(String(input.rows)),
                    "accepted": .number(String(input.accepted)),
                    "rejected": .number(String(input.rejected)),
                    // Empty when the run stopped before the digest was taken (the largest file's is taken
                    // during the render): null then.
                    "sha256": input.sha256.isEmpty ? .null : .string(input.sha256),
                ])
            }),
            "outputs": .array(outputs.sorted(by: CodePoint.less).map(JSONValue.string)),
            "exit_status": .number(String(exitStatus)),
            "error": error.map(JSONValue.string) ?? .null,
        ]))
    }
}
