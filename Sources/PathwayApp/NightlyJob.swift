import Foundation
import Logging
import PathwayCore
import PathwayReport

/// `pathway run`: load → decode and validate → link → compute → render → publish, one stage after another.
public enum NightlyJob {
    /// Runs the job; returns the published folder and the result.
    public static func run(_ request: RunRequest, logger: Logger) throws(PathwayError) -> (folder: String, result: RunResult) {
        let configuration = try loadConfiguration(request)
        guard let inputFolder = request.inputFolder ?? configuration.inputFolder else {
            throw .usage("no input folder: give --input DIR or set input.folder in the configuration")
        }
        let lock = try RunLock.acquire(in: request.outputFolder, startedAt: request.startedAt)
        defer { lock.release() }
        let clock = ContinuousClock()
        let began = clock.now
        var manifest = RunManifest(request: request, configuration: configuration)
        do {
            let outcome = try runLocked(request, configuration: configuration, inputFolder: inputFolder,
                                        manifest: &manifest, clock: clock, began: began, logger: logger)
            FileSystem.removeTree(request.outputFolder + "/" + RunManifest.failureName)
            return outcome
        } catch {
            manifest.finish(status: error.exitCode, error: error.description, finishedAt: request.now(),
                            seconds: seconds(since: began, clock))
            try? Publisher(root: request.outputFolder).replaceFile(RunManifest.failureName, manifest.render())
            throw error
        }
    }

    private static func runLocked(
        _ request: RunRequest, configuration: Configuration, inputFolder: String, manifest: inout RunManifest,
        clock: ContinuousClock, began: ContinuousClock.Instant, logger: Logger
    ) throws(PathwayError) -> (folder: String, result: RunResult) {
        var stages: [(String, String)] = []
        var start = clock.now
        let calendar = try InputLoader.loadCalendar(file: request.holidaysFile ?? configuration.holidaysFile)
        let inputs = try InputLoader.load(folder: inputFolder, configuration: configuration)
        manifest.inputBytes = Dictionary(uniqueKeysWithValues: inputs.map { ($0.name, $0.bytes.count) })
        request.inputsLoaded?()
        stages.append(("load", seconds(since: start, clock)))
        logger.info("load: \(inputs.count) files, \(inputs.reduce(0) { $0 + $1.bytes.count }) bytes in \(stages.last!.1)")

        start = clock.now
        var stageStart = start
        let sources = inputs.compactMap(\.source)
        // The largest file stays open (not mapped) for its digest, which is taken during the render.
        let late = InputDigests.lateFiles(inputs)
        let digests = InputDigests(inputs, files: late)
        let leftovers = DeferredRelease()
        let computed: RunResult
        do {
            computed = try Evaluation.evaluate(consume inputs, asOf: request.asOf, configuration: configuration,
                                               calendar: calendar, lateDigests: late, leftovers: leftovers) { stage in
                stages.append(("  " + stage, seconds(since: stageStart, clock)))
                stageStart = clock.now
            }
        } catch {
            // Zeros read for an export's lost pages (`MappedFiles`) may be what failed: that is the reason given.
            try InputLoader.checkUnchanged(sources)
            throw error
        }
        // Until the render has taken the largest file's digest, its summary has none (null in failed-run.json).
        manifest.inputs = computed.inputs
        let rows = computed.inputs.reduce(0) { $0 + $1.rows }
        let rejected = computed.inputs.reduce(0) { $0 + $1.rejected }
        let evaluated = seconds(since: start, clock)
        stages.insert(("decode, link, compute", evaluated), at: stages.count - 3)
        logger.info("evaluate: \(rows) rows, \(rejected) rejected, \(computed.warningCount) warnings, \(computed.kpis.count) KPIs in \(evaluated)")

        start = clock.now
        var (files, result) = try Rendering.render(computed, digests: digests, leftovers: leftovers,
                                                   configuration: configuration, scratchFolder: request.outputFolder)
        // The files were last read for their digests, during the render: an export written to in place
        // since it was mapped, or one that lost pages, stops the run.
        try InputLoader.checkUnchanged(sources)
        manifest.inputs = result.inputs
        stages.append(("render", seconds(since: start, clock)))
        logger.info("render: \(files.count) files in \(stages.last!.1)")

        start = clock.now
        manifest.outputs = files.map(\.name) + [RunManifest.fileName]
        manifest.finish(status: 0, error: nil, finishedAt: request.now(), seconds: seconds(since: began, clock))
        files.append(OutputFile(name: RunManifest.fileName, text: manifest.render()))
        let publisher = Publisher(root: request.outputFolder)
        let folder = try publisher.publish(files, folder: request.asOf.description)
        if let keepDays = configuration.keepDays {
            let removed = publisher.prune(keepDays: keepDays, asOf: request.asOf)
            if !removed.isEmpty { logger.info("retention: removed \(removed.joined(separator: ", "))") }
        }
        stages.append(("publish", seconds(since: start, clock)))
        stages.append(("total", seconds(since: began, clock)))
        logger.info("publish: \(folder) in \(stages[stages.count - 2].1)")
        request.timings?(stages.map { "\($0.0.padding(toLength: 24, withPad: " ", startingAt: 0)) \($0.1)" }.joined(separator: "\n") + "\n")
        return (folder, result)
    }

    /// `pathway validate`: the same findings, no dashboards and no digests (it shows none; the summaries'
    /// `sha256` are empty). `inputsLoaded` is `RunRequest.inputsLoaded`'s counterpart, for tests.
    public static func validate(inputFolder: String?, configFile: String?, holidaysFile: String?,
                                maxRejectedPercent: Double?,
                                inputsLoaded: (() -> Void)? = nil) throws(PathwayError) -> (DecodedInputs, Configuration) {
        var request = RunRequest(inputFolder: inputFolder, outputFolder: "", asOf: Day(daysSinceEpoch: 0),
                                 configFile: configFile, startedAt: "")
        request.maxRejectedPercent = maxRejectedPercent
        let configuration = try loadConfiguration(request)
        guard let folder = inputFolder ?? configuration.inputFolder else {
            throw .usage("no input folder: give --input DIR or set input.folder in the configuration")
        }
        let inputs = try InputLoader.load(folder: folder, configuration: configuration)
        inputsLoaded?()
        let sources = inputs.compactMap(\.source)
        let unhashed = Set(inputs.map(\.name))
        let decoded: DecodedInputs
        do {
            decoded = try Evaluation.decodeAll(consume inputs, options: configuration.decodingOptions, lateDigests: unhashed)
        } catch {
            try InputLoader.checkUnchanged(sources)
            throw error
        }
        try InputLoader.checkUnchanged(sources)
        return (decoded, configuration)
    }

    static func loadConfiguration(_ request: RunRequest) throws(PathwayError) -> Configuration {
        var configuration = Configuration()
        if let file = request.configFile {
            let bytes: [UInt8]
            do {
                bytes = try FileSystem.readFile(file)
            } catch {
                throw .usage("configuration file '\(file)' cannot be read: \(error)")
            }
            configuration = try ConfigurationLoader.parse(String(decoding: bytes, as: UTF8.self), source: file)
        }
        if let limit = request.maxRejectedPercent {
            guard (0...100).contains(limit) else { throw .usage("--max-rejected must be a percentage from 0 to 100") }
            configuration.maxRejectedPercent = limit
        }
        return configuration
    }

    static func seconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> String {
        let elapsed = clock.now - start
        let ms = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        return "\(ms / 1000).\(String(ms % 1000).leftPadded(3)) s"
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
