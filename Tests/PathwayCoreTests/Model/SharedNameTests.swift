import Dispatch
@testable import PathwayCore
import PathwayTestSupport
import Testing

/// Records keep their source and team as `SharedName`s: one number per exact text for the whole process,
/// from any thread, so that comparing two records' teams by number is comparing their texts exactly.
@Suite("shared names")
struct SharedNameTests {
    @Test("a text keeps its number and reads back byte for byte; texts that differ by a byte or by form differ",
          arguments: [
              ("North", "North ", false), ("North", "north", false), ("caf\u{E9}", "cafe\u{301}", false),
              ("", " ", false), ("A team with a name much longer than fifteen bytes", "A team with a name much longer than fifteen bytes", true),
              ("Police", String(decoding: Array("Police".utf8), as: UTF8.self), true),
          ])
    func numbering(_ a: String, _ b: String, _ same: Bool) {
        let first = SharedName(a), second = SharedName(b)
        #expect((first == second) == same)
        #expect((first.number == second.number) == same)
        #expect(SharedName(a).number == first.number, "numbered once")
        #expect(Array(first.text.utf8) == Array(a.utf8) && Array(second.text.utf8) == Array(b.utf8))
    }

    @Test("names numbered from many threads at once: one number per text, each reading back its own text")
    func concurrentNumbering() {
        let texts = (0..<200).map { "Team \($0), first numbered by SharedNameTests.concurrentNumbering" }
        let before = SharedNameTable.shared.count
        let results = ConcurrentSlots<[UInt32]>(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { task in
            var random = SeededRandom(seed: UInt64(70 + task))
            var order = Array(texts.indices)
            order.shuffle(using: &random)
            var numbers = [UInt32](repeating: 0, count: texts.count)
            for index in order { numbers[index] = SharedName(texts[index]).number }
            results.set(task, numbers)
        }
        let first = results.get(0)
        #expect(first != nil)
        for task in 1..<8 { #expect(results.get(task) == first) }
        #expect(Set(first ?? []).count == texts.count, "no two texts share a number")
        #expect(SharedNameTable.shared.count >= before + texts.count)
        for (index, text) in texts.enumerated() {
            #expect(SharedName(text).number == first?[index], "numbered once, whichever thread came first")
            #expect(SharedName(text).text == text)
        }
    }

    /// String's `==` follows canonical equivalence; teams are compared exactly (SPEC §2), and so are
    /// records, now that they hold their team's number.
    @Test("records whose teams differ only in Unicode form are different records")
    func recordsCompareTeamsExactly() {
        let day = Day(year: 2026, month: 3, day: 2)!
        let composed = Contact(id: "c", childID: "C", contactDate: day, source: "Police", team: "caf\u{E9}")
        let decomposed = Contact(id: "c", childID: "C", contactDate: day, source: "Police", team: "cafe\u{301}")
        #expect(composed != decomposed)
        #expect(composed == Contact(id: "c", childID: "C", contactDate: day, source: "Police", team: "caf\u{E9}"))
        var renamed = composed
        renamed.team = nil
        #expect(renamed.teamName == nil && renamed.team == nil)
        renamed.source = "Health"
        #expect(renamed.source == "Health" && renamed.sourceName == SharedName("Health"))
    }
}
