import Foundation

/// The ids a part of a file has accepted so far, for finding repeated ids (SPEC §2: a row whose id
/// repeats an earlier accepted record's is rejected).
///
/// Exports are often in id order (the sample's are). While every accepted id is greater than the
/// one accepted before it (shorter ids first, then byte by byte, so that C9999999 comes before
/// C10000000), a new id greater than the last cannot repeat any of them, so nothing is stored: one
/// comparison with the last id replaces a hash-table insert (whose cache misses were 13 % of all CPU
/// samples at 1M children, and whose tables for the two halves of contacts.csv took about 80 MB). The
/// first id that is not greater switches to a `TextTable` of every id accepted so far, read back from
/// the records, and from then on every id goes through the table. Either way the answers are the same.
struct AcceptedIDs: Sendable {
    /// The first and the last id accepted while the ids were in order.
    private(set) var first: ExactText?
    private(set) var last: ExactText?
    /// Once the ids were not in order: every accepted id, those of the shape of the last id accepted
    /// in order (usually all of them) in `numbered`, any others in `table`.
    private(set) var table: TextTable?
    private(set) var numbered: NumberedIDs?
    /// The last id `contains` found to be greater than `last`: `add` of that same id (the usual next
    /// call) then needs no second comparison, which was 0.9 % of all instructions at 100,000 children.
    private var checkedAfterLast: ExactText?
    /// Once there is a table: the last id `contains` looked up and did not find, with where the lookup
    /// ended, so that `add` of that same id writes it there instead of looking it up again.
    private var checkedAbsent: (id: ExactText, probe: TextTable.Probe)?
    /// How many ids the table is made for when it is built with no shape for the bits (it grows past
    /// that if it must), and what the bits' limit follows: about the number of rows expected. Built
    /// for the ids so far, a table grew about 28 times in each half of a shuffled contacts.csv at 1M
    /// children, copying every id each time (5.5 % of the perf samples).
    let expectedCount: Int
    /// `SmallASCII.layoutFlags`, read once.
    private let smallASCII = SmallASCII.layoutFlags

    init(expectedCount: Int = 0) {
        self.expectedCount = expectedCount
    }

    /// Whether every id so far was greater than the one before (no table).
    var inOrder: Bool { table == nil }

    /// Whether any id was accepted.
    var isEmpty: Bool { last == nil && (table?.isEmpty ?? true) && (numbered?.count ?? 0) == 0 }

    /// Whether `id` was accepted already; nil when only the table can tell and there is none yet.
    func quickContains(_ id: ExactText) -> Bool? {
        guard let table else {
            guard let last else { return false }
            return Self.less(last, id) ? false : nil
        }
        return bitsContain(id) ?? table.contains(id)
    }

    /// Whether the bits hold `id`; nil when it is not of their shape (or there are none).
    @inline(__always)
    private func bitsContain(_ id: ExactText) -> Bool? {
        guard let numbered, let number = numbered.number(of: id) else { return nil }
        return numbered.contains(number)
    }

    /// Whether `id` was accepted already. `accepted` gives every id accepted so far, in case the
    /// table has to be built.
    mutating func contains(_ id: ExactText, accepted: () -> [ExactText]) -> Bool {
        if table == nil, let last, Self.less(last, id, smallASCII: smallASCII) {
            checkedAfterLast = id
            return false
        }
        checkedAfterLast = nil
        if table == nil {
            guard last != nil else { return false }
            ensureTable(accepted())
        }
        return tableContains(id)
    }

    /// Records an accepted id (one that `contains` said was new).
    mutating func add(_ id: ExactText, accepted: () -> [ExactText]) {
        // The same String (its two words equal, and kept alive by `checkedAfterLast`) is the same text.
        let checked = checkedAfterLast.map { Self.same($0, id) } ?? false
        checkedAfterLast = nil
        if table == nil {
            if !checked, let last, !Self.less(last, id, smallASCII: smallASCII) {
                ensureTable(accepted())
            } else {
                if first == nil { first = id }
                last = id
                return
            }
        }
        tableAdd(id)
    }

    // The table's side of `contains` and `add`, out of line: the decoder's loop needs only the side
    // for ids in order. Only these two read or write `checkedAbsent`: clearing it on every call, for
    // ids in order too, cost 1 % more instructions in all (callgrind at 100,000 children, +20 M).

    @inline(never)
    private mutating func tableContains(_ id: ExactText) -> Bool {
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
        if let number = numbered?.number(of: id) {
            numbered!.insert(number)
            return
        }
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

    /// Builds the table (and the bits) from every id accepted so far, unless there is one.
    mutating func ensureTable(_ ids: [ExactText]) {
        guard table == nil else { return }
        var numbered = ids.last.flatMap { NumberedIDs(shapeOf: $0, limit: Self.bitLimit(expectedCount)) }
        var others: [ExactText] = []
        for id in ids {
            if let number = numbered?.number(of: id) { numbered!.insert(number) } else { others.append(id) }
        }
        // Without a shape every id goes in the table; with one, usually none does.
        var built = TextTable(minimumCapacity: numbered == nil ? max(ids.count * 2, expectedCount) : others.count * 2)
        for id in others { built.insert(id, value: 0) }
        table = built
        self.numbered = numbered
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
