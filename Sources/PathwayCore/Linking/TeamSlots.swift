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
        // The row decoder gives every record of a team the same String (one buffer per team name), so a
        // name is first looked for among the Strings already seen, by identity: two words compared, where
        // hashing a team name cost about 350 instructions per record. Equal words are always the same
        // text; different words may still be the same text, which the dictionary then finds. `seen` keeps
        // each String it remembers alive, so that no other text can take over its buffer meanwhile.
        var seen: [(identity: StringIdentity, name: String, slot: Int32)] = []
        records.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let name = team(buffer[index]) ?? KPIAccumulator.notRecordedTeam
                let identity = StringIdentity(name)
                if let known = seen.first(where: { $0.identity == identity }) {
                    slots.append(known.slot)
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
                if seen.count < 64 { seen.append((identity, name, slot)) }
            }
        }
        self.names = names
        self.slots = slots
    }
}

/// A String's two words: equal only for the same text held the same way (the same small string, or
/// the same buffer), so a cheap test of sameness that never gives a false yes.
struct StringIdentity: Equatable {
    let first: UInt64
    let second: UInt64

    @inline(__always)
    init(_ string: String) {
        (first, second) = unsafeBitCast(string, to: (UInt64, UInt64).self)
    }
}
