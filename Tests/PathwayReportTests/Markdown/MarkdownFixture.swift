import Foundation
import PathwayCore
import PathwayTestSupport
@testable import PathwayReport

/// A small, fixed dashboard built the way a run builds one: the CSV files in `Fixtures/` are decoded,
/// linked and computed as of 16 March 2026 with the England and Wales holiday list.
///
/// The files exercise what the Markdown must survive: a team name holding `|`, `*`, `<script>`, a link,
/// a backslash and a line break; a blank team; a Windows-1252 file; rejected rows and warnings whose
/// values (`SECRETVALUE…`) must not leak; exception lists with cases; months with no data.
enum MarkdownFixture {
    static let asOf = DateParser.parse("2026-03-16")!
    static let authority = "Northshire County Council"
    /// Fixed, so the golden does not change with each release.
    static let programVersion = "1.2.3"
    static let holidayFile = ShippedHolidays.fileName

    /// The nasty team name as written in contacts.csv and s47_enquiries.csv.
    static let nastyTeam = "Night | Duty *Team* <script>alert(1)</script> [x](y) \\ _z_\nRota"

    /// Every child id and record id (contact, enquiry, conference, audit) in the fixtures, and the
    /// distinctive field values of rows that raise findings: none may appear in dashboard.md.
    static func forbiddenStrings() throws -> [String] {
        var strings: Set<String> = ["SECRETVALUE55", "SECRETVALUE77"]
        for (file, columns) in [
            ("contacts.csv", ["contact_id", "child_id"]),
            ("s47_enquiries.csv", ["s47_id", "child_id", "contact_id"]),
            ("conferences.csv", ["conference_id", "child_id", "s47_id"]),
            ("audits.csv", ["audit_id", "child_id"]),
        ] {
            let text = String(decoding: try Golden.bytes(file, filePath: #filePath), as: UTF8.self)
            let lines = text.split(whereSeparator: \.isNewline).map(String.init)
            let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            for line in lines.dropFirst() {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                for column in columns {
                    guard let index = header.firstIndex(of: column), index < fields.count else { continue }
                    if !fields[index].isEmpty { strings.insert(fields[index]) }
                }
            }
        }
        return strings.sorted()
    }

    static func calendar() throws -> WorkingDayCalendar { ShippedHolidays.calendar }

    static func result() throws -> RunResult {
        let contacts = try FileDecoder.decode(Contact.self, raw: try bytes("contacts.csv"), fileName: "contacts.csv")
        let enquiries = try FileDecoder.decode(Section47Enquiry.self, raw: try bytes("s47_enquiries.csv"),
                                               fileName: "s47_enquiries.csv")
        let conferences = try FileDecoder.decode(ChildProtectionConference.self, raw: try bytes("conferences.csv"),
                                                 fileName: "conferences.csv")
        let audits = try FileDecoder.decode(CaseAudit.self, raw: try bytes("audits.csv"), fileName: "audits.csv")
        let cases = LinkedCases(contacts: contacts.records, enquiries: enquiries.records,
                                conferences: conferences.records, audits: audits.records)
        let calendar = try calendar()
        let context = KPIContext(asOf: asOf, calendar: calendar)
        let kpis = try KPIEngine().compute(cases, context: context)
        let exceptions = try ExceptionFinder.find(cases, context: context)
        return RunResult(
            periods: context.periods,
            inputs: [contacts.summary, enquiries.summary, conferences.summary, audits.summary],
            findings: contacts.findings + enquiries.findings + conferences.findings + audits.findings,
            kpis: kpis, exceptions: exceptions,
            calendarCoverage: calendar.coverage, calendarSource: calendar.source)
    }

    static func dashboard() throws -> Dashboard {
        Dashboard(result: try result(), authority: authority, programVersion: programVersion)
    }

    private static func bytes(_ name: String) throws -> [UInt8] {
        try Golden.bytes(name, filePath: #filePath)
    }
}
