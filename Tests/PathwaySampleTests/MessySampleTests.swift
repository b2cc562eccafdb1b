import Foundation
import PathwayCore
import Testing
@testable import PathwaySample

@Suite("Messy sample")
struct MessySampleTests {
    @Test("every finding kind appears at least once")
    func everyRule() throws {
        let sample = try SampleFixture.messy()
        let seen = Set(sample.allFindings.map(\.rule))
        for rule in ValidationRule.allCases {
            #expect(seen.contains(rule), "no \(rule.rawValue) finding in the messy sample")
        }
    }

    @Test("bad rows stay well under 5% of each file, and the reader's row counts match the summary")
    func lowDefectRate() throws {
        let sample = try SampleFixture.messy()
        for summary in sample.summaries {
            #expect(summary.rows == sample.summary.rows[summary.file], "\(summary.file)")
            #expect(summary.rejectedPercent < 2.5, "\(summary.file): \(summary.rejectedPercent)% rejected")
            #expect(summary.rejected > 0, "\(summary.file) has no rejected row")
        }
        // findings.errors equals the sum of rejected.
        let errors = sample.allFindings.filter { $0.severity == .error }.count
        #expect(errors == sample.summaries.map(\.rejected).reduce(0, +))
    }

    @Test("encodings, byte-order marks and line ends vary by file")
    func encodings() throws {
        let sample = try SampleFixture.messy()
        #expect(sample.audits.summary.encoding == .windows1252)
        for summary in [sample.contacts.summary, sample.enquiries.summary, sample.conferences.summary] {
            #expect(summary.encoding == .utf8)
        }
        let contacts = try sample.bytes("contacts.csv"), audits = try sample.bytes("audits.csv")
        let conferences = try sample.bytes("conferences.csv"), enquiries = try sample.bytes("s47_enquiries.csv")
        #expect(contacts.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(conferences.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(!audits.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(!enquiries.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(audits.contains(0xE9), "é as a single Windows-1252 byte")
        for bytes in [contacts, enquiries, audits] {
            #expect(Array(bytes.prefix(while: { $0 != 0x0A }).suffix(1)) == [0x0D], "CRLF line ends")
        }
        #expect(!conferences.contains(0x0D) || conferences.filter { $0 == 0x0D }.count < 20, "LF line ends")
        // Accepted audits keep the accented auditor after transcoding.
        #expect(sample.audits.records.contains { $0.auditor == "Renée Clément" })
    }

    @Test("real-export features: Annex A headings, labels and prefixes, other date formats, notes")
    func features() throws {
        let sample = try SampleFixture.messy()
        let text = String(decoding: try sample.bytes("contacts.csv"), as: UTF8.self)
        let header = text.prefix(while: { $0 != "\r" && $0 != "\n" })
        for heading in ["Child Unique ID", "Date of  Contact", "Contact Source", "Date of referral", "Allocated Team",
                        "notes", "Worker"] {
            #expect(header.contains(heading), "\(heading)")
        }
        #expect(text.contains("a) "))
        #expect(text.contains("6: Police"))
        #expect(text.range(of: #"\b\d{2}/\d{2}/20\d{2}\b"#, options: .regularExpression) != nil)
        #expect(text.range(of: #",\d/\d{1,2}/20\d{2},"#, options: .regularExpression) != nil)
        #expect(text.range(of: #"20\d{2}-\d{2}-\d{2}T\d{2}:\d{2}"#, options: .regularExpression) != nil)
        #expect(text.range(of: #"\d{2}/\d{2}/20\d{2} \d{2}:\d{2}:\d{2}"#, options: .regularExpression) != nil)
        #expect(text.contains("\"Seen at school.\nFollow-up booked\""))
        #expect(text.contains("\"\"duty\"\""))
        #expect(text.contains("children\u{2019}s social care"))
        // Labels decode to the same codes: outcomes still split like the canonical sample.
        let outcomes = Set(sample.contacts.records.compactMap(\.outcome))
        #expect(outcomes == [.referral, .earlyHelp, .advice, .nfa, .openCase, .other])
        let types = Set(sample.conferences.records.map(\.type))
        #expect(types == [.initial, .review, .transferIn])
        let police = sample.contacts.records.filter(\.isPolice).count
        #expect(Double(police) / Double(sample.contacts.records.count) > 0.25)
    }

    @Test("pathway still computes every KPI from the messy sample")
    func kpisFromMessy() throws {
        let sample = try SampleFixture.messy()
        let cases = LinkedCases(contacts: sample.contacts.records, enquiries: sample.enquiries.records,
                                conferences: sample.conferences.records, audits: sample.audits.records)
        let results = try KPIEngine().compute(cases, context: KPIContext(asOf: SampleFixture.asOf,
                                                                         calendar: SampleFixture.calendar))
        for result in results {
            #expect(result.kind == .count ? result.headline.count > 0 : result.headline.denominator > 0, "\(result.id)")
        }
    }
}
