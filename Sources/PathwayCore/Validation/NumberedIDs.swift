/// A set of the ids of one shape (`IDShape`: a prefix and a fixed number of digits), as bits: a bit
/// per number answers exactly what a table of the texts would; ids of any other shape are not members
/// and go elsewhere (`number(of:)` is nil for them).
///
/// Why: when a file's ids do not come in order, each id is looked up and added in a set of all the
/// part's ids so far. In a `TextTable` each lookup read a tag at a random place in 1.2 MB, and each
/// add wrote a 32-byte slot at a random place in 39 MB (at 1M children, each half of a shuffled
/// contacts.csv): most of them were cache misses. The bits of the same ids take 212 KB.
struct NumberedIDs: Sendable {
    private let shape: IDShape
    /// Numbers at or above this are not taken (`number(of:)` is nil), so that the bits stay small
    /// whatever the ids' numbers are: at most this many bits.
    let limit: Int
    private var words: [UInt64] = []
    private(set) var count = 0

    /// The shape of `example` (`IDShape`), nil when it has none. `limit`: see above.
    init?(shapeOf example: ExactText, limit: Int) {
        guard limit > 0, let shape = IDShape(of: example) else { return nil }
        self.shape = shape
        self.limit = limit
    }

    /// The id's number, when it has the shape and its number is below `limit`.
    @inline(__always)
    func number(of id: ExactText) -> Int? {
        shape.number(of: id, below: limit)
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
