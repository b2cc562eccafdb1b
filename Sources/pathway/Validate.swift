import ArgumentParser
import PathwayApp
import PathwayCore
import PathwayReport

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the exports and list every data-quality finding, without computing dashboards.",
        discussion: """
            Prints a summary per file (rows, accepted, rejected) and the findings as CSV (file, line, \
            column, rule, severity, message, value) on standard output. Exits 65 when a required column \
            is missing or a file has more rejected rows than the limit.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Folder holding the four exports.", valueName: "dir"))
    var input: String?

    @Option(name: .long, help: ArgumentHelp("YAML configuration file.", valueName: "file"))
    var config: String?

    @Option(name: .customLong("max-rejected"), help: ArgumentHelp("Most rejected rows allowed per file, as a percentage (default 5).", valueName: "percent"))
    var maxRejected: Double?

    func run() throws {
        do {
            let (decoded, configuration) = try NightlyJob.validate(
                inputFolder: input, configFile: config, holidaysFile: nil, maxRejectedPercent: maxRejected)
            let summaries = decoded.summaries.sorted(by: InputSummary.inFileOrder)
            for s in summaries {
                print("# \(s.file): \(s.rows) rows, \(s.accepted) accepted, \(s.rejected) rejected (\(s.encoding.rawValue))")
            }
            print(FindingsCSVRenderer.render(decoded.findings.sorted(by: Finding.inReportOrder)), terminator: "")
            do {
                try Evaluation.checkRejectedLimit(summaries, limit: configuration.maxRejectedPercent)
            }
        } catch {
            throw CommandSupport.fail(error)
        }
    }
}
