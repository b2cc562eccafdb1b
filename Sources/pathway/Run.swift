import ArgumentParser
import Foundation
import PathwayApp
import PathwayCore

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute every KPI and publish the dashboards into OUTPUT/<as-of>/, then point OUTPUT/latest at it.",
        discussion: """
            Writes kpis.json (the snapshot CI diffs) and data-quality.csv (every finding). Outputs are \
            written to temporary files and moved into place at the end: a failed run never leaves a \
            partial dashboard and never replaces the previous good one.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Folder holding contacts.csv, s47_enquiries.csv, conferences.csv and audits.csv.", valueName: "dir"))
    var input: String?

    @Option(name: .long, help: ArgumentHelp("Folder to publish into (created if missing).", valueName: "dir"))
    var output: String

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The reporting date, YYYY-MM-DD (default: today). The 12-month window ends on it.", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("YAML configuration file (targets, local labels, team names, limits).", valueName: "file"))
    var config: String?

    @Option(name: .customLong("max-rejected"), help: ArgumentHelp("Most rejected rows allowed per file, as a percentage of its rows (default 5).", valueName: "percent"))
    var maxRejected: Double?

    @Option(name: .long, help: ArgumentHelp("Bank holiday list (date,name) instead of the shipped England and Wales list.", valueName: "file"))
    var holidays: String?

    @Flag(name: .long, help: "Log warnings and errors only. The default when stderr is not a terminal (cron).")
    var quiet = false

    @Flag(name: .long, help: "Log one line per stage even when stderr is not a terminal.")
    var verbose = false

    @Flag(name: .long, help: "Print how long each stage took (load, decode/link/compute, render, publish) on stderr.")
    var timings = false

    @Option(name: .customLong("log-format"), help: "Log lines as text or as JSON objects (for log collectors).")
    var logFormat: LogFormat = .text

    func run() throws {
        let day = try asOf.map { try CommandSupport.parseDay($0, option: "--as-of") } ?? CommandSupport.today()
        let logger = CommandSupport.bootstrapLogging(quiet: quiet || (!verbose && isatty(2) == 0), format: logFormat)
        var request = RunRequest(inputFolder: input, outputFolder: output, asOf: day, configFile: config,
                                 maxRejectedPercent: maxRejected, holidaysFile: holidays,
                                 startedAt: CommandSupport.timestamp(), now: { CommandSupport.timestamp() })
        if timings {
            request.timings = { table in FileHandle.standardError.write(Data(table.utf8)) }
        }
        do {
            let (folder, result) = try NightlyJob.run(request, logger: logger)
            logger.info("done: \(folder) (\(result.errorCount) rejected rows, \(result.warningCount) warnings)")
        } catch {
            throw CommandSupport.fail(error)
        }
    }
}
