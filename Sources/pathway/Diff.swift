import ArgumentParser
import Foundation
import PathwayDiff

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two kpis.json snapshots KPI by KPI (headline, monthly, by team).",
        discussion: """
            Lists which values moved and by how much, and which KPIs, months or teams appeared or \
            vanished. Exit status: 0 when every change is within the tolerance, 1 when something moved \
            beyond it, 64 on bad input. Use --format markdown for a pull-request comment.
            """
    )

    @Argument(help: ArgumentHelp("The reference snapshot.", valueName: "base.json"))
    var base: String

    @Argument(help: ArgumentHelp("The snapshot to check.", valueName: "new.json"))
    var new: String

    @Option(name: .long, help: ArgumentHelp("Largest change allowed, in percentage points for rates and units for counts.", valueName: "number"))
    var tolerance = "0.5"

    @Option(name: .long, help: ArgumentHelp("text, markdown or json.", valueName: "format"))
    var format: SnapshotDiffFormat = .text

    func run() throws {
        do {
            let options = try SnapshotDiffOptions(toleranceArgument: tolerance)
            let diff = try SnapshotDiff.compareFiles(basePath: base, newPath: new, options: options)
            print(diff.render(format), terminator: "")
            if diff.exitCode != 0 { throw ExitCode(diff.exitCode) }
        } catch let error as SnapshotDiffError {
            FileHandle.standardError.write(Data("pathway: \(error.message)\n".utf8))
            throw ExitCode(error.exitCode)
        }
    }
}

extension SnapshotDiffFormat: ExpressibleByArgument {}
