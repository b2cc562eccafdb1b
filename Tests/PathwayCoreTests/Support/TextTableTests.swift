@testable import PathwayCore
import PathwayTestSupport
import Testing

/// The decode stage's id sets and the link stage's slots for ids of no common shape live in
/// `TextTable`: it must behave exactly like a dictionary keyed by `ExactText`, through growth and long
/// probe runs.
@Suite("text table")
struct TextTableTests {
    @Test("random inserts and lookups agree with a Dictionary keyed by ExactText", arguments: 0..<8)
    func agreesWithDictionary(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &+ 900)
        // Few distinct keys (so inserts often find them present), of every length around 8 and 16 bytes,
        // canonically equivalent pairs that must stay distinct, and non-ASCII text.
        var pool = (0..<300).map { "C\(String(repeating: "0", count: $0 % 20))\($0)" }
        pool += ["", "é", "e\u{301}", "caf\u{E9}", "cafe\u{301}", "Zoë", String(repeating: "x", count: 40)]
        var table = TextTable(minimumCapacity: seed % 2 == 0 ? 0 : 500)
        var model: [ExactText: Int32] = [:]
        var failures: [String] = []
        for step in 0..<6_000 {
            let key = ExactText(random.pick(pool))
            switch random.below(4) {
            case 3:
                // A lookup whose probe is then used to insert, sometimes after another key was inserted
                // (the probe is stale then and must not be used).
                let probe = table.probe(key)
                if probe.value != model[key] { failures.append("probe \(key) at \(step)") }
                if random.chance(percent: 30) {
                    let other = ExactText(random.pick(pool))
                    if table.insert(other, value: -1).inserted { model[other] = -1 }
                }
                let value = Int32(step)
                let wasAbsent = model[key] == nil
                let (stored, inserted) = table.insert(key, value: value, at: probe)
                if wasAbsent { model[key] = value }
                if stored != model[key] || inserted != wasAbsent { failures.append("insert at \(key) at \(step)") }
            case 0, 1:
                let value = Int32(step)
                let wasAbsent = model[key] == nil
                let (stored, inserted) = table.insert(key, value: value)
                if wasAbsent { model[key] = value }
                if stored != model[key] || inserted != wasAbsent { failures.append("insert \(key) at \(step)") }
            default:
                if table.value(for: key) != model[key] { failures.append("lookup \(key) at \(step)") }
            }
            if table.count != model.count { failures.append("count at \(step)") }
        }
        for key in pool.map(ExactText.init) where table.value(for: key) != model[key] {
            failures.append("final \(key)")
        }
        #expect(failures.isEmpty, "\(Array(failures.prefix(5)))")
    }

    @Test("a key inserted twice keeps its first value; distinct texts that look alike stay apart")
    func firstValueWins() {
        var table = TextTable()
        let first = table.insert(ExactText("caf\u{E9}"), value: 1)
        let second = table.insert(ExactText("cafe\u{301}"), value: 2)
        let again = table.insert(ExactText("caf\u{E9}"), value: 3)
        #expect(first == (1, true) && second == (2, true) && again == (1, false))
        #expect(table.value(for: ExactText("cafe\u{301}")) == 2)
        #expect(table.count == 2)
        #expect(table.value(for: ExactText("cafe")) == nil)
    }

    /// A probe names an empty slot; once another key is inserted, that slot may be the other key's (two
    /// keys with the same home slot), so the old probe must not be used. Among 400 second keys, about
    /// one in sixteen shares the first key's home in a 16-slot table.
    @Test("a probe made before another insert is not used: both keys stay, each with its number")
    func staleProbe() {
        let first = ExactText("A")
        var failures: [String] = []
        for index in 0..<400 {
            var table = TextTable()
            let probe = table.probe(first)
            let other = ExactText("K\(index)")
            table.insert(other, value: 2)
            table.insert(first, value: 1, at: probe)
            if table.value(for: first) != 1 || table.value(for: other) != 2 || table.count != 2 {
                failures.append(other.value)
            }
        }
        #expect(failures.isEmpty, "\(Array(failures.prefix(5)))")
    }

    @Test("100,000 ids: every one found after growth, with its own number; others not found")
    func manyIDs() {
        var table = TextTable()
        for index in 0..<100_000 { table.insert(ExactText("CH\(index)"), value: Int32(index)) }
        let missing = (0..<100_000).filter { table.value(for: ExactText("CH\($0)")) != Int32($0) }
        #expect(missing.isEmpty)
        let strangers = (100_000..<110_000).filter { table.contains(ExactText("CH\($0)")) }
        #expect(strangers.isEmpty)
        #expect(table.count == 100_000)
    }
}
