import Foundation
import PathwayCore
import Testing
@testable import PathwaySample

@Suite("Canonical sample")
struct CanonicalSampleTests {
    @Test("every file decodes with zero findings and every row accepted")
    func zeroFindings() throws {
        let sample = try SampleFixture.standard()
        #expect(sample.allFindings.isEmpty, "\(sample.allFindings.prefix(5).map(\.message))")
        for summary in sample.summaries {
            #expect(summary.rejected == 0)
            #expect(summary.accepted == summary.rows)
            #expect(summary.rows == sample.summary.rows[summary.file], "\(summary.file)")
            #expect(summary.rows > 0)
            #expect(summary.encoding == .utf8)
        }
    }

    @Test("headers are the canonical names in schema order; LF, no BOM, no CR")
    func canonicalLayout() throws {
        let sample = try SampleFixture.standard()
        let expected: [String: [String]] = [
            "contacts.csv": ContactColumn.allCases.map(\.spec.name),
            "s47_enquiries.csv": Section47Column.allCases.map(\.spec.name),
            "conferences.csv": ConferenceColumn.allCases.map(\.spec.name),
            "audits.csv": AuditColumn.allCases.map(\.spec.name) + SampleRates.defaults.auditDomains,
        ]
        for name in SampleGenerator.fileNames {
            let bytes = try sample.bytes(name)
            #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            #expect(!bytes.contains(0x0D), "\(name) has a CR")
            #expect(bytes.last == 0x0A)
            let header = String(decoding: bytes.prefix(while: { $0 != 0x0A }), as: UTF8.self)
            #expect(header == expected[name]!.joined(separator: ","))
        }
    }

    @Test("quoting only where needed: the one source with a comma is quoted, nothing else")
    func quoting() throws {
        let text = String(decoding: try SampleFixture.standard().bytes("contacts.csv"), as: UTF8.self)
        #expect(text.contains("\"Health: A&E, urgent care\""))
        let quotes = text.utf8.filter { $0 == 0x22 }.count
        let quotedSources = text.components(separatedBy: "\"Health: A&E, urgent care\"").count - 1
        #expect(quotes == 2 * quotedSources)
        #expect(try SampleFixture.standard().bytes("audits.csv").contains(0xC3), "é is written as UTF-8")
    }

    @Test("ids are unique per file and follow the documented patterns")
    func ids() throws {
        let sample = try SampleFixture.standard()
        func check(_ ids: [String], _ prefix: String, digits: Int) {
            #expect(Set(ids).count == ids.count)
            #expect(ids.allSatisfy { $0.hasPrefix(prefix) && $0.count == prefix.count + digits })
        }
        check(sample.contacts.records.map(\.id), "C", digits: 7)
        check(sample.enquiries.records.map(\.id), "S", digits: 7)
        check(sample.conferences.records.map(\.id), "CP", digits: 6)
        check(sample.audits.records.map(\.id), "A", digits: 7)
        let children = Set(sample.contacts.records.map(\.childID))
        #expect(children.count == SampleFixture.children)
        #expect(children.contains("CH000001") && children.contains("CH005000"))
        // Every child in the other files appears in contacts; every S47 links to a referral contact.
        #expect(Set(sample.enquiries.records.map(\.childID)).isSubset(of: children))
        #expect(Set(sample.conferences.records.map(\.childID)).isSubset(of: children))
        #expect(Set(sample.audits.records.map(\.childID)).isSubset(of: children))
        let referrals = Dictionary(uniqueKeysWithValues: sample.contacts.records.map { ($0.id, $0) })
        for enquiry in sample.enquiries.records {
            let contact = try #require(referrals[enquiry.contactID ?? ""])
            #expect(contact.outcome == .referral && contact.childID == enquiry.childID)
            #expect(enquiry.strategyDate >= contact.referralDay!)
        }
        let enquiryIDs = Set(sample.enquiries.records.map(\.id))
        let start = SampleFixture.asOf.adding(Months(-36)).adding(days: 1)
        for conference in sample.conferences.records where conference.type == .initial {
            if conference.date >= start {
                #expect(enquiryIDs.contains(conference.s47ID ?? ""))
            } else {
                #expect(conference.s47ID == nil, "an earlier plan, before the history")
            }
        }
    }

    @Test("about three years of history; no date after as-of")
    func dates() throws {
        let sample = try SampleFixture.standard()
        let asOf = SampleFixture.asOf
        let start = asOf.adding(Months(-36)).adding(days: 1)
        var all: [Day] = []
        for c in sample.contacts.records {
            #expect(c.contactDate >= start)
            all += [c.contactDate] + [c.marfRequestedDate, c.marfReceivedDate, c.policeIncidentDate, c.decisionDate,
                                      c.referralDate].compactMap { $0 }
            if let decision = c.decisionDate { #expect(decision >= c.contactDate) }
            if let received = c.marfReceivedDate { #expect(received >= c.marfRequestedDate!) }
        }
        for e in sample.enquiries.records { all += [e.strategyDate] + [e.endDate].compactMap { $0 } }
        for c in sample.conferences.records {
            // Earlier plans (previousPlanShare) end before the history, inside the calendar's coverage.
            if c.date < start {
                #expect(c.date >= SampleFixture.calendar.coverage.start && c.date < start.adding(days: -29))
                #expect(c.outcome == .plan || c.outcome == .continue || c.outcome == .end)
            } else {
                all.append(c.date)
            }
        }
        #expect(sample.conferences.records.contains { $0.date < start })
        for a in sample.audits.records {
            all += [a.date] + [a.actionsDueDate, a.actionsCompletedDate].compactMap { $0 }
        }
        #expect(all.allSatisfy { $0 <= asOf })
        #expect(all.min()! >= start.adding(days: -30))
        let contactDays = sample.contacts.records.map(\.contactDate)
        #expect(contactDays.max()! >= asOf.adding(days: -3))
        #expect(contactDays.min()! <= start.adding(days: 7))
        // Some decisions are still pending near as-of, none long before it.
        let pending = sample.contacts.records.filter { $0.decisionDate == nil }
        #expect(!pending.isEmpty)
        #expect(pending.allSatisfy { $0.contactDate >= asOf.adding(days: -40) })
    }

    @Test("at 5,000 children the files total under 3 MB")
    func size() throws {
        let total = try SampleFixture.standard().summary.bytes.values.reduce(0, +)
        #expect(total < 3_000_000)
    }

    @Test("teams: the six named teams, with an apostrophe, and a few blanks")
    func teams() throws {
        let sample = try SampleFixture.standard()
        let teams = Set(sample.contacts.records.compactMap(\.team) + sample.conferences.records.compactMap(\.team))
        #expect(teams == ["North Locality", "South Locality", "East Locality", "West Locality", "MASH",
                          "Disabled Children's Team"])
        #expect(sample.contacts.records.contains { $0.team == nil })
    }
}
