/// A hash table from texts, compared exactly (`ExactText`), to small numbers: the id sets of the
/// decode stage and the per-child slots of the link stage.
///
/// Swift's `Set` and `Dictionary` hash with SipHash and keep no hashes, so every occupied slot a
/// lookup passes costs a comparison of two Strings; with millions of ids that was about 480
/// instructions an insert. This table hashes the UTF-8 bytes with a multiply-mix hash (two
/// 64-bit words at a time), keeps each slot's hash, and compares texts only when the hashes are
/// equal. Linear probing, at most three quarters full, deletion by shifting back (no tombstones).
/// The number of slots is not rounded up to a power of two (a hash picks its slot by multiplying,
/// not masking), so a table sized for n ids takes about 37 bytes per id, no more than a `Set`.
///
/// The hash is not seeded, so nothing may depend on slot order; the table has no iteration.
public struct TextTable: Sendable {
    /// 0 marks an empty slot; a stored hash always has its lowest bit set.
    private var hashes: [UInt64]
    private var keys: [ExactText]
    private var values: [Int32]
    public private(set) var count = 0

    public init(minimumCapacity: Int = 0) {
        let slots = max(16, minimumCapacity + minimumCapacity / 3 + 1)
        hashes = Array(repeating: 0, count: slots)
        keys = Array(repeating: ExactText(""), count: slots)
        values = Array(repeating: 0, count: slots)
    }

    public var isEmpty: Bool { count == 0 }

    /// The number stored for `key`, nil when absent.
    public func value(for key: ExactText) -> Int32? {
        let hash = Self.hash(key)
        let slots = hashes.count
        var slot = Self.home(hash, slots)
        while true {
            let stored = hashes[slot]
            if stored == 0 { return nil }
            if stored == hash && keys[slot] == key { return values[slot] }
            slot = slot &+ 1 == slots ? 0 : slot &+ 1
        }
    }

    public func contains(_ key: ExactText) -> Bool { value(for: key) != nil }

    /// Stores `value` for `key` unless the key is there already; returns the number now stored for
    /// the key and whether it was inserted.
    @discardableResult
    public mutating func insert(_ key: ExactText, value: Int32) -> (value: Int32, inserted: Bool) {
        if (count &+ 1) &* 4 > hashes.count &* 3 { grow() }
        let hash = Self.hash(key)
        let slots = hashes.count
        var slot = Self.home(hash, slots)
        while true {
            let stored = hashes[slot]
            if stored == 0 { break }
            if stored == hash && keys[slot] == key { return (values[slot], false) }
            slot = slot &+ 1 == slots ? 0 : slot &+ 1
        }
        hashes[slot] = hash
        keys[slot] = key
        values[slot] = value
        count &+= 1
        return (value, true)
    }

    /// Removes `key` if present (returns whether it was).
    @discardableResult
    public mutating func remove(_ key: ExactText) -> Bool {
        let hash = Self.hash(key)
        let slots = hashes.count
        var slot = Self.home(hash, slots)
        while true {
            let stored = hashes[slot]
            if stored == 0 { return false }
            if stored == hash && keys[slot] == key { break }
            slot = slot &+ 1 == slots ? 0 : slot &+ 1
        }
        // Shift back each later entry of the run that may sit at or before the freed slot.
        var free = slot
        var next = free &+ 1 == slots ? 0 : free &+ 1
        while hashes[next] != 0 {
            let home = Self.home(hashes[next], slots)
            // The entry at `next` may move to `free` unless its home lies cyclically in (free, next].
            let stays = free <= next ? (free < home && home <= next) : (free < home || home <= next)
            if !stays {
                hashes[free] = hashes[next]
                keys[free] = keys[next]
                values[free] = values[next]
                free = next
            }
            next = next &+ 1 == slots ? 0 : next &+ 1
        }
        hashes[free] = 0
        keys[free] = ExactText("")
        count &-= 1
        return true
    }

    /// The slot a hash starts probing at: the hash scaled to the number of slots (its high bits).
    @inline(__always)
    private static func home(_ hash: UInt64, _ slots: Int) -> Int {
        Int(truncatingIfNeeded: hash.multipliedFullWidth(by: UInt64(slots)).high)
    }

    private mutating func grow() {
        var larger = TextTable(minimumCapacity: hashes.count * 3 / 2)
        for slot in hashes.indices where hashes[slot] != 0 {
            larger.insert(keys[slot], value: values[slot])
        }
        self = larger
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
