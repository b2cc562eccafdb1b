/// A set of the ids of one shape (`IDShape`: a prefix and a fixed number of digits), as bits: a bit
/// per number answers exactly what a table of the texts would; ids of any other shape are not members
/// and go elsewhere (`number(of:)` is nil for them).
///
/// Why: when a file's ids do not come in order, each id is looked up and added in a set of all the
/// part's ids so far. In a `TextTable` each lookup read a tag at a random place in 1.2 MB, and each
/// add wrote a 32-byte slot at a random place in 39 MB (at 1M children, each half of a shuffled
/// contacts.csv): most of them were cache misses. The bits of the same ids take 212 KB.
struct NumberedIDs: Sendable {
    let shape: IDShape
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
        grow(toHold: number)
        let bit: UInt64 = 1 << UInt64(number & 63)
        if words[word] & bit == 0 {
            words[word] |= bit
            count += 1
        }
    }

    /// Makes room for the bit of `number` (below `limit`).
    @inline(__always)
    private mutating func grow(toHold number: Int) {
        let word = number >> 6
        guard word >= words.count else { return }
        // Doubled, so that ids arriving in any order copy the bits only a few times.
        let needed = min(max(word + 1, words.count * 2, 1024), (limit + 63) >> 6)
        words.append(contentsOf: repeatElement(0, count: needed - words.count))
    }

    /// Adds the ids with these numbers (all below `limit`), in order, except those with `flag`, which
    /// are only tested; false as soon as a number is found in the set already (what was added then stays).
    /// One loop with no other work, so that the cache misses of numbers at random overlap.
    mutating func insert(_ numbers: [UInt32], testingOnlyWhere flag: UInt32) -> Bool {
        guard let largest = numbers.lazy.map({ $0 & ~flag }).max() else { return true }
        grow(toHold: Int(largest))
        let (clean, added) = words.withUnsafeMutableBufferPointer { words -> (Bool, Int) in
            var added = 0
            for entry in numbers {
                let number = Int(entry & ~flag)
                let word = number &>> 6, bit: UInt64 = 1 &<< UInt64(number & 63)
                let old = words[word]
                if old & bit != 0 { return (false, added) }
                if entry & flag == 0 {
                    words[word] = old | bit
                    added &+= 1
                }
            }
            return (true, added)
        }
        count &+= added
        return clean
    }

    /// Adds the ids with these numbers (all below `limit`), a word of bits at a time.
    mutating func insert(_ numbers: Range<Int>) {
        guard let last = numbers.last else { return }
        insert(last)
        var number = numbers.lowerBound
        while number < last {
            let word = number &>> 6, bit = number & 63
            let width = min(last, (word &+ 1) &<< 6) &- number
            let mask: UInt64 = (width == 64 ? ~0 : (1 &<< UInt64(width)) &- 1) &<< UInt64(bit)
            count &+= (mask & ~words[word]).nonzeroBitCount
            words[word] |= mask
            number &+= width
        }
    }

    /// Whether `predicate` holds for any number in the set, asked in increasing order until it does.
    func contains(where predicate: (Int) throws -> Bool) rethrows -> Bool {
        for index in words.indices {
            var word = words[index]
            while word != 0 {
                if try predicate(index << 6 | word.trailingZeroBitCount) { return true }
                word &= word &- 1
            }
        }
        return false
    }

    /// The id with this number (one in the set, or any below `limit`).
    func id(of number: Int) -> ExactText {
        shape.id(of: number)
    }
}
