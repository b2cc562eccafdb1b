/// The form most case systems give their ids: a fixed run of bytes (the prefix, possibly empty)
/// followed by a fixed number of ASCII digits (C0000001 … C1700942, CH000001, or plain numbers). An id
/// of a shape is its number, and two ids of the same shape with the same number are the same bytes, so
/// a number can stand for the id wherever ids are only told apart: the bits of `NumberedIDs`, the slots
/// of `IDSlots`. Ids of any other shape have no number here (`number(of:)` is nil).
struct IDShape: Sendable, Equatable {
    let prefix: [UInt8]
    let digits: Int
    /// How a small ASCII string of this shape looks in its two words (`SmallASCII`), so that `number`
    /// reads such an id without going through its UTF-8 view: `AcceptedIDs` asks for the number of
    /// every id a file accepts, and `IDSlots` of every child id the link stage reads.
    private let small: SmallForm

    private struct SmallForm: Sendable, Equatable {
        /// The flags of small ASCII strings, and the top byte (flags and count) of one of this shape;
        /// `flags` 0 when the layout is not known (every id then goes the slow way).
        var flags: UInt64 = 0
        var top: UInt64 = 0
        /// The prefix's bytes in the two words, and the masks of those bytes and of the digits'.
        var prefix0: UInt64 = 0, prefix1: UInt64 = 0
        var prefixMask0: UInt64 = 0, prefixMask1: UInt64 = 0
        var digitMask0: UInt64 = 0, digitMask1: UInt64 = 0
        /// The byte after the last digit: the string's count.
        var end = 0
    }

    /// The shape of `example`: its bytes up to its last run of digits, and that run's length. Nil when
    /// it does not end in 1 to 9 digits (longer runs could overflow) or its prefix is longer than 16
    /// bytes.
    init?(of example: ExactText) {
        // Read in place when the text's bytes are contiguous: `AcceptedIDs` asks this of every id of
        // no shape it keeps.
        let shape: (prefix: [UInt8], digits: Int)?? = example.value.utf8.withContiguousStorageIfAvailable(Self.shape)
        guard let (prefix, digits) = shape ?? Array(example.value.utf8).withUnsafeBufferPointer(Self.shape) else { return nil }
        self.prefix = prefix
        self.digits = digits
        var small = SmallForm()
        let count = prefix.count + digits
        if count <= 15, prefix.allSatisfy({ $0 < 0x80 }), SmallASCII.layoutFlags != 0 {
            small.flags = SmallASCII.layoutFlags
            small.top = small.flags | UInt64(count)
            small.end = count
            for (index, byte) in prefix.enumerated() {
                let shift = UInt64(index & 7) * 8
                if index < 8 {
                    small.prefix0 |= UInt64(byte) << shift
                    small.prefixMask0 |= 0xFF << shift
                } else {
                    small.prefix1 |= UInt64(byte) << shift
                    small.prefixMask1 |= 0xFF << shift
                }
            }
            for index in prefix.count..<count {
                if index < 8 { small.digitMask0 |= 0xFF << UInt64(index * 8) } else { small.digitMask1 |= 0xFF << UInt64((index - 8) * 8) }
            }
        } else if SmallASCII.layoutFlags != 0 {
            // No small ASCII string has this shape: such an id's number is known to be nil at once.
            small.flags = SmallASCII.layoutFlags
            small.top = 0
        }
        self.small = small
    }

    private static func shape(_ bytes: UnsafeBufferPointer<UInt8>) -> (prefix: [UInt8], digits: Int)? {
        var start = bytes.count
        while start > 0, bytes[start - 1] &- 0x30 < 10 { start -= 1 }
        let digits = bytes.count - start
        guard (1...9).contains(digits), start <= 16 else { return nil }
        return (Array(bytes[..<start]), digits)
    }

    /// The id of this shape with this number (below 10 to the power of `digits`): the prefix, then the
    /// number with zeros before it.
    func id(of number: Int) -> ExactText {
        precondition(number >= 0, "a number of this shape")
        var bytes = prefix
        bytes.reserveCapacity(prefix.count + digits)
        var value = number
        var reversed: [UInt8] = []
        for _ in 0..<digits {
            reversed.append(UInt8(value % 10) + 0x30)
            value /= 10
        }
        precondition(value == 0, "a number of at most \(digits) digits")
        bytes += reversed.reversed()
        return ExactText(String(decoding: bytes, as: UTF8.self))
    }

    /// The id's number, when it has the shape.
    @inline(__always)
    func number(of id: ExactText) -> Int? {
        let (w0, w1) = SmallASCII.twoWords(id.value)
        let top = w1 &>> 56
        guard small.flags != 0, top & 0xF0 == small.flags else { return slowNumber(of: id) }
        // A small ASCII string: its count, its prefix and its digits are in the two words.
        guard top == small.top, w0 & small.prefixMask0 == small.prefix0, w1 & small.prefixMask1 == small.prefix1,
              Self.allDigits(w0 & small.digitMask0, small.digitMask0), Self.allDigits(w1 & small.digitMask1, small.digitMask1)
        else { return nil }
        return Self.number(w0, w1, end: small.end, digits: digits)
    }

    /// The number of the `digits` (1 to 9) ASCII digits that end before byte `end` (at most 15) of the
    /// 16 bytes `w0`, `w1` (little-endian), converted eight at a time: the last eight bytes (zeros put
    /// for any that are not digits) as one word, most significant digit first, whose pairs, then
    /// fours, then eights of digits are added up by three multiplications.
    @inline(__always)
    static func number(_ w0: UInt64, _ w1: UInt64, end: Int, digits: Int) -> Int {
        // The eight bytes before `end`, the first of them in the low byte.
        let last8: UInt64
        if end >= 8 {
            let shift = UInt64(end &- 8) &* 8
            last8 = shift == 0 ? w0 : (w0 &>> shift) | (w1 &<< (64 &- shift))
        } else {
            last8 = w0 &<< (UInt64(8 &- end) &* 8)
        }
        // Bytes before the digits read as zeros (0x30 is put in them, then taken from every byte).
        let kept = min(digits, 8)
        let zeros: UInt64 = kept == 8 ? 0 : 0x3030_3030_3030_3030 &>> (UInt64(kept) &* 8)
        let lowMask: UInt64 = kept == 8 ? 0 : ~0 &>> (UInt64(kept) &* 8)
        var value = ((last8 & ~lowMask) | zeros) &- 0x3030_3030_3030_3030
        value = ((value & 0x0F0F_0F0F_0F0F_0F0F) &* 2561) &>> 8
        value = ((value & 0x00FF_00FF_00FF_00FF) &* 6_553_601) &>> 16
        value = ((value & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) &>> 32
        guard digits == 9 else { return Int(truncatingIfNeeded: value) }
        // The ninth digit from the end, at byte end − 9.
        let first = end &- 9
        let word = first < 8 ? w0 : w1
        let ninth = (word &>> (UInt64(first & 7) &* 8)) & 0x0F
        return Int(truncatingIfNeeded: ninth &* 100_000_000 &+ value)
    }

    /// The two words of the id after `w0`, `w1` (the words of a small ASCII id of this shape): the same
    /// prefix and the number plus one, with as many digits; nil when the number is all nines (the next
    /// has a digit more, so another shape), or the words are not those of a small ASCII string of this
    /// shape's length, or the layout is not known. Trailing nines become zeros and
    /// the digit before them goes up by one, with no carry between bytes. `AcceptedIDs` compares each
    /// id in order with the one after the last, without reading its number.
    @inline(__always)
    func idAfter(_ w0: UInt64, _ w1: UInt64) -> (UInt64, UInt64)? {
        guard small.top != 0, w1 &>> 56 == small.top else { return nil }
        let top = w1 & 0xFF00_0000_0000_0000
        let value = UInt128(w1 & 0x00FF_FFFF_FFFF_FFFF) &<< 64 | UInt128(w0)
        let digitMask = UInt128(small.digitMask1) &<< 64 | UInt128(small.digitMask0)
        let nines = UInt128(0x3939_3939_3939_3939) &<< 64 | UInt128(0x3939_3939_3939_3939)
        let nineValues = UInt128(0x0909_0909_0909_0909) &<< 64 | UInt128(0x0909_0909_0909_0909)
        // Zero bytes where the digits are nines; the last digit moved to the top byte.
        let notNines = (value ^ (digitMask & nines)) & digitMask
        let trailingNines = (notNines &<< UInt128((16 &- small.end) &* 8)).leadingZeroBitCount &>> 3
        guard trailingNines < digits else { return nil }
        let raised = UInt128(1) &<< UInt128((small.end &- 1 &- trailingNines) &* 8)
        let ninesMask = trailingNines == 0 ? 0
            : ((UInt128(1) &<< UInt128(trailingNines &* 8)) &- 1) &<< UInt128((small.end &- trailingNines) &* 8)
        let next = value &+ raised &- (ninesMask & nineValues)
        return (UInt64(truncatingIfNeeded: next), UInt64(truncatingIfNeeded: next &>> 64) | top)
    }

    /// Whether every byte of `bytes` under `mask` (whole bytes, each below 0x80) is an ASCII digit:
    /// a byte b is at least 0x30 when b + 0x50 has its top bit set, and at most 0x39 when b + 0x46 has
    /// not; neither sum carries into the next byte.
    @inline(__always)
    private static func allDigits(_ bytes: UInt64, _ mask: UInt64) -> Bool {
        let ones = mask & 0x0101_0101_0101_0101, tops = ones &* 0x80
        return (bytes &+ ones &* 0x50) & tops == tops && (bytes &+ ones &* 0x46) & tops == 0
    }

    /// `number(of:)` for an id that is not a small ASCII string (or when the layout is not known).
    @inline(never)
    private func slowNumber(of id: ExactText) -> Int? {
        // A String whose bytes are not contiguous (bridged or foreign text) is copied first.
        let contiguous: Int?? = id.value.utf8.withContiguousStorageIfAvailable { parse($0) }
        return contiguous ?? Array(id.value.utf8).withUnsafeBufferPointer { parse($0) }
    }

    /// The id's number, when it has the shape and its number is below `limit`: the bits of
    /// `NumberedIDs` and the array of `IDSlots` take numbers up to a limit, so that an id such as
    /// CH999999999 does not make them take gigabytes.
    @inline(__always)
    func number(of id: ExactText, below limit: Int) -> Int? {
        guard let number = number(of: id), number < limit else { return nil }
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
}
