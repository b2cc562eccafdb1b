@testable import PathwayCore
import PathwayTestSupport
import Testing

/// Repeated ids are found without a table while the ids come in order, and with one after that: the
/// answers must be those of a plain set either way.
@Suite("accepted ids")
struct AcceptedIDsTests {
    /// Sequences that are in order for a while (as the sample exports are), then dip back, repeat the
    /// last id or an earlier one, and mix padded and unpadded numbers ("C000009" and "C10").
    @Test("random, mostly increasing id sequences agree with a set", arguments: 0..<20)
    func agreesWithSet(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &+ 300)
        var ids = ModelledIDs()
        var next = 0
        var failures: [String] = []
        for step in 0..<400 {
            let roll = random.below(100)
            let number = roll < 80 ? next + 1 : (roll < 90 ? random.below(next + 1) : next)
            next = max(next, number)
            let id = ExactText(random.chance(percent: 10) ? "C\(number)" : "C\(String(number).zeroPadded(to: 6))")
            let (seen, agrees) = ids.check(id)
            if !agrees { failures.append("step \(step): \(id)") }
            // Accept about nine new ids in ten (rejected rows' ids are not added).
            if !seen && random.chance(percent: 90) { ids.accept(id) }
        }
        #expect(failures.isEmpty, "\(Array(failures.prefix(5)))")
    }

    @Test("in order, no table; the first id out of order builds one from every accepted id")
    func switchesToTable() {
        var ids = AcceptedIDs()
        var accepted: [ExactText] = []
        for text in ["A1", "A2", "B1"] {
            let id = ExactText(text)
            let seen = ids.contains(id) { accepted }
            #expect(!seen)
            ids.add(id) { accepted }
            accepted.append(id)
        }
        #expect(ids.inOrder)
        let repeatsFirst = ids.contains(ExactText("A1")) { accepted }
        let newBetween = ids.contains(ExactText("A3")) { accepted }
        #expect(repeatsFirst && !newBetween)
        #expect(!ids.inOrder)
        var later = AcceptedIDs()
        later.add(ExactText("C1")) { [] }
        var inOrder = AcceptedIDs()
        inOrder.add(ExactText("A1")) { [] }
        inOrder.add(ExactText("B9")) { [] }
        #expect(inOrder.allBefore(later))
        #expect(!later.allBefore(inOrder))
        #expect(!ids.allBefore(later), "a table means the order is unknown")
    }

    /// `add` skips its comparison only for the id `contains` just found to be after the last one: adding
    /// another id after that check must still compare (and here switch to a table), or C4 would be
    /// taken for new once C3 had become the last id.
    @Test("add compares again unless it is given the id contains just checked")
    func addOfAnotherIDCompares() {
        var ids = AcceptedIDs()
        var accepted: [ExactText] = []
        for text in ["C1", "C4"] {
            ids.add(ExactText(text)) { accepted }
            accepted.append(ExactText(text))
        }
        let fiveSeen = ids.contains(ExactText("C5")) { accepted }
        #expect(!fiveSeen)
        ids.add(ExactText("C3")) { accepted }
        accepted.append(ExactText("C3"))
        #expect(!ids.inOrder)
        let fourSeen = ids.contains(ExactText("C4")) { accepted }
        let fiveSeenAgain = ids.contains(ExactText("C5")) { accepted }
        #expect(fourSeen && !fiveSeenAgain)
    }

    /// With a table, `contains` keeps where its lookup ended for the `add` of the same id; an `add` of
    /// another id must look that one up itself, or it would go where the checked id belongs, and be
    /// missed by later lookups.
    @Test("with a table, add of an id other than the one contains checked still finds its own place")
    func tableAddOfAnotherID() {
        var failures: [String] = []
        for pair in 0..<100 {
            var ids = ModelledIDs()
            for text in ["B2", "B1"] {
                _ = ids.check(ExactText(text))
                ids.accept(ExactText(text))
            }
            let checked = ExactText("C\(pair)"), added = ExactText("D\(pair)")
            let checkedSeen = ids.check(checked).seen
            ids.accept(added)
            let addedSeen = ids.check(added).seen
            let checkedSeenAgain = ids.check(checked).seen
            if ids.ids.inOrder || checkedSeen || !addedSeen || checkedSeenAgain { failures.append("pair \(pair)") }
        }
        #expect(failures.isEmpty, "\(Array(failures.prefix(5)))")
    }

    @Test("ids that grow a digit stay in order; shorter ids come first, then byte order")
    func order() {
        #expect(AcceptedIDs.less(ExactText("C9999999"), ExactText("C10000000")))
        #expect(!AcceptedIDs.less(ExactText("C10000000"), ExactText("C9999999")))
        #expect(AcceptedIDs.less(ExactText("B"), ExactText("AB")))
        #expect(AcceptedIDs.less(ExactText("AB"), ExactText("AC")))
        #expect(!AcceptedIDs.less(ExactText("AB"), ExactText("AB")))
        #expect(AcceptedIDs.less(ExactText(""), ExactText("A")))
        #expect(AcceptedIDs.less(ExactText("caf\u{E9}"), ExactText("cafe\u{301}")), "2 bytes after 'caf' before 3")
        var ids = AcceptedIDs()
        for text in ["C9999998", "C9999999", "C10000000", "C10000001"] { ids.add(ExactText(text)) { [] } }
        #expect(ids.inOrder)
    }
}
