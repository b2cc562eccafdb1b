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

    @Test("in order, no lookups; the first id out of order starts them, over every accepted id")
    func switchesToTable() {
        var ids = AcceptedIDs()
        for text in ["A1", "A2", "B1"] {
            let id = ExactText(text)
            let seen = ids.contains(id)
            #expect(!seen)
            ids.add(id)
        }
        #expect(ids.inOrder)
        let repeatsFirst = ids.contains(ExactText("A1"))
        let newBetween = ids.contains(ExactText("A3"))
        #expect(repeatsFirst && !newBetween)
        #expect(!ids.inOrder)
        var later = AcceptedIDs()
        later.add(ExactText("C1"))
        var inOrder = AcceptedIDs()
        inOrder.add(ExactText("A1"))
        inOrder.add(ExactText("B9"))
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
        for text in ["C1", "C4"] { ids.add(ExactText(text)) }
        let fiveSeen = ids.contains(ExactText("C5"))
        #expect(!fiveSeen)
        ids.add(ExactText("C3"))
        #expect(!ids.inOrder)
        let fourSeen = ids.contains(ExactText("C4"))
        let fiveSeenAgain = ids.contains(ExactText("C5"))
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
        for text in ["C9999998", "C9999999", "C10000000", "C10000001"] { ids.add(ExactText(text)) }
        #expect(ids.inOrder)
    }

    /// Ids are kept by the set itself, not read back from records (a contact let go is gone): ids of a
    /// shape as a bit each, whatever the order, and only ids of no shape, or past the bits' limit, as
    /// texts.
    @Test("ids of a shape are kept as bits, in order or not; only the others as texts")
    func keptAsBits() {
        // Numbers that follow one another, with gaps, and C0009999 to C0010000 (the run's last digits all nines).
        var inOrder = AcceptedIDs(expectedCount: 100_000)
        let inOrderNumbers = Array(1...9_999) + Array(10_000...60_000) + Array(60_002...100_003)
        for number in inOrderNumbers { inOrder.add(ExactText("C" + String(number).zeroPadded(to: 7))) }
        #expect(inOrder.inOrder && inOrder.unnumbered.isEmpty && inOrder.count == inOrderNumbers.count)
        #expect(inOrder.accepted(ExactText("C0060000")) && !inOrder.accepted(ExactText("C0060001")))
        #expect(inOrder.accepted(ExactText("C0100003")) && inOrder.accepted(ExactText("C0009999")))
        var lookedUp = inOrder
        lookedUp.startLookups()
        #expect(lookedUp.numbered?.count == inOrderNumbers.count && lookedUp.count == inOrderNumbers.count)
        #expect(lookedUp.accepted(ExactText("C0000001")) && lookedUp.accepted(ExactText("C0100003")))
        #expect(!lookedUp.accepted(ExactText("C0060001")) && !lookedUp.accepted(ExactText("C0100004")))
        var shuffled = AcceptedIDs(expectedCount: 1_000)
        var random = SeededRandom(seed: 41)
        var numbers = Array(1...1_000)
        numbers.shuffle(using: &random)
        for number in numbers { shuffled.add(ExactText("C" + String(number).zeroPadded(to: 7))) }
        for text in ["GUID-A", "C1234567890", "C" + String(AcceptedIDs.bitLimit(1_000))] { shuffled.add(ExactText(text)) }
        #expect(!shuffled.inOrder && shuffled.numbered?.count == 1_000)
        #expect(shuffled.unnumbered == ["GUID-A", "C1234567890", "C" + String(AcceptedIDs.bitLimit(1_000))].map(ExactText.init))
        #expect(shuffled.accepted(ExactText("C0000500")) && !shuffled.accepted(ExactText("C0001001")))
        #expect(shuffled.accepted(ExactText("GUID-A")) && !shuffled.accepted(ExactText("GUID-B")))
    }

    /// Ids of more shapes than get bits go on as texts, and every answer is still a set's.
    @Test("a fifth shape of id is kept as texts")
    func shapesBeyondTheLimit() {
        var ids = ModelledIDs()
        let shapes = ["A", "B", "C", "D", "E"]
        var failures: [String] = []
        for round in 0..<3 {
            for prefix in shapes.reversed() {
                let id = ExactText("\(prefix)\(String(round).zeroPadded(to: 3))")
                if ids.check(id).agrees == false { failures.append("\(id)") }
                ids.accept(id)
                if ids.check(id).agrees == false || !ids.check(id).seen { failures.append("again \(id)") }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(ids.ids.otherShapes.count == AcceptedIDs.maxShapes - 1)
        #expect(ids.ids.unnumbered.map(\.value) == ["A000", "A001", "A002"], "E, D, C and B came first")
    }

    /// Two parts' id sets meet exactly when a set of each part's texts would: in order or not, with
    /// shapes, numbers past the limit, texts of no shape, and parts where one has no bits of the
    /// other's shape.
    @Test("two parts meet exactly when their sets of texts do", arguments: 0..<40)
    func partsMeet(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &+ 900)
        let limit = AcceptedIDs.bitLimit(0)
        func anyID() -> ExactText {
            let number = random.chance(percent: 10) ? limit - 5 + random.below(10) : random.below(400)
            switch random.below(5) {
            case 0: return ExactText("X-\(random.below(50))-Y")
            case 1: return ExactText("CH\(String(number).zeroPadded(to: 7))")
            default: return ExactText("C\(String(number).zeroPadded(to: 7))")
            }
        }
        func part(ordered: Bool) -> ModelledIDs {
            var ids = ModelledIDs()
            var texts = (0..<random.below(60)).map { _ in anyID() }
            if ordered { texts.sort { AcceptedIDs.less($0, $1) } }
            for id in texts where !ids.check(id).seen { ids.accept(id) }
            return ids
        }
        let first = part(ordered: random.chance(percent: 50)), later = part(ordered: random.chance(percent: 50))
        let meet = !first.model.isDisjoint(with: later.model)
        #expect(later.ids.anyAccepted(in: first.ids) == meet, "\(first.model) and \(later.model)")
    }

    /// With the lookups deferred, `contains` may say no to a repeat of an id of the bits' shape, but
    /// never yes to a new id; `settle` then says whether any id it said no to on an accepted row, or on
    /// a row rejected for a later column (`noteRejected`), was a repeat, and without one leaves exactly
    /// the set of the accepted ids.
    @Test("deferred lookups settle to the set, or say an id said new was a repeat", arguments: 0..<40)
    func deferredLookups(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &+ 1_300)
        // Settled as they come every few ids, or only at the end.
        var ids = AcceptedIDs(defersLookups: true, settleEvery: seed % 3 == 0 ? 1 << 13 : 1 + random.below(8))
        var model: Set<ExactText> = []
        var missedRepeat = false
        var failures: [String] = []
        // A few ids in order first (a run), then at random; half the seeds never repeat an id.
        var numbers = Array(0..<300)
        for index in numbers.indices.dropFirst(20).reversed() { numbers.swapAt(index, 20 + random.below(index - 19)) }
        if seed % 2 == 1 {
            for _ in 0..<(1 + random.below(3)) { numbers[20 + random.below(280)] = numbers[random.below(300)] }
        }
        for number in numbers {
            let id: ExactText
            switch random.below(20) {
            case 0: id = ExactText("X-\(number)-Y")
            case 1: id = ExactText("CH\(number)")
            default: id = ExactText("C\(String(number).zeroPadded(to: 6))")
            }
            let seen = ids.contains(id)
            if seen && !model.contains(id) { failures.append("\(id) said seen") }
            if seen { continue }
            // Once a repeat was found, `settle` says so whatever follows.
            if ids.repeated && !missedRepeat { failures.append("repeated before any repeat, at \(id)") }
            // 80 % accepted, 10 % rejected for a later column, 10 % for an earlier one (never noted).
            let roll = random.below(10)
            if roll < 8 {
                if model.contains(id) { missedRepeat = true }
                ids.add(id)
                model.insert(id)
            } else if roll == 8 {
                if model.contains(id) { missedRepeat = true }
                ids.noteRejected(id)
            }
        }
        let settled = ids.settle()
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        #expect(settled == !missedRepeat)
        if settled {
            #expect(ids.count == model.count)
            #expect(model.allSatisfy { ids.accepted($0) })
            #expect(!ids.accepted(ExactText("C999999")) && !ids.accepted(ExactText("X-999-Y")))
        }
    }

    @Test("settle finds a repeat of an id kept in a run, and a rejected row's repeat only of an earlier id")
    func settleAgainstRunsAndOrder() {
        var ids = AcceptedIDs(defersLookups: true)
        for text in ["C000001", "C000002", "C000003"] { ids.add(ExactText(text)) }
        let seen = ids.contains(ExactText("C000002"))
        #expect(!seen, "out of order: deferred, so no")
        ids.add(ExactText("C000002"))
        let settled = ids.settle()
        #expect(!settled, "C000002 was in the run")

        var rejectedFirst = AcceptedIDs(defersLookups: true)
        for text in ["C000005", "C000001"] {
            _ = rejectedFirst.contains(ExactText(text))
            rejectedFirst.add(ExactText(text))
        }
        _ = rejectedFirst.contains(ExactText("C000003"))
        rejectedFirst.noteRejected(ExactText("C000003"))
        _ = rejectedFirst.contains(ExactText("C000003"))
        rejectedFirst.add(ExactText("C000003"))
        let firstSettled = rejectedFirst.settle()
        #expect(firstSettled, "the rejected row came before the accepted one")
        #expect(rejectedFirst.count == 3)

        var rejectedAfter = AcceptedIDs(defersLookups: true)
        for text in ["C000005", "C000001", "C000003"] {
            _ = rejectedAfter.contains(ExactText(text))
            rejectedAfter.add(ExactText(text))
        }
        _ = rejectedAfter.contains(ExactText("C000001"))
        rejectedAfter.noteRejected(ExactText("C000001"))
        let afterSettled = rejectedAfter.settle()
        #expect(!afterSettled, "its first problem would have been the repeated id")
    }

    @Test("an id of a shape is the prefix and the number with zeros before it")
    func idOfNumber() throws {
        for (example, number, expected) in [("C0000001", 42, "C0000042"), ("7", 0, "0"), ("CH-12", 99, "CH-99"),
                                             ("C123456789", 123_456_789, "C123456789")] {
            let shape = try #require(IDShape(of: ExactText(example)))
            #expect(shape.id(of: number) == ExactText(expected))
            #expect(shape.number(of: ExactText(expected)) == number)
        }
    }
}
