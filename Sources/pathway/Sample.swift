import ArgumentParser
import Foundation
import PathwayApp
import PathwayCore
import PathwaySample

struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write synthetic exports of a whole authority (never real child data).",
        discussion: """
            Writes contacts.csv, s47_enquiries.csv, conferences.csv and audits.csv in the canonical \
            schema, with about three years of history before the as-of date. The same arguments give \
            byte-identical files. --messy adds what real exports contain (Annex A headings, prefixes, \
            DD/MM/YYYY dates, CRLF, a BOM, broken rows) so that every data-quality finding appears. \
            Default rates are listed in SampleData/README.md.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Folder to write (created if missing).", valueName: "dir"))
    var output: String

    @Option(name: .long, help: "Number of children.")
    var children = 5000

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 20_260_331

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The last date of the history, YYYY-MM-DD.", valueName: "date"))
    var asOf: String

    @Flag(name: .long, help: "Add the faults real exports contain.")
    var messy = false

    @Option(name: .long, help: ArgumentHelp("Bank holiday list instead of the shipped one.", valueName: "file"))
    var holidays: String?

    func validate() throws {
        guard children > 0 else { throw ValidationError("--children must be at least 1") }
    }

    func run() throws {
        let day = try CommandSupport.parseDay(asOf, option: "--as-of")
        do {
            let calendar = try InputLoader.loadCalendar(file: holidays)
            let summary = try SampleGenerator.write(
                SampleParameters(children: children, seed: seed, asOf: day, messy: messy), calendar: calendar, to: output)
            for name in SampleGenerator.fileNames {
                FileHandle.standardError.write(Data("\(name): \(summary.rows[name] ?? 0) rows\n".utf8))
            }
        } catch let error as PathwayError {
            throw CommandSupport.fail(error)
        } catch {
            throw CommandSupport.fail(.outputFailed("cannot write the sample into '\(output)': \(error)"))
        }
    }
}
