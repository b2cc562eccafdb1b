import ArgumentParser
import Foundation
import Logging
import PathwayApp
import PathwayCore
import PathwayReport

@main
struct Pathway: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pathway",
        abstract: "Children's services KPIs from case-management exports: contacts, S47 enquiries, conferences, audits.",
        discussion: """
            Reads the CSV exports in a folder, checks every row, computes the KPIs of the product \
            specification and writes dashboards and a KPI snapshot.

            Exit status: 0 success (warnings allowed); 64 bad usage or configuration; 65 input data \
            unusable; 66 an input file or folder missing or unreadable; 73 outputs could not be written; \
            75 another run holds the lock.
            """,
        version: "pathway " + ProgramVersion.current,
        subcommands: [Run.self, Validate.self, Diff.self, KPIs.self, Sample.self]
    )
}

enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Shared between commands: the clock (the only place pathway reads it) and error reporting.
enum CommandSupport {
    /// Today's date in the machine's time zone (the C library's `localtime_r`, which reads TZ and
    /// /etc/localtime: Foundation's `Calendar.current` loaded ICU's calendar data first).
    static func today() -> Day {
        var now = time(nil), parts = tm()
        guard localtime_r(&now, &parts) != nil,
              let day = Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
        else { preconditionFailure("the C library gives a calendar date for the current time") }
        return day
    }

    /// Now, as `YYYY-MM-DDTHH:MM:SSZ`.
    static func timestamp() -> String {
        UTCTimestamp.string(secondsSince1970: Date().timeIntervalSince1970)
    }

    static func parseDay(_ text: String, option: String) throws -> Day {
        guard text.utf8.count == 10, let day = DateParser.parse(text), day.description == text else {
            throw ValidationError("\(option) must be a date written YYYY-MM-DD, not '\(text)'")
        }
        return day
    }

    static func bootstrapLogging(quiet: Bool, format: LogFormat) -> Logger {
        let level: Logger.Level = quiet ? .warning : .info
        LoggingSystem.bootstrap { label in
            switch format {
            case .text:
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            case .json:
                var handler = JSONLogHandler(label: label, timestamp: { timestamp() })
                handler.logLevel = level
                return handler
            }
        }
        return Logger(label: "pathway")
    }

    /// One sentence on stderr and the exit status of SPEC §5.
    static func fail(_ error: PathwayError) -> ExitCode {
        FileHandle.standardError.write(Data("pathway: \(error.description)\n".utf8))
        return ExitCode(error.exitCode)
    }
}
