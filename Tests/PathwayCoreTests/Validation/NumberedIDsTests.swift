@testable import PathwayCore
import PathwayTestSupport
import Testing

/// Ids out of order go into bits by their number when they have the shape of the ids before them: the
/// bits must answer exactly as a set of the texts would, so an id is its number only when no other
/// text can have the same number.
@Suite("numbered ids")
struct NumberedIDsTests {
    @Test("the shape is the bytes before the last run of digits, and the run's length", arguments: [
        ("C0000001", "C", 7),
        ("123", "", 3),
        ("2024-0001", "2024-", 4),
        ("CH1", "CH", 1),
        ("C123456789", "C", 9),
        ("ABCDEFGHIJKLMNOP1", "ABCDEFGHIJKLMNOP", 1),
    ])
    func shape(example: String, prefix: String, digits: Int) throws {
        let ids = try #require(NumberedIDs(shapeOf: ExactText(example), limit: 1 << 30))
        let number = prefix + String(repeating: "0", count: digits - 1) + "7"
        #expect(ids.number(of: ExactText(number)) == 7)
        #expect(ids.number(of: ExactText(prefix + String(repeating: "0", count: digits))) == 0)
        #expect(ids.number(of: ExactText(prefix + "7")) == (digits == 1 ? 7 : nil), "another number of digits")
        #expect(ids.number(of: ExactText("X" + number)) == nil, "a longer prefix")
    }

    @Test("no shape without 1 to 9 final digits, or with a prefix over 16 bytes",
          arguments: ["ABC", "", "C1234567890", "ABCDEFGHIJKLMNOPQ1", "C12a"])
    func noShape(example: String) {
        #expect(NumberedIDs(shapeOf: ExactText(example), limit: 1 << 30) == nil)
    }

    @Test("an id is its number only in the shape, with ASCII digits, and below the limit", arguments: [
        ("C0000042", 42 as Int?),
        ("C000042", nil),          // six digits, not seven
        ("D0000042", nil),         // another prefix
        ("c0000042", nil),         // case counts
        ("C00000٤2", nil),         // an Arabic-Indic digit
        ("C00000/2", nil),         // the bytes just below and above the ASCII digits
        ("C00000:2", nil),
        ("C000004\u{301}", nil),   // a combining mark after a digit
        ("C0000999", 999),
        ("C0001000", nil),         // at the limit
        ("C9999999", nil),
    ])
    func number(id: String, expected: Int?) throws {
        let ids = try #require(NumberedIDs(shapeOf: ExactText("C0000001"), limit: 1000))
        #expect(ids.number(of: ExactText(id)) == expected)
    }

    @Test("bits hold what was inserted, once each, growing to the largest number")
    func bits() throws {
        var ids = try #require(NumberedIDs(shapeOf: ExactText("1"), limit: 1 << 20))
        for number in [5, 100_000, 5, 63, 64, 1_048_575] { ids.insert(number) }
        #expect(ids.count == 5)
        #expect([5, 63, 64, 100_000, 1_048_575].allSatisfy { ids.contains($0) })
        #expect(![0, 4, 6, 62, 65, 99_999, 1_048_574].contains { ids.contains($0) })
    }

    /// Once a part's ids are out of order, ids of several shapes (padded and unpadded numbers of the same
    /// value, another prefix, numbers on both sides of the bits' limit, non-ASCII digits) go through
    /// `AcceptedIDs`: it must agree with a set of the texts.
    @Test("ids of mixed shapes out of order agree with a set", arguments: 0..<10)
    func mixedShapes(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &+ 700)
        let limit = AcceptedIDs.bitLimit(0)
        var ids = ModelledIDs()
        var failures: [String] = []
        // Out of order at once, with the shape C and seven digits.
        for text in ["C0000002", "C0000001"] {
            _ = ids.check(ExactText(text))
            ids.accept(ExactText(text))
        }
        for step in 0..<3_000 {
            let number = random.chance(percent: 20) ? limit - 20 + random.below(40) : random.below(2_000)
            let text: String
            switch random.below(6) {
            case 0: text = "C\(number)"
            case 1: text = "CH\(String(number).zeroPadded(to: 7))"
            case 2: text = "\(number)"
            case 3: text = "C\(String(number).zeroPadded(to: 6))\u{0664}"
            default: text = "C\(String(number).zeroPadded(to: 7))"
            }
            let id = ExactText(text)
            let (seen, agrees) = ids.check(id)
            if !agrees { failures.append("step \(step): \(text)") }
            if !seen && random.chance(percent: 90) { ids.accept(id) }
        }
        #expect(!ids.ids.inOrder)
        #expect(ids.ids.numbered != nil, "the ids switched to bits")
        #expect(failures.isEmpty, "\(Array(failures.prefix(5)))")
    }
}

/// `IDShape.number` reads a small ASCII string's number from its two words, eight digits at a time:
/// it must give what reading the digits one by one gives, for every length of prefix and of number
/// up to the 15 bytes of a small string, and longer ids (read the slow way) too.
@Suite("id numbers read from a string's words")
struct IDShapeNumberTests {
    @Test("every prefix length and number of digits", arguments: 0...16)
    func agreesWithDigits(prefixLength: Int) throws {
        var random = SeededRandom(seed: UInt64(prefixLength) &+ 1_100)
        let prefix = String("ABCDEFGH-JKLMNOPQ".prefix(prefixLength))
        var failures: [String] = []
        for digits in 1...9 {
            let shape = try #require(IDShape(of: ExactText(prefix + String(repeating: "1", count: digits))))
            for _ in 0..<50 {
                let text = (0..<digits).map { _ in String(random.below(10)) }.joined()
                let id = ExactText(prefix + text)
                if shape.number(of: id) != Int(text) { failures.append("\(id.value): \(String(describing: shape.number(of: id)))") }
                // One byte changed anywhere: not of the shape, or another number.
                var bytes = Array((prefix + text).utf8)
                let at = random.below(bytes.count)
                bytes[at] = [0x2F, 0x3A, 0x20, 0x41][random.below(4)]
                let changed = ExactText(String(decoding: bytes, as: UTF8.self))
                let expected: Int? = at < prefixLength ? (bytes[at] == Array(prefix.utf8)[at] ? Int(text) : nil)
                    : (bytes[at] &- 0x30 < 10 ? Int(String(decoding: bytes[prefixLength...], as: UTF8.self)) : nil)
                if shape.number(of: changed) != expected { failures.append("changed \(changed.value)") }
            }
            #expect(shape.number(of: ExactText(prefix + String(repeating: "7", count: digits + 1))) == nil, "one digit more")
        }
        #expect(failures.isEmpty, "\(Array(failures.prefix(5)))")
    }

    /// The id after another, from its two words: the same prefix, the number plus one with as many
    /// digits; none after all nines, and none for a string of another length.
    @Test("the words of the id after an id", arguments: [
        ("C0000041", "C0000042" as String?), ("C0000049", "C0000050"), ("C0009999", "C0010000"),
        ("C9999999", nil), ("CH000001", "CH000002"), ("12345678", "12345679"), ("0", "1"), ("9", nil),
        ("AB-123456789", "AB-123456790"), ("AB-199999999", "AB-200000000"), ("XYZ-0999999", "XYZ-1000000"),
        ("ABCDEFGHIJKLMN9", nil), ("ABCDEFGHIJKLM19", "ABCDEFGHIJKLM20"),
    ])
    func idAfter(id: String, expected: String?) throws {
        let shape = try #require(IDShape(of: ExactText(id)))
        let (w0, w1) = SmallASCII.twoWords(id)
        let next = shape.idAfter(w0, w1)
        #expect(next.map { unsafeBitCast($0, to: String.self) } == expected)
        // Words of a string of another length, or a longer string: none.
        let (o0, o1) = SmallASCII.twoWords(id + "1")
        #expect(shape.idAfter(o0, o1) == nil)
        let long = "a string too long to be small: " + id
        let (l0, l1) = SmallASCII.twoWords(long)
        #expect(shape.idAfter(l0, l1) == nil)
    }
}
