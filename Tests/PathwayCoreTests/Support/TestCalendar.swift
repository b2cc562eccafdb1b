import Foundation
import PathwayTestSupport
import Testing
@testable import PathwayCore

/// Shared fixtures for the core tests.
enum TestCalendar {
    /// The shipped England and Wales holiday list.
    static var englandAndWales: WorkingDayCalendar { ShippedHolidays.calendar }

    /// The raw text of the shipped holiday list.
    static let holidayFileText: String = {
        guard let bytes = try? ShippedHolidays.bytes() else { preconditionFailure("\(ShippedHolidays.url.path) is missing") }
        return String(decoding: bytes, as: UTF8.self)
    }()

    /// A KPI context over the bundled calendar.
    static func context(asOf: String) -> KPIContext {
        KPIContext(asOf: d(asOf), calendar: englandAndWales)
    }
}


/// Decoding helpers for the validation tests.
enum TestCSV {
    /// Decodes CSV text (UTF-8) as `fileName`.
    static func decode<Record: DecodableRecord>(
        _ type: Record.Type, _ csv: String, fileName: String, options: DecodingOptions = DecodingOptions()
    ) throws(SchemaError) -> DecodedFile<Record> {
        try FileDecoder.decode(type, raw: Array(csv.utf8), fileName: fileName, options: options)
    }

    /// Header line plus rows, LF line ends and a final line end.
    static func lines(_ header: String, _ rows: [String]) -> String {
        ([header] + rows).joined(separator: "\n") + "\n"
    }

    static func errors(_ file: DecodedFile<some Sendable>) -> [Finding] { file.findings.filter { $0.severity == .error } }
    static func warnings(_ file: DecodedFile<some Sendable>) -> [Finding] { file.findings.filter { $0.severity == .warning } }

    /// Every file's summary must reconcile and every rejected row must yield exactly one error.
    static func checkInvariants(_ file: DecodedFile<some Sendable>, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(file.summary.rows == file.summary.accepted + file.summary.rejected, sourceLocation: sourceLocation)
        #expect(file.summary.accepted == file.records.count, sourceLocation: sourceLocation)
        #expect(errors(file).count == file.summary.rejected, sourceLocation: sourceLocation)
    }
}
