@testable import PathwayCore
import PathwayTestSupport
import Testing

/// Slots by number for ids of the first id's shape, by table for any other: an id must get one
/// slot, numbered in the order ids first come, exactly as a dictionary of the texts would.
@Suite("id slots")
struct IDSlotsTests {
    @Test("slots in order of first appearance, whatever path each id takes")
    func mixedIDs() {
        var slots = IDSlots(expectedCount: 10)
        let inserted = ["CH000005", "CH000001", "CH000005", "X1", "CH05", "ch000001", "CH0000050", "", "CH000001",
                        "X1", "CH000000"]
        let expected: [(Int, Bool)] = [(0, true), (1, true), (0, false), (2, true), (3, true), (4, true), (5, true),
                                       (6, true), (1, false), (2, false), (7, true)]
        for (id, want) in zip(inserted, expected) {
            let got = slots.insert(ExactText(id))
            #expect(got.slot == want.0 && got.inserted == want.1, "\(id)")
        }
        #expect(slots.count == 8)
        #expect(slots.slot(of: ExactText("CH000005")) == 0)
        #expect(slots.slot(of: ExactText("CH05")) == 3)
        #expect(slots.slot(of: ExactText("CH000000")) == 7)
        for absent in ["CH000002", "CH999999", "X2", "CH5", "CH00000\u{0665}"] {
            #expect(slots.slot(of: ExactText(absent)) == nil, "\(absent)")
        }
    }

    @Test("numbers at or above the limit are told apart by their text")
    func limit() {
        // Nine digits: 000000001 has the shape; the limit for 10 children is 2^20.
        var slots = IDSlots(expectedCount: 10)
        #expect(slots.insert(ExactText("P000000001")) == (0, true))
        #expect(slots.insert(ExactText("P001048575")) == (1, true))
        #expect(slots.insert(ExactText("P001048576")) == (2, true))
        #expect(slots.insert(ExactText("P999999999")) == (3, true))
        #expect(slots.insert(ExactText("P001048576")) == (2, false))
        #expect(slots.slot(of: ExactText("P001048575")) == 1)
        #expect(slots.slot(of: ExactText("P999999999")) == 3)
        #expect(slots.slot(of: ExactText("P001048577")) == nil)
    }

    @Test("a first id without a shape sends every id to the table")
    func noShape() {
        var slots = IDSlots(expectedCount: 4)
        #expect(slots.insert(ExactText("guid-a")) == (0, true))
        #expect(slots.insert(ExactText("CH000001")) == (1, true))
        #expect(slots.insert(ExactText("guid-a")) == (0, false))
        #expect(slots.slot(of: ExactText("CH000001")) == 1)
        #expect(slots.slot(of: ExactText("CH000002")) == nil)
    }

    @Test("random ids of several shapes agree with a dictionary", arguments: 0..<10)
    func agreesWithDictionary(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &+ 900)
        var slots = IDSlots(expectedCount: random.below(3) == 0 ? 0 : 5_000)
        var model: [String: Int] = [:]
        var failures: [String] = []
        func id() -> String {
            let number = random.chance(percent: 10) ? (1 << 20) - 20 + random.below(40) : random.below(3_000)
            switch random.below(6) {
            case 0: return "CH\(number)"
            case 1: return "C\(String(number).zeroPadded(to: 7))"
            case 2: return "\(number)"
            case 3: return "CH\(String(number).zeroPadded(to: 5))\u{0664}"
            default: return "CH\(String(number).zeroPadded(to: 7))"
            }
        }
        for step in 0..<3_000 {
            let text = id()
            if random.chance(percent: 70) {
                let expected = model[text].map { ($0, false) } ?? (model.count, true)
                if model[text] == nil { model[text] = model.count }
                let got = slots.insert(ExactText(text))
                if got != expected { failures.append("step \(step): insert \(text) gave \(got), not \(expected)") }
            } else if slots.slot(of: ExactText(text)) != model[text] {
                failures.append("step \(step): slot of \(text)")
            }
        }
        #expect(slots.count == model.count)
        #expect(failures.isEmpty, "\(Array(failures.prefix(5)))")
    }
}
