/// A hash table from texts, compared exactly (`ExactText`), to small numbers: the id sets of the
/// decode stage, and the link stage's slots for ids of no common shape (`IDSlots`).
///
/// Swift's `Set` and `Dictionary` hash with SipHash and keep no hashes, so every occupied slot a
/// lookup passes costs a comparison of two Strings; with millions of ids that was about 480
/// instructions an insert. This table hashes the UTF-8 bytes with a multiply-mix hash (two
/// 64-bit words at a time), keeps each slot's hash, and compares texts only when the hashes are
/// equal. Linear probing, at most three quarters full; nothing is ever removed.
/// The number of slots is not rounded up to a power of two (a hash picks its slot by multiplying,
/// not masking). A slot holds its hash, text and number together (32 bytes), so a probe touches one
/// cache line; a byte per slot (its tag: 0 when empty, else seven bits of the hash) is read first,
/// so inserting a new id reads no slot, and the new slot is written over the empty one without
/// reading it. An insert still waits on memory once the tags outgrow the cache: at 1M children
/// inserting every contact's id took 13 % of all CPU samples, which is why ids that come in order
/// skip the table (`AcceptedIDs`).
///
/// The hash is not seeded, so nothing may depend on slot order; the table has no iteration.
public struct TextTable: Sendable {
    private struct Slot {
        /// The key's hash (lowest bit set); the tag, not this, says whether the slot is empty.
        var hash: UInt64
        var key: ExactText
        var value: Int32
    }

    private var slots: [Slot]
    private var tags: [UInt8]
    public private(set) var count = 0

    public init(minimumCapacity: Int = 0) {
        let size = max(16, minimumCapacity + minimumCapacity / 3 + 1)
        slots = Array(repeating: Slot(hash: 0, key: ExactText(""), value: 0), count: size)
        tags = Array(repeating: 0, count: size)
    }

    public var isEmpty: Bool { count == 0 }

    /// The number stored for `key`, nil when absent.
    public func value(for key: ExactText) -> Int32? {
        probe(key).value
    }

    public func contains(_ key: ExactText) -> Bool { value(for: key) != nil }

    /// Where a lookup of a key ended: the number stored for it, or (when absent) the empty slot where
    /// `insert(_:value:at:)` puts it without probing again, as long as nothing was inserted since.
    /// (Checking an id and then adding it probed twice, and with ids out of order each probe is a
    /// cache miss.)
    public struct Probe: Sendable {
        public let value: Int32?
        fileprivate let hash: UInt64
        fileprivate let slot: Int
        /// The table's count when probed: any insert changes it, and with it maybe the slots.
        fileprivate let count: Int
    }

    /// Looks `key` up, keeping where the lookup ended.
    public func probe(_ key: ExactText) -> Probe {
        let hash = Self.hash(key), tag = Self.tag(hash)
        return tags.withUnsafeBufferPointer { tags in
            slots.withUnsafeBufferPointer { slots in
                var slot = Self.home(hash, slots.count)
                while true {
                    let stored = tags[slot]
                    if stored == 0 { return Probe(value: nil, hash: hash, slot: slot, count: count) }
                    if stored == tag && slots[slot].hash == hash && slots[slot].key == key {
                        return Probe(value: slots[slot].value, hash: hash, slot: slot, count: count)
                    }
                    slot = slot &+ 1 == slots.count ? 0 : slot &+ 1
                }
            }
        }
    }

    /// `insert(key, value:)` for the key `probe` looked up (the caller's promise: another key's probe
    /// would put this key in the wrong slot). A probe older than the last insert is not used.
    @discardableResult
    public mutating func insert(_ key: ExactText, value: Int32, at probe: Probe) -> (value: Int32, inserted: Bool) {
        assert(probe.hash == Self.hash(key), "a probe of another key")
        guard probe.count == count else { return insert(key, value: value) }
        if let found = probe.value { return (found, false) }
        if (count &+ 1) &* 4 > slots.count &* 3 { return insert(key, value: value) }
        fill(probe.slot, Slot(hash: probe.hash, key: key, value: value))
        return (value, true)
    }

    /// Stores `value` for `key` unless the key is there already; returns the number now stored for
    /// the key and whether it was inserted.
    @discardableResult
    public mutating func insert(_ key: ExactText, value: Int32) -> (value: Int32, inserted: Bool) {
        if (count &+ 1) &* 4 > slots.count &* 3 { grow() }
        return insert(key, value: value, at: probe(key))
    }

    /// Writes a new key into an empty slot and counts it.
    @inline(__always)
    private mutating func fill(_ slot: Int, _ new: Slot) {
        tags[slot] = Self.tag(new.hash)
        // An empty slot holds the empty text, which owns no storage, so the new slot is written over it
        // without releasing it first: assigning read the old slot, a cache miss that took half of the
        // inserts' time.
        slots.withUnsafeMutableBufferPointer { slots in (slots.baseAddress! + slot).initialize(to: new) }
        count &+= 1
    }

    /// A slot's tag: seven bits of the hash (not the ones `home` uses) with the top bit set, never 0.
    @inline(__always)
    private static func tag(_ hash: UInt64) -> UInt8 {
        UInt8(truncatingIfNeeded: hash >> 1) | 0x80
    }

    /// The slot a hash starts probing at: the hash scaled to the number of slots (its high bits).
    @inline(__always)
    private static func home(_ hash: UInt64, _ slots: Int) -> Int {
        Int(truncatingIfNeeded: hash.multipliedFullWidth(by: UInt64(slots)).high)
    }

    private mutating func grow() {
        var larger = TextTable(minimumCapacity: slots.count * 3 / 2)
        for index in slots.indices where tags[index] != 0 { larger.place(slots[index]) }
        self = larger
    }

    /// Puts a slot whose key is not in the table (growing: every key is distinct) into the first empty
    /// slot from its home, without hashing or comparing keys again.
    private mutating func place(_ slot: Slot) {
        var index = Self.home(slot.hash, slots.count)
        while tags[index] != 0 { index = index &+ 1 == slots.count ? 0 : index &+ 1 }
        fill(index, slot)
    }

    /// A 64-bit hash of the text's UTF-8 bytes with the lowest bit set (so that it is never 0).
    @inline(__always)
    static func hash(_ key: ExactText) -> UInt64 {
        let hashed = key.value.utf8.withContiguousStorageIfAvailable { hash(bytes: UnsafeRawBufferPointer($0)) }
            ?? hash(bytes: Array(key.value.utf8))
        return hashed | 1
    }

    private static func hash(bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { hash(bytes: $0) }
    }

    @inline(__always)
    private static func hash(bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var state: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: count)
        var offset = 0
        while offset &+ 16 <= count {
            let a = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let b = bytes.loadUnaligned(fromByteOffset: offset &+ 8, as: UInt64.self)
            state = mix(a ^ 0xA076_1D64_78BD_642F, b ^ state)
            offset &+= 16
        }
        // The last 0 to 15 bytes, zero-padded into two words (the length is already in the state).
        var a: UInt64 = 0, b: UInt64 = 0
        var index = 0
        while offset &+ index < count {
            let byte = UInt64(bytes[offset &+ index])
            if index < 8 { a |= byte << (UInt64(index) &* 8) } else { b |= byte << (UInt64(index &- 8) &* 8) }
            index &+= 1
        }
        return mix(mix(a ^ 0xE703_7ED1_A0B4_28DB, b ^ state), 0x8EBC_6AF0_9C88_C6E3)
    }

    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }
}
