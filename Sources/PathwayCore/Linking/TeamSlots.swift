/// Each record's team as a small number (its slot), worked out once per file in the link stage so that
/// every KPI's by-team table (SPEC §4) adds to an array instead of hashing the team name per record.
/// A blank team is the team `KPIAccumulator.notRecordedTeam`; names are compared exactly (`ExactText`).
public struct TeamSlots: Sendable {
    /// Slot → team name, in order of first appearance.
    public let names: [String]
    /// Record index → slot.
    public let slots: [Int32]

    public init<Record>(_ records: [Record], team: (borrowing Record) -> SharedName?) {
        self = records.withUnsafeBufferPointer { TeamSlots($0, team: team) }
    }

    /// The same for records in a buffer (a batch of records, `RecordFold`).
    public init<Record>(_ buffer: UnsafeBufferPointer<Record>, team: (borrowing Record) -> SharedName?) {
        var names: [String] = []
        var slots = [Int32]()
        slots.reserveCapacity(buffer.count)
        // A team's slot by its name's number: equal numbers are the same text exactly (`SharedName`), so
        // no team name is hashed or compared per record. A blank team is named like any other.
        let notRecorded = SharedName(KPIAccumulator.notRecordedTeam)
        var slotByNumber: [Int32] = []  // -1 for a name not seen yet
        for index in buffer.indices {
            let name = team(buffer[index]) ?? notRecorded
            let number = Int(name.number)
            if number >= slotByNumber.count {
                slotByNumber.append(contentsOf: repeatElement(-1, count: number + 1 - slotByNumber.count))
            }
            var slot = slotByNumber[number]
            if slot < 0 {
                slot = Int32(names.count)
                slotByNumber[number] = slot
                names.append(name.text)
            }
            slots.append(slot)
        }
        self.names = names
        self.slots = slots
    }
}
