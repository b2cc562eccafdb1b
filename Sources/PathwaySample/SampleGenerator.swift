import Foundation
import PathwayCore

/// Writes a deterministic synthetic sample of the four exports. The data is made up: no real child.
public enum SampleGenerator {
    /// The files written, in this order.
    public static let fileNames = [InputFile.contacts, .s47Enquiries, .conferences, .audits].map(\.defaultFileName)

    /// Writes contacts.csv, s47_enquiries.csv, conferences.csv, audits.csv into `directory` (created if
    /// missing), streaming rows through buffered writers child by child: memory does not grow with
    /// `children`. The same parameters and calendar give byte-identical files.
    ///
    /// `calendar` must cover the history (from about add_months(as_of, −historyMonths) − 60 days)
    /// and as-of; every working-day question is asked inside it.
    public static func write(_ parameters: SampleParameters, calendar: WorkingDayCalendar,
                             to directory: String) throws(SampleError) -> SampleSummary {
        guard parameters.children >= 1, parameters.children <= 9_999_999 else {
            throw .invalidParameter("children must be between 1 and 9,999,999 (got \(parameters.children))")
        }
        let world = try SampleWorld(parameters, calendar: calendar)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory, reason: "the folder cannot be created (\(error.localizedDescription))")
        }

        let s = world.slots
        let domains = parameters.rates.auditDomains
        let plans: [SampleFilePlan]
        if parameters.messy {
            plans = [
                .messyContacts(s, sources: parameters.rates.sources.map(\.value)),
                .messyEnquiries(s),
                .messyConferences(s),
                .messyAudits(s, domains: domains),
            ]
        } else {
            plans = [
                .canonical(.contacts, headings: SampleFilePlan.canonicalHeadings(ContactColumn.self)),
                .canonical(.s47Enquiries, headings: SampleFilePlan.canonicalHeadings(Section47Column.self)),
                .canonical(.conferences, headings: SampleFilePlan.canonicalHeadings(ConferenceColumn.self)),
                .canonical(.audits, headings: SampleFilePlan.canonicalHeadings(AuditColumn.self) + domains),
            ]
        }
        var tables: [SampleTable] = []
        for (i, plan) in plans.enumerated() {
            // Messy variations draw from streams that no child uses.
            tables.append(try SampleTable(plan: plan, directory: directory, seed: parameters.seed,
                                          stream: UInt64.max - UInt64(i), defectRate: parameters.rates.messyDefectRate))
        }
        var simulator = ChildSimulator(world: world, contacts: tables[0], enquiries: tables[1],
                                       conferences: tables[2], audits: tables[3])
        for child in 1...parameters.children { simulator.simulate(child: child) }

        var rows: [String: Int] = [:]
        var bytes: [String: Int] = [:]
        for table in tables {
            let (count, size) = try table.finish()
            rows[table.plan.fileName] = count
            bytes[table.plan.fileName] = size
        }
        return SampleSummary(rows: rows, bytes: bytes)
    }
}
