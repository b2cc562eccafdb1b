/// A set of the ids of one shape, as bits: a fixed run of bytes (the prefix, possibly empty) followed
/// by a fixed number of ASCII digits, the form most case systems give their ids (C0000001 … C1700942,
/// or plain numbers). Such an id is its number, and two ids of the shape with the same number are the
/// same bytes, so a bit per number answers exactly what a table of the texts would; ids of any other
/// shape are not members and go elsewhere (`number(of:)` is nil for them).
///
/// Why: when a file's ids do not come in order, each id is looked up and added in a set of all the
/// part's ids so far. In a `TextTable` each lookup read a tag at a random place in 1.2 MB, and each
/// add wrote a 32-byte slot at a random place in 39 MB (at 1M children, each half of a shuffled
/// contacts.csv): most of them were cache misses. The bits of the same ids take 212 KB.
struct NumberedIDs: Sendable {
    /// The shape.
    private let prefix: [UInt8]
    private let digits: Int
    /// Numbers at or above this are not taken (`number(of:)` is nil), so that the bits stay small
    /// whatever the ids' numbers are: at most this many bits.
    let limit: Int
    private var words: [UInt64] = []
    private(set) var count = 0

    /// The shape of `example`: its bytes up to its last run of digits, and that run's length. Nil when
    /// it does not end in 1 to 9 digits (longer runs could overflow) or its prefix is longer than 16
    /// bytes. `limit`: see above.
    init?(shapeOf example: ExactText, limit: Int) {
        let bytes = Array(example.value.utf8)
        var start = bytes.count
        while start > 0, bytes[start - 1] &- 0x30 < 10 { start -= 1 }
        let digits = bytes.count - start
        guard (1...9).contains(digits), start <= 16, limit > 0 else { return nil }
        prefix = Array(bytes[..<start])
        self.digits = digits
        self.limit = limit
    }

    /// The id's number, when it has the shape and its number is below `limit`.
    @inline(__always)
    func number(of id: ExactText) -> Int? {
        // A String whose bytes are not contiguous (bridged or foreign text) is copied first.
        let contiguous: Int?? = id.value.utf8.withContiguousStorageIfAvailable { parse($0) }
        let number: Int? = contiguous ?? Array(id.value.utf8).withUnsafeBufferPointer { parse($0) }
        guard let number, number < limit else { return nil }
        return number
    }

    @inline(__always)
    private func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count == prefix.count &+ digits else { return nil }
        return prefix.withUnsafeBufferPointer { prefix -> Int? in
            for index in prefix.indices where bytes[index] != prefix[index] { return nil }
            var number = 0
            for index in prefix.count..<bytes.count {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { return nil }
                number = number &* 10 &+ Int(digit)
            }
            return number
        }
    }

    /// Whether the id with this number (from `number(of:)`) is in the set.
    @inline(__always)
    func contains(_ number: Int) -> Bool {
        let word = number >> 6
        return word < words.count && words[word] & (1 << UInt64(number & 63)) != 0
    }

    /// Adds the id with this number (from `number(of:)`); the bits grow to the largest number added.
    mutating func insert(_ number: Int) {
        let word = number >> 6
        if word >= words.count {
            // Doubled, so that ids arriving in any order copy the bits only a few times.
            let needed = min(max(word + 1, words.count * 2, 1024), (limit + 63) >> 6)
            words.append(contentsOf: repeatElement(0, count: needed - words.count))
        }
        let bit: UInt64 = 1 << UInt64(number & 63)
        if words[word] & bit == 0 {
            words[word] |= bit
            count += 1
        }
    }
}
