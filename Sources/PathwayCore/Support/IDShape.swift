/// The form most case systems give their ids: a fixed run of bytes (the prefix, possibly empty)
/// followed by a fixed number of ASCII digits (C0000001 … C1700942, CH000001, or plain numbers). An id
/// of a shape is its number, and two ids of the same shape with the same number are the same bytes, so
/// a number can stand for the id wherever ids are only told apart: the bits of `NumberedIDs`, the slots
/// of `IDSlots`. Ids of any other shape have no number here (`number(of:)` is nil).
struct IDShape: Sendable, Equatable {
    let prefix: [UInt8]
    let digits: Int

    /// The shape of `example`: its bytes up to its last run of digits, and that run's length. Nil when
    /// it does not end in 1 to 9 digits (longer runs could overflow) or its prefix is longer than 16
    /// bytes.
    init?(of example: ExactText) {
        let bytes = Array(example.value.utf8)
        var start = bytes.count
        while start > 0, bytes[start - 1] &- 0x30 < 10 { start -= 1 }
        let digits = bytes.count - start
        guard (1...9).contains(digits), start <= 16 else { return nil }
        prefix = Array(bytes[..<start])
        self.digits = digits
    }

    /// The id's number, when it has the shape.
    @inline(__always)
    func number(of id: ExactText) -> Int? {
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
