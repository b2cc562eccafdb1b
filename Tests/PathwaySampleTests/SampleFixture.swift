import PathwayTestSupport
import Foundation
import PathwayCore
@testable import PathwaySample

/// One generated sample, read back and decoded by pathway's decoder.
struct DecodedSample: Sendable {
    let directory: String
    let summary: SampleSummary
    let contacts: DecodedFile<Contact>
    let enquiries: DecodedFile<Section47Enquiry>
    let conferences: DecodedFile<ChildProtectionConference>
    let audits: DecodedFile<CaseAudit>

    func bytes(_ file: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/" + file)))
    }

    var allFindings: [Finding] { contacts.findings + enquiries.findings + conferences.findings + audits.findings }
    var summaries: [InputSummary] { [contacts.summary, enquiries.summary, conferences.summary, audits.summary] }
}

/// The test samples: the default sample (5,000 children, a fixed seed, as-of 2026-03-31), canonical
/// and messy, generated once and shared by the tests.
enum SampleFixture {
    static let asOf = Day(year: 2026, month: 3, day: 31)!
    static let seed: UInt64 = 20_260_331
    static let children = 5000

    static var calendar: WorkingDayCalendar { ShippedHolidays.calendar }

    static func temporaryDirectory(_ name: String) -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("pathway-sample-tests-\(ProcessInfo.processInfo.processIdentifier)")
            .appendingPathComponent(name + "-" + UUID().uuidString).path
    }

    static func generate(_ parameters: SampleParameters, name: String) throws -> DecodedSample {
        let directory = temporaryDirectory(name)
        let summary = try SampleGenerator.write(parameters, calendar: calendar, to: directory)
        return try decode(directory, summary: summary)
    }

    static func decode(_ directory: String, summary: SampleSummary) throws -> DecodedSample {
        func read(_ file: InputFile) throws -> [UInt8] {
            try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/" + file.defaultFileName)))
        }
        return DecodedSample(
            directory: directory, summary: summary,
            contacts: try FileDecoder.decode(Contact.self, raw: read(.contacts), fileName: "contacts.csv"),
            enquiries: try FileDecoder.decode(Section47Enquiry.self, raw: read(.s47Enquiries),
                                              fileName: "s47_enquiries.csv"),
            conferences: try FileDecoder.decode(ChildProtectionConference.self, raw: read(.conferences),
                                                fileName: "conferences.csv"),
            audits: try FileDecoder.decode(CaseAudit.self, raw: read(.audits), fileName: "audits.csv"))
    }

    static let standardResult = Result {
        try generate(SampleParameters(children: children, seed: seed, asOf: asOf), name: "standard")
    }

    static let messyResult = Result {
        try generate(SampleParameters(children: children, seed: seed, asOf: asOf, messy: true), name: "messy")
    }

    /// 20,000 children: enough ICPCs in the 12-month window for headline KPI values to sit near the
    /// configured rates.
    static let largeResult = Result {
        try generate(SampleParameters(children: 20_000, seed: seed, asOf: asOf), name: "large")
    }

    static func standard() throws -> DecodedSample { try standardResult.get() }
    static func large() throws -> DecodedSample { try largeResult.get() }
    static func messy() throws -> DecodedSample { try messyResult.get() }
}
