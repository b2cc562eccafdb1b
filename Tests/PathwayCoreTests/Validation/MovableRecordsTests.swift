@testable import PathwayCore
import PathwayTestSupport
import Testing

/// The later part's records are moved, not copied, onto the first part's array when a file read in two
/// parts is joined: every record must arrive once, in order, and be freed exactly once.
/// Serialized: the cases share one count of live records.
@Suite("movable records", .serialized)
struct MovableRecordsTests {
    /// Counts how many of its kind are alive, so that a record freed twice or never shows.
    final class Tracked {
        static let alive = ConcurrentSlots<Int>(count: 1)
        let value: Int
        init(_ value: Int) {
            self.value = value
            Self.alive.update(0) { $0 = ($0 ?? 0) + 1 }
        }
        deinit { Self.alive.update(0) { $0! -= 1 } }
    }

    struct Record {
        var id: String
        var tracked: Tracked
    }

    static func alive() -> Int { Tracked.alive.get(0) ?? 0 }

    @Test("moved onto an array in order, through growth, each record kept once", arguments: [0, 1, 15, 16, 17, 100, 1000])
    func movesInOrder(count: Int) {
        let before = Self.alive()
        do {
            var array = (0..<3).map { Record(id: "first-\($0)", tracked: Tracked(-$0 - 1)) }
            // Capacity 1 (16 at least), so larger counts go through several doublings.
            let later = MovableRecords<Record>(capacity: 1)
            for index in 0..<count { later.append(Record(id: "later-\(index)", tracked: Tracked(index))) }
            #expect(later.count == count)
            #expect(later.map(\.tracked.value) == Array(0..<count))
            #expect(Self.alive() == before + 3 + count)
            later.moveAll(into: &array)
            #expect(later.isEmpty)
            #expect(array.map(\.id) == (0..<3).map { "first-\($0)" } + (0..<count).map { "later-\($0)" })
            #expect(array.map(\.tracked.value) == [-1, -2, -3] + Array(0..<count))
            // Nothing freed by the move, nothing copied.
            #expect(Self.alive() == before + 3 + count)
            // Moved, not copied: the array holds the only reference to each record's object.
            for index in array.indices { #expect(isKnownUniquelyReferenced(&array[index].tracked)) }
        }
        #expect(Self.alive() == before)
    }

    @Test("records never moved are freed with the buffer")
    func freedWithTheBuffer() {
        let before = Self.alive()
        do {
            let later = MovableRecords<Record>(capacity: 4)
            for index in 0..<40 { later.append(Record(id: "\(index)", tracked: Tracked(index))) }
            #expect(later[39].tracked.value == 39)
            #expect(Self.alive() == before + 40)
        }
        #expect(Self.alive() == before)
    }
}
