/// Each record's team as a small number (its slot), worked out once per file in the link stage so that
/// every KPI's by-team table (SPEC §4) adds to an array instead of hashing the team name per record.
/// A blank team is the team `KPIAccumulator.notRecordedTeam`; names are compared exactly (`ExactText`).
public struct TeamSlots: Sendable {
    /// Slot → team name, in order of first appearance.
    public let names: [String]
    /// Record index → slot.
    public let slots: [Int32]

    public init<Record>(_ records: [Record], team: (borrowing Record) -> String?) {
        var names: [String] = []
        var slotByName: [ExactText: Int32] = [:]
        var slots = [Int32]()
        slots.reserveCapacity(records.count)
        // The previous record's team is compared byte for byte first: exports are often grouped, and a
        // comparison is cheaper than a hash.
        var last: (name: String, slot: Int32)?
        records.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let name = team(buffer[index]) ?? KPIAccumulator.notRecordedTeam
                if let last, ExactText(last.name) == ExactText(name) {
                    slots.append(last.slot)
                    continue
                }
                let key = ExactText(name)
                let slot: Int32
                if let known = slotByName[key] {
                    slot = known
                } else {
                    slot = Int32(names.count)
                    slotByName[key] = slot
                    names.append(name)
                }
                slots.append(slot)
                last = (name, slot)
            }
        }
        self.names = names
        self.slots = slots
    }
}
