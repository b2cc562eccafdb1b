import Foundation
import PathwayCore
import Testing
@testable import PathwaySample

@Suite("Determinism")
struct DeterminismTests {
    private func files(_ directory: String) throws -> [[UInt8]] {
        try SampleGenerator.fileNames.map { try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/" + $0))) }
    }

    @Test("the same arguments give byte-identical files", arguments: [false, true])
    func sameArgumentsSameBytes(messy: Bool) throws {
        let parameters = SampleParameters(children: 1500, seed: 7, asOf: SampleFixture.asOf, messy: messy)
        let a = SampleFixture.temporaryDirectory("det-a"), b = SampleFixture.temporaryDirectory("det-b")
        defer {
            try? FileManager.default.removeItem(atPath: a)
            try? FileManager.default.removeItem(atPath: b)
        }
        let first = try SampleGenerator.write(parameters, calendar: SampleFixture.calendar, to: a)
        let second = try SampleGenerator.write(parameters, calendar: SampleFixture.calendar, to: b)
        #expect(first == second)
        let left = try files(a), right = try files(b)
        for (i, name) in SampleGenerator.fileNames.enumerated() {
            #expect(left[i] == right[i], "\(name) differs between two runs")
            #expect(left[i].count == first.bytes[name])
        }
    }

    @Test("a different seed gives different data")
    func differentSeed() throws {
        let a = SampleFixture.temporaryDirectory("seed-a"), b = SampleFixture.temporaryDirectory("seed-b")
        defer {
            try? FileManager.default.removeItem(atPath: a)
            try? FileManager.default.removeItem(atPath: b)
        }
        _ = try SampleGenerator.write(SampleParameters(children: 300, seed: 1, asOf: SampleFixture.asOf),
                                      calendar: SampleFixture.calendar, to: a)
        _ = try SampleGenerator.write(SampleParameters(children: 300, seed: 2, asOf: SampleFixture.asOf),
                                      calendar: SampleFixture.calendar, to: b)
        #expect(try files(a)[0] != files(b)[0])
    }

    @Test("the messy sample describes the same children as the canonical one")
    func messyKeepsTheWorld() throws {
        let clean = try SampleFixture.standard(), messy = try SampleFixture.messy()
        // Messy rows only add duplicates and a few rejected rows; the accepted contacts are the same ones.
        let cleanIDs = Set(clean.contacts.records.map(\.id))
        let messyIDs = Set(messy.contacts.records.map(\.id))
        #expect(messyIDs.isSubset(of: cleanIDs))
        #expect(Double(messyIDs.count) > 0.97 * Double(cleanIDs.count))
    }
}
