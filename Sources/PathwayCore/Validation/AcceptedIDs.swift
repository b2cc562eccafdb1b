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
    /// Every accepted id, once they were not in order.
    private(set) var table: TextTable?
    /// The last id `contains` found to be greater than `last`: `add` of that same id (the usual next
    /// call) then needs no second comparison, which was 0.9 % of all instructions at 100,000 children.
    private var checkedAfterLast: ExactText?

    /// Whether every id so far was greater than the one before (no table).
    var inOrder: Bool { table == nil }

    /// Whether any id was accepted.
    var isEmpty: Bool { last == nil && (table?.isEmpty ?? true) }

    /// Whether `id` was accepted already; nil when only the table can tell and there is none yet.
    func quickContains(_ id: ExactText) -> Bool? {
        guard let table else {
            guard let last else { return false }
            return Self.less(last, id) ? false : nil
        }
        return table.contains(id)
    }

    /// Whether `id` was accepted already. `accepted` gives every id accepted so far, in case the
    /// table has to be built.
    mutating func contains(_ id: ExactText, accepted: () -> [ExactText]) -> Bool {
        if table == nil, let last, Self.less(last, id) {
            checkedAfterLast = id
            return false
        }
        checkedAfterLast = nil
        if let quick = quickContains(id) { return quick }
        ensureTable(accepted())
        return table!.contains(id)
    }

    /// Records an accepted id (one that `contains` said was new).
    mutating func add(_ id: ExactText, accepted: () -> [ExactText]) {
        // The same String (its two words equal, and kept alive by `checkedAfterLast`) is the same text.
        let checked = checkedAfterLast.map { StringIdentity($0.value) == StringIdentity(id.value) } ?? false
        checkedAfterLast = nil
        if table == nil {
            if !checked, let last, !Self.less(last, id) {
                ensureTable(accepted())
            } else {
                if first == nil { first = id }
                last = id
                return
            }
        }
        table!.insert(id, value: 0)
    }

    /// Whether every id `later` accepted is greater than every id accepted here, both being in order
    /// (then no id can be in both).
    func allBefore(_ later: AcceptedIDs) -> Bool {
        guard inOrder, later.inOrder, let last, let laterFirst = later.first else { return false }
        return Self.less(last, laterFirst)
    }

    /// Builds the table from every id accepted so far, unless there is one.
    mutating func ensureTable(_ ids: [ExactText]) {
        guard table == nil else { return }
        var built = TextTable(minimumCapacity: ids.count * 2)
        for id in ids { built.insert(id, value: 0) }
        table = built
    }

    /// Shorter UTF-8 first, then byte order: a strict total order that agrees with `ExactText`
    /// equality, and the order of numbered ids that grow a digit (at 10M children the sample's
    /// contact ids go from C9999999 to C10000000, which byte order alone puts back to front).
    static func less(_ a: ExactText, _ b: ExactText) -> Bool {
        let x = a.value.utf8, y = b.value.utf8
        guard x.count == y.count else { return x.count < y.count }
        let compared = x.withContiguousStorageIfAvailable { x in
            y.withContiguousStorageIfAvailable { y -> Bool in
                x.isEmpty ? false : memcmp(x.baseAddress!, y.baseAddress!, x.count) < 0
            }
        }
        if let compared = compared.flatMap({ $0 }) { return compared }
        return x.lexicographicallyPrecedes(y)
    }
}
