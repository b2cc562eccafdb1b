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

    /// `step` is how many records are moved between two give-backs of their pages (a record here is 24
    /// bytes, so only the larger counts give whole pages back): the records must arrive all the same.
    @Test("moved onto an array in order, through growth, each record kept once",
          arguments: [0, 1, 15, 16, 17, 100, 1000, 5000], [1, 7, 171, Int.max])
    func movesInOrder(count: Int, step: Int) {
        let before = Self.alive()
        do {
            var array = (0..<3).map { Record(id: "first-\($0)", tracked: Tracked(-$0 - 1)) }
            // Capacity 1 (16 at least), so larger counts go through several doublings.
            let later = MovableRecords<Record>(capacity: 1)
            for index in 0..<count { later.append(Record(id: "later-\(index)", tracked: Tracked(index))) }
            #expect(later.count == count)
            #expect(later.map(\.tracked.value) == Array(0..<count))
            #expect(Self.alive() == before + 3 + count)
            later.moveAll(into: &array, step: step)
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

    @Test("the pages of the records moved so far are given back every step")
    func movedPagesGivenBack() {
        let page = MemoryPages.size, perPage = page / MemoryLayout<Int>.stride
        let later = MovableRecords<Int>(capacity: 8 * perPage)
        for index in 0..<(8 * perPage) { later.append(index) }
        var array: [Int] = []
        // Two steps of four pages' worth each (the storage need not start on a page).
        later.moveAll(into: &array, step: 4 * perPage)
        #expect(array == Array(0..<(8 * perPage)))
        let base = later.storageAddress
        for half in 0..<2 {
            let pages = MemoryPages.inner(UInt(bitPattern: base) + UInt(half * 4 * page), 4 * page)
            #expect(pages.count >= 3 * page)
            let start = UnsafeRawPointer(bitPattern: pages.lowerBound)!
            #expect(MemoryPagesTests.resident(start, pages: pages.count / page).allSatisfy { !$0 }, "half \(half)")
        }
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
