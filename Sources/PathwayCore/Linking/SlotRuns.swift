/// Values grouped by a small number (a slot, such as a child's `TextTable` slot) in one flat array:
/// slot `s`'s values are one run, in the order they were given (a counting sort). One array for all
/// slots instead of one per slot: 400,000 small arrays at 1M children for the referral days alone.
struct SlotRuns<Value: Sendable>: Sendable {
    /// Slot `s`'s run is `values[starts[s]..<starts[s + 1]]`.
    private var starts: [Int] = [0]
    private var values: [Value] = []

    init() {}

    /// Groups `entries` into `slotCount` runs (every slot below `slotCount`; a slot with no entry has an
    /// empty run). `filler` only fills the array before every place is written.
    init(slotCount: Int, entries: [(slot: Int, value: Value)], filler: Value) {
        starts = Array(repeating: 0, count: slotCount + 1)
        for entry in entries { starts[entry.slot + 1] += 1 }
        for slot in 0..<slotCount { starts[slot + 1] += starts[slot] }
        var filled = Array(starts.dropLast())
        values = Array(repeating: filler, count: entries.count)
        for (slot, value) in entries {
            values[filled[slot]] = value
            filled[slot] += 1
        }
    }

    var slotCount: Int { starts.count - 1 }

    /// The slot's run.
    subscript(slot: Int) -> ArraySlice<Value> {
        values[starts[slot]..<starts[slot + 1]]
    }

    /// Calls `body` with each slot's run, in slot order (without an `ArraySlice` per slot).
    func forEachRun(_ body: (UnsafeBufferPointer<Value>) -> Void) {
        values.withUnsafeBufferPointer { values in
            for slot in 0..<slotCount {
                body(UnsafeBufferPointer(rebasing: values[starts[slot]..<starts[slot + 1]]))
            }
        }
    }

    /// Sorts each run of two or more values on its own.
    mutating func sortEachRun(by areInIncreasingOrder: (Value, Value) -> Bool) {
        for slot in 0..<slotCount where starts[slot + 1] - starts[slot] > 1 {
            values[starts[slot]..<starts[slot + 1]].sort(by: areInIncreasingOrder)
        }
    }
}
