/// The records of the later part of a file read in two parts, in memory this type manages itself so that
/// joining the parts moves them onto the first part's array (`moveAll(into:)`) instead of copying them.
/// An `Array` can only be copied from: at 1M children, copying the second half of contacts.csv's
/// 850,000 records (each copy a call to `Contact`'s value witness) and then freeing the originals took
/// about 0.1 s of CPU, on one core at the end of decoding.
final class MovableRecords<Record>: RandomAccessCollection, @unchecked Sendable {
    // Owned by one task at a time: filled by the task decoding the part, then moved out by the one joining.
    private var base: UnsafeMutablePointer<Record>
    private var capacity: Int
    private(set) var endIndex = 0

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: endIndex)
        base.deallocate()
    }

    var startIndex: Int { 0 }

    /// Where the records are (for tests of the pages `moveAll` gives back).
    var storageAddress: UnsafeRawPointer { UnsafeRawPointer(base) }

    subscript(index: Int) -> Record {
        precondition(index >= 0 && index < endIndex, "index in range")
        return base[index]
    }

    func append(_ record: consuming Record) {
        if endIndex == capacity {
            let larger = UnsafeMutablePointer<Record>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: base, count: endIndex)
            base.deallocate()
            base = larger
            capacity *= 2
        }
        (base + endIndex).initialize(to: record)
        endIndex += 1
    }

    /// The records, in place.
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Record>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: base, count: endIndex))
    }

    /// Removes the last `count` records.
    func removeLast(_ count: Int) {
        precondition(count >= 0 && count <= endIndex, "records to remove")
        endIndex -= count
        (base + endIndex).deinitialize(count: count)
    }

    /// Moves every record, in order, to the end of `array`, changed by `adjust` on the way, leaving this empty.
    /// The pages of records already moved are given back every `step` records (`MemoryPages`): nothing
    /// reads them again, and otherwise the moved records were held twice until the last had moved (at 1M
    /// children, the 88 MB of contacts.csv's second half, at the run's peak memory).
    func moveAll(into array: inout [Record], adjusting adjust: (inout Record) -> Void = { _ in },
                 step: Int = Swift.max(1, (4 << 20) / MemoryLayout<Record>.stride)) {
        precondition(step > 0, "at least one record between two give-backs")
        array.reserveCapacity(array.count + endIndex)
        var givenBack = 0
        for index in 0..<endIndex {
            var record = (base + index).move()
            adjust(&record)
            array.append(consume record)
            if index &+ 1 &- givenBack == step {
                MemoryPages.giveBack(UnsafeRawPointer(base + givenBack), count: step * MemoryLayout<Record>.stride)
                givenBack = index &+ 1
            }
        }
        endIndex = 0
    }
}
