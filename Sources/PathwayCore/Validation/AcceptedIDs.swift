import Foundation

/// The ids a part of a file has accepted so far, for finding repeated ids (SPEC §2: a row whose id
/// repeats an earlier accepted record's is rejected).
///
/// Every accepted id is kept here, not read back from the records: a contact that no period needs is
/// let go as soon as it is decoded (`ContactHorizon`), and the check must still see its id. Ids of a
/// common shape (`IDShape`: C0000001, CH000001, plain numbers) are kept as a bit each, by their number
/// (`NumberedIDs`, one per shape, up to `maxShapes`), so that a file's ids take about an eighth of a
/// byte per number however many years of rows it holds (they took 24 bytes a row let go, kept with its
/// line, and 8 more for each row of a second part, to replay it against the first). Ids of no shape are
/// kept as texts.
///
/// Exports are often in id order (the sample's are). While every accepted id is greater than the
/// one accepted before it (shorter ids first, then byte by byte, so that C9999999 comes before
/// C10000000), a new id greater than the last cannot repeat any of them: one comparison with the last
/// id answers, instead of a lookup (whose cache misses were 13 % of all CPU samples at 1M children when
/// every id went through a hash table). The first id that is not greater switches to lookups: the bits,
/// and a `TextTable` of the ids of no shape. Either way the answers are those of a set of the texts.
///
/// With `defersLookups`, ids out of order of `numbered`'s shape are not looked up as they come:
/// `contains` says no, and their numbers are kept in order (`pending`, with those of rows rejected for a
/// column after the id column) until `settle` sets their bits in one loop and says whether any of them
/// was a repeat. Looked up one at a time, each id waited on a cache miss in the bits (lookups were 8 %
/// of all CPU samples on a shuffled set at 1M children); in one loop the misses overlap. Every
/// `settleEvery` ids they are settled as they come, so that a repeat is found (`repeated`) soon after
/// it is met: the decoder then goes back to a copy of these ids it took after an earlier settle
/// (`settleMark`), and reads on from there without deferring.
struct AcceptedIDs: Sendable {
    /// The first and the last id accepted while the ids were in order.
    private(set) var first: ExactText?
    private(set) var last: ExactText?
    /// Whether every id so far was greater than the one before.
    private(set) var inOrder = true
    /// The bits of the first shape of id accepted (usually every id has it), and of any others. No two
    /// shapes take the same id (a shape's prefix never ends in a digit), so an id's bits are those of
    /// the one shape it has.
    private(set) var numbered: NumberedIDs?
    private(set) var otherShapes: [NumberedIDs] = []
    /// The accepted ids with no bits (no shape of the ones above, or a number past their limit), in the
    /// order accepted; once the ids were out of order, also in `table` for lookups.
    private(set) var unnumbered: [ExactText] = []
    private(set) var table: TextTable?
    /// While in order: a run of ids of `numbered`'s shape whose numbers follow one another (C0000041,
    /// C0000042, ...), as the first number and how many, with the words of the id expected next
    /// (`IDShape.idAfter`) and the number the run must stay below (the bits' limit). The run's bits are
    /// set when it ends (`endRun`), so that an id that continues it costs a comparison of its two words,
    /// not reading its number and setting its bit (about 220 instructions an id, callgrind).
    private var runStart = 0, runCount = 0, runLimit = 0
    private var runNext: (UInt64, UInt64) = (0, 0)
    /// Where the last digit is in `runNext`: in its first word or its second, at this shift. Nine ids in
    /// ten only add one to that byte (`advanceRun`).
    private var runLastInFirst = false
    private var runLastShift: UInt64 = 0
    /// The last id `contains` found to be greater than `last`: `add` of that same id (the usual next
    /// call) then needs no second comparison, which was 0.9 % of all instructions at 100,000 children.
    private var checkedAfterLast: ExactText?
    /// Once there is a table: the last id `contains` looked up and did not find, with where the lookup
    /// ended, so that `add` of that same id writes it there instead of looking it up again.
    private var checkedAbsent: (id: ExactText, probe: TextTable.Probe)?
    /// About the number of rows expected: what the bits' limit follows, and how many ids the table is
    /// made for when no id has a shape (it grows past that if it must). Built for the ids so far, a
    /// table grew about 28 times in each half of a shuffled contacts.csv at 1M children, copying every
    /// id each time (5.5 % of the perf samples).
    let expectedCount: Int
    /// `SmallASCII.layoutFlags`, read once.
    private let smallASCII = SmallASCII.layoutFlags
    /// Whether ids out of order of `numbered`'s shape wait in `pending` for `settle` (see above).
    var defersLookups: Bool
    /// Their numbers in the order met, those of rejected rows with `rejectedFlag`: settled in that order.
    private var pending: [UInt32] = []
    /// The id `contains` last deferred, and its number, for the `add` or `noteRejected` that follows.
    private var deferred: (id: ExactText, number: Int)?
    private static let rejectedFlag: UInt32 = 1 << 31
    /// Changes whenever deferred ids are settled: how many times they were settled with no repeat, or -1
    /// once one repeated (`repeated`). The decoder reads it after every row (one comparison), to take a copy after a
    /// settle and to go back to it after a repeat.
    private(set) var settleMark = 0
    /// Deferred ids settled at a time (4 bytes each): enough for their cache misses to overlap.
    let settleEvery: Int

    /// A deferred id repeated an earlier one: what was decided since the last settle is to be thrown away.
    var repeated: Bool { settleMark < 0 }

    /// Shapes of id given bits, at most: ids of further shapes are kept as texts.
    static let maxShapes = 4

    static let defaultSettleEvery = 1 << 13

    init(expectedCount: Int = 0, defersLookups: Bool = false, settleEvery: Int = defaultSettleEvery) {
        precondition(settleEvery > 0, "at least one id at a time")
        self.expectedCount = expectedCount
        self.defersLookups = defersLookups
        self.settleEvery = settleEvery
    }

    /// Whether any id was accepted.
    var isEmpty: Bool { last == nil && count == 0 }

    /// How many ids were accepted (once settled).
    var count: Int { (numbered?.count ?? 0) + runCount + otherShapes.reduce(0) { $0 + $1.count } + unnumbered.count }

    /// Whether `id` was accepted already. Once the ids are out of order this switches to lookups; with
    /// `defersLookups`, an id of `numbered`'s shape is then not looked up: the answer is no until `settle`.
    /// Inlined into the decoder's loop with `add` (out of line, the two took about 60 instructions a
    /// row more, callgrind at 100,000 children); the lookups' side is out of line.
    @inline(__always)
    mutating func contains(_ id: ExactText) -> Bool {
        if inOrder {
            guard let last else { return false }
            if Self.less(last, id, smallASCII: smallASCII) {
                checkedAfterLast = id
                return false
            }
            startLookups()
        }
        checkedAfterLast = nil
        return defersLookups ? deferOrLookUp(id) : lookUp(id)
    }

    /// Records an accepted id (one that `contains` said was new).
    @inline(__always)
    mutating func add(_ id: ExactText) {
        // The same String (its two words equal, and kept alive by `checkedAfterLast`) is the same text.
        let checked = checkedAfterLast.map { Self.same($0, id) } ?? false
        checkedAfterLast = nil
        if inOrder {
            if checked || last.map({ Self.less($0, id, smallASCII: smallASCII) }) ?? true {
                if first == nil { first = id }
                last = id
                if runCount != 0, SmallASCII.twoWords(id.value) == runNext, runStart &+ runCount < runLimit {
                    runCount &+= 1
                    advanceRun()
                    return
                }
                addInOrder(id)
                return
            }
            startLookups()
        }
        tableAdd(id)
    }

    /// Whether `id` was accepted, without changing anything: for a part whose ids are out of order, or
    /// in order and `id` not after the last (then the texts of no shape are searched one by one, so
    /// `FileDecoder.partsMeet` and `anyAccepted` start lookups on their copies first).
    func accepted(_ id: ExactText) -> Bool {
        precondition(pending.isEmpty, "the deferred ids are settled first")
        if inOrder {
            guard let last else { return false }
            if Self.less(last, id) { return false }
        }
        if let inBits = bitsContain(id) { return inBits }
        if let table { return table.contains(id) }
        return unnumbered.contains(id)
    }

    /// Whether any id accepted here was also accepted in `earlier` (the part before this one): then
    /// reading the two parts apart did not give what one pass gives. Ids in order in both parts, all of
    /// them after `earlier`'s, need no lookup.
    func anyAccepted(in earlier: AcceptedIDs) -> Bool {
        precondition(pending.isEmpty && earlier.pending.isEmpty, "the deferred ids are settled first")
        if earlier.isEmpty || isEmpty || earlier.allBefore(self) { return false }
        var earlier = earlier
        earlier.startLookups()
        var later = self
        later.endRun()
        return later.anyAcceptedWithoutRuns(in: earlier)
    }

    private func anyAcceptedWithoutRuns(in earlier: AcceptedIDs) -> Bool {
        for bits in allBits {
            // The same shape's bits answer by number; a number past their limit, or a shape `earlier` has
            // no bits for, is among its texts if anywhere.
            let same = earlier.allBits.first { $0.shape == bits.shape }
            let found = bits.contains { number in
                if let same, number < same.limit { return same.contains(number) }
                return !earlier.unnumbered.isEmpty && earlier.accepted(bits.id(of: number))
            }
            if found { return true }
        }
        return unnumbered.contains { earlier.accepted($0) }
    }

    /// An id in order that does not continue the run: the run's bits are set, and the id starts the next
    /// run if it is a small ASCII string of `numbered`'s shape; else its bit is set or its text kept.
    @inline(never)
    private mutating func addInOrder(_ id: ExactText) {
        endRun()
        if let numbered, let number = numbered.number(of: id) {
            let words = SmallASCII.twoWords(id.value)
            if let next = numbered.shape.idAfter(words.0, words.1) {
                (runStart, runCount, runLimit, runNext) = (number, 1, numbered.limit, next)
                let last = id.value.utf8.count &- 1
                (runLastInFirst, runLastShift) = (last < 8, UInt64(last & 7) &* 8)
            } else {
                self.numbered!.insert(number)
            }
            return
        }
        if !insertBits(id) { unnumbered.append(id) }
    }

    /// The words of the id after `runNext`: one more in the last digit's byte, unless it is a nine.
    @inline(__always)
    private mutating func advanceRun() {
        let one: UInt64 = 1 &<< runLastShift
        if runLastInFirst {
            if (runNext.0 &>> runLastShift) & 0xFF < 0x39 { runNext.0 &+= one; return }
        } else {
            if (runNext.1 &>> runLastShift) & 0xFF < 0x39 { runNext.1 &+= one; return }
        }
        advanceRunPastNine()
    }

    @inline(never)
    private mutating func advanceRunPastNine() {
        runNext = numbered!.shape.idAfter(runNext.0, runNext.1) ?? (0, 0)
    }

    /// Sets the bits of the run, if any.
    private mutating func endRun() {
        guard runCount != 0 else { return }
        numbered!.insert(runStart..<(runStart &+ runCount))
        (runStart, runCount, runNext) = (0, 0, (0, 0))
    }

    /// The bits of every shape, `numbered`'s first.
    private var allBits: [NumberedIDs] { (numbered.map { [$0] } ?? []) + otherShapes }

    /// Switches from the in-order comparison to lookups: the texts of no shape go into a table.
    mutating func startLookups() {
        endRun()
        guard inOrder else { return }
        inOrder = false
        // Without any shape every id goes in the table; with one, usually none does.
        let anyBits = numbered != nil
        var built = TextTable(minimumCapacity: anyBits ? unnumbered.count * 2 : max(unnumbered.count * 2, expectedCount))
        for id in unnumbered { built.insert(id, value: 0) }
        table = built
    }

    // The lookups' side of `contains` and `add`, out of line: the decoder's loop needs only the side
    // for ids in order. Only these read or write `checkedAbsent`: clearing it on every call, for ids in
    // order too, cost 1 % more instructions in all (callgrind at 100,000 children, +20 M).

    /// `contains` out of order with `defersLookups`: an id of `numbered`'s shape is deferred, any other
    /// looked up. Apart from `lookUp`: at its start, the deferral took about as long as the lookup it
    /// defers (perf, shuffled set at 1M children), and inlined into `contains`, it kept `contains` from
    /// being inlined into the decoder's loop (1 % more instructions for ids in order, callgrind).
    @inline(never)
    private mutating func deferOrLookUp(_ id: ExactText) -> Bool {
        guard let number = numbered?.number(of: id) else { return lookUp(id) }
        deferred = (id, number)
        return false
    }

    @inline(never)
    private mutating func lookUp(_ id: ExactText) -> Bool {
        if let inBits = bitsContain(id) { return inBits }
        let probe = table!.probe(id)
        if probe.value != nil {
            checkedAbsent = nil
            return true
        }
        checkedAbsent = (id, probe)
        return false
    }

    @inline(never)
    private mutating func tableAdd(_ id: ExactText) {
        if let number = deferredNumber(of: id) {
            addPending(UInt32(number))
            return
        }
        if insertBits(id) { return }
        unnumbered.append(id)
        // The same String (kept alive by `checkedAbsent`) is the same text; the table does not use a
        // probe older than its last insert.
        let probe = checkedAbsent.flatMap { Self.same($0.id, id) ? $0.probe : nil }
        checkedAbsent = nil
        if let probe {
            table!.insert(id, value: 0, at: probe)
        } else {
            table!.insert(id, value: 0)
        }
    }

    /// A row with this id was rejected for a column after the id column (not for a repeated id). Had its
    /// id been looked up and found, the repeat would have been its first problem: an id `contains`
    /// deferred is kept for `settle` to check.
    mutating func noteRejected(_ id: ExactText) {
        guard !inOrder, let number = deferredNumber(of: id) else { return }
        addPending(UInt32(number) | Self.rejectedFlag)
    }

    /// Keeps a deferred id's number (with `rejectedFlag` for a rejected row's), settling every `settleEvery`.
    private mutating func addPending(_ entry: UInt32) {
        pending.append(entry)
        if pending.count >= settleEvery { settlePending() }
    }

    /// Sets the bits of the deferred ids, in the order they came; false when one of them repeated an id
    /// accepted before it, or was a rejected row's that did (`repeated`: then the rows from that one on
    /// did not decode as looking each id up would, and what was decided here is to be thrown away).
    mutating func settle() -> Bool {
        deferred = nil
        settlePending()
        return !repeated
    }

    private mutating func settlePending() {
        guard !pending.isEmpty else { return }
        if !repeated {
            settleMark = numbered!.insert(pending, testingOnlyWhere: Self.rejectedFlag) ? settleMark + 1 : -1
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// The number of `id` when `contains` just deferred it (for the same String).
    @inline(__always)
    private mutating func deferredNumber(of id: ExactText) -> Int? {
        guard let deferred, Self.same(deferred.id, id) else { return nil }
        self.deferred = nil
        return deferred.number
    }

    /// Whether the bits hold `id`; nil when it has no bits (no shape of theirs, or past their limit).
    @inline(__always)
    private func bitsContain(_ id: ExactText) -> Bool? {
        if let numbered, let number = numbered.number(of: id) {
            return numbered.contains(number) || (number >= runStart && number < runStart &+ runCount)
        }
        if otherShapes.isEmpty { return nil }
        return otherShapesContain(id)
    }

    @inline(never)
    private func otherShapesContain(_ id: ExactText) -> Bool? {
        for bits in otherShapes {
            if let number = bits.number(of: id) { return bits.contains(number) }
        }
        return nil
    }

    /// Sets `id`'s bit, giving its shape bits if it is the first of a new shape; false when it has no
    /// bits (then the caller keeps its text).
    @inline(__always)
    private mutating func insertBits(_ id: ExactText) -> Bool {
        if numbered != nil, let number = numbered!.number(of: id) {
            numbered!.insert(number)
            return true
        }
        return insertOtherShape(id)
    }

    @inline(never)
    private mutating func insertOtherShape(_ id: ExactText) -> Bool {
        for index in otherShapes.indices {
            if let number = otherShapes[index].number(of: id) {
                otherShapes[index].insert(number)
                return true
            }
        }
        // A new shape, unless the id has one of the shapes already (its number past their limit).
        guard var bits = NumberedIDs(shapeOf: id, limit: Self.bitLimit(expectedCount)),
              numbered.map({ $0.shape != bits.shape }) ?? true, !otherShapes.contains(where: { $0.shape == bits.shape }),
              (numbered == nil ? 0 : 1) + otherShapes.count < Self.maxShapes,
              let number = bits.number(of: id) else { return false }
        bits.insert(number)
        if numbered == nil { numbered = bits } else { otherShapes.append(bits) }
        return true
    }

    @inline(__always)
    private static func same(_ a: ExactText, _ b: ExactText) -> Bool {
        StringIdentity(a.value) == StringIdentity(b.value)
    }

    /// Whether every id `later` accepted is greater than every id accepted here, both being in order
    /// (then no id can be in both).
    func allBefore(_ later: AcceptedIDs) -> Bool {
        guard inOrder, later.inOrder, let last, let laterFirst = later.first else { return false }
        return Self.less(last, laterFirst)
    }

    /// Numbers the bits take, for a part of `expected` rows: up to 32 bits a row, and at least 8 million
    /// (1 MB), so that the ids C0000001 to C9999999 fit whatever the part's size.
    static func bitLimit(_ expected: Int) -> Int {
        min(max(1 << 23, expected * 32), 1 << 30)
    }

    /// Shorter UTF-8 first, then byte order: a strict total order that agrees with `ExactText`
    /// equality, and the order of numbered ids that grow a digit (at 10M children the sample's
    /// contact ids go from C9999999 to C10000000, which byte order alone puts back to front).
    static func less(_ a: ExactText, _ b: ExactText) -> Bool {
        less(a, b, smallASCII: SmallASCII.layoutFlags)
    }

    /// `less`, reading two small ASCII strings from their words (`SmallASCII.less`, with the layout's
    /// flags the caller keeps), and any others byte by byte. Called once a row, byte by byte it took
    /// about 72 instructions: callgrind at 100,000 children 1,802.5 M → 1,787.1 M instructions in all.
    @inline(__always)
    static func less(_ a: ExactText, _ b: ExactText, smallASCII flags: UInt64) -> Bool {
        if let ordered = SmallASCII.less(a.value, b.value, flags: flags) { return ordered }
        return bytewiseLess(a, b)
    }

    @inline(never)
    private static func bytewiseLess(_ a: ExactText, _ b: ExactText) -> Bool {
        let x = a.value.utf8, y = b.value.utf8
        guard x.count == y.count else { return x.count < y.count }
        let compared = x.withContiguousStorageIfAvailable { x in
            y.withContiguousStorageIfAvailable { y -> Bool in
                x.isEmpty ? false : ShortBytes.less(x.baseAddress!, y.baseAddress!, x.count)
            }
        }
        if let compared = compared.flatMap({ $0 }) { return compared }
        return x.lexicographicallyPrecedes(y)
    }
}
