import Foundation

/// The ids a part of a file has accepted so far, for finding repeated ids (SPEC §2: a row whose id
/// repeats an earlier accepted record's is rejected).
///
/// Exports usually list rows in id order. While every accepted id is greater, byte for byte, than
/// the one accepted before it, a new id greater than the last cannot repeat any of them, so nothing
/// is stored: one comparison with the last id replaces a hash-table insert (whose cache misses were
/// 13 % of all CPU samples at 1M children, and whose table took 70 MB). The first id that is not
/// greater switches to a `TextTable` of every id accepted so far, read back from the records, and
/// from then on every id goes through the table. Either way the answers are the same.
struct AcceptedIDs: Sendable {
    /// The first and the last id accepted while the ids were in order.
    private(set) var first: ExactText?
    private(set) var last: ExactText?
    /// Every accepted id, once they were not in order.
    private(set) var table: TextTable?

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
        if let quick = quickContains(id) { return quick }
        ensureTable(accepted())
        return table!.contains(id)
    }

    /// Records an accepted id (one that `contains` said was new).
    mutating func add(_ id: ExactText, accepted: () -> [ExactText]) {
        if table == nil {
            if let last, !Self.less(last, id) {
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

    /// Byte order of the texts' UTF-8 (a strict total order that agrees with `ExactText` equality).
    static func less(_ a: ExactText, _ b: ExactText) -> Bool {
        let compared = a.value.utf8.withContiguousStorageIfAvailable { x in
            b.value.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
        if let compared = compared.flatMap({ $0 }) { return compared }
        return a.value.utf8.lexicographicallyPrecedes(b.value.utf8)
    }
}
