/// The one date parser (SPEC §2 "dates" and §3 "Exact reading rules").
///
/// Accepted: `YYYY-MM-DD` (two-digit month and day) and `D/M/YYYY` with one- or two-digit day and
/// month, day first; either optionally followed by `THH:MM[:SS]` or ` HH:MM[:SS]`, whose value is
/// checked and then ignored. Impossible dates are unparseable. No Excel serial numbers.
public enum DateParser {
    /// Parses already-trimmed text.
    public static func parse(_ text: String) -> Day? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// Parses already-trimmed UTF-8 bytes.
    @inline(__always)
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        // Most dates in the exports are exactly `YYYY-MM-DD`.
        if let day = isoDay(bytes) { return day }
        return parseAnyForm(bytes)
    }

    /// A plain `YYYY-MM-DD` read straight from its ten bytes, nil for anything else (which
    /// `parseAnyForm` then reads, or rejects). Dates are seven of a contact's sixteen fields, and the
    /// general reader took about 100 instructions for each.
    @inline(__always)
    static func isoDay(_ b: UnsafeBufferPointer<UInt8>) -> Day? {
        guard b.count == 10 else { return nil }
        let zero = UInt8(ascii: "0"), dash = UInt8(ascii: "-")
        let y0 = b[0] &- zero, y1 = b[1] &- zero, y2 = b[2] &- zero, y3 = b[3] &- zero
        let m0 = b[5] &- zero, m1 = b[6] &- zero, d0 = b[8] &- zero, d1 = b[9] &- zero
        // A byte below "0" wraps round to 246 or more, so one comparison checks each digit.
        guard b[4] == dash, b[7] == dash, y0 < 10, y1 < 10, y2 < 10, y3 < 10, m0 < 10, m1 < 10, d0 < 10, d1 < 10
        else { return nil }
        let year = Int(y0) &* 1000 &+ Int(y1) &* 100 &+ Int(y2) &* 10 &+ Int(y3)
        let month = Int(m0) &* 10 &+ Int(m1)
        let day = Int(d0) &* 10 &+ Int(d1)
        return Day(year: year, month: month, day: day)
    }

    /// Every accepted form (SPEC §2), from already-trimmed UTF-8 bytes.
    static func parseAnyForm(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        let n = bytes.count
        guard n >= 8 else { return nil }
        if n >= 10, bytes[4] == UInt8(ascii: "-") {
            guard let year = digits(bytes, 0, 4), bytes[7] == UInt8(ascii: "-"),
                  let month = digits(bytes, 5, 2), let day = digits(bytes, 8, 2),
                  timeIsValid(bytes, from: 10) else { return nil }
            return Day(year: year, month: month, day: day)
        }
        // D/M/YYYY, DD/MM/YYYY and mixes.
        var i = 0
        guard let (day, afterDay) = shortNumber(bytes, at: i), afterDay < n, bytes[afterDay] == UInt8(ascii: "/")
        else { return nil }
        i = afterDay + 1
        guard let (month, afterMonth) = shortNumber(bytes, at: i), afterMonth < n,
              bytes[afterMonth] == UInt8(ascii: "/") else { return nil }
        i = afterMonth + 1
        guard i + 4 <= n, let year = digits(bytes, i, 4), timeIsValid(bytes, from: i + 4) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// One or two digits at `index`; returns the value and the index after them.
    @inline(__always)
    private static func shortNumber(_ b: UnsafeBufferPointer<UInt8>, at index: Int) -> (Int, Int)? {
        guard index < b.count, let first = digit(b[index]) else { return nil }
        if index + 1 < b.count, let second = digit(b[index + 1]) { return (first * 10 + second, index + 2) }
        return (first, index + 1)
    }

    @inline(__always)
    private static func digit(_ byte: UInt8) -> Int? {
        byte >= 0x30 && byte <= 0x39 ? Int(byte &- 0x30) : nil
    }

    @inline(__always)
    private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= b.count else { return nil }
        var value = 0
        for k in start..<(start + count) {
            guard let d = digit(b[k]) else { return nil }
            value = value * 10 + d
        }
        return value
    }

    /// Nothing after the date, or `T`/one space then `HH:MM` or `HH:MM:SS` with valid values.
    private static func timeIsValid(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        let n = b.count
        if start == n { return true }
        guard b[start] == UInt8(ascii: "T") || b[start] == UInt8(ascii: " ") else { return false }
        let rest = n - start - 1
        guard rest == 5 || rest == 8 else { return false }
        let t = start + 1
        guard let hh = digits(b, t, 2), hh < 24, b[t + 2] == UInt8(ascii: ":"),
              let mm = digits(b, t + 3, 2), mm < 60 else { return false }
        if rest == 8 {
            guard b[t + 5] == UInt8(ascii: ":"), let ss = digits(b, t + 6, 2), ss < 60 else { return false }
        }
        return true
    }
}
