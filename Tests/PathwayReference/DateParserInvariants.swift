import PathwayCore

/// SPEC §2 dates, written independently of DateParser: exactly YYYY-MM-DD or D/M/YYYY (day and month with one
/// or two digits), optionally followed by T or one space and HH:MM or HH:MM:SS with valid values; impossible
/// dates rejected.
public enum ReferenceDateParser {
    public static func parse(_ b: [UInt8]) -> (year: Int, month: Int, day: Int)? {
        func isDigit(_ i: Int) -> Bool { i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
        func number(_ from: Int, _ count: Int) -> Int {
            b[from..<(from + count)].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        var ymd: (Int, Int, Int)
        var rest: Int
        if b.count >= 10 && (0..<4).allSatisfy(isDigit) && b[4] == 0x2D && isDigit(5) && isDigit(6) && b[7] == 0x2D
            && isDigit(8) && isDigit(9) {
            ymd = (number(0, 4), number(5, 2), number(8, 2))
            rest = 10
        } else {
            // D/M/YYYY, day and month with one or two digits.
            var i = 0
            var parts: [Int] = []
            for _ in 0..<2 {
                var length = 0
                while length < 2 && isDigit(i + length) { length += 1 }
                guard length > 0, i + length < b.count, b[i + length] == 0x2F else { return nil }
                parts.append(number(i, length))
                i += length + 1
            }
            guard (0..<4).allSatisfy({ isDigit(i + $0) }) else { return nil }
            ymd = (number(i, 4), parts[1], parts[0])
            rest = i + 4
        }
        let time = Array(b[rest...])
        if !time.isEmpty {
            guard time[0] == 0x54 || time[0] == 0x20, time.count == 6 || time.count == 9 else { return nil }
            let digitAt = { (k: Int) in time[k] >= 0x30 && time[k] <= 0x39 }
            let two = { (k: Int) in Int(time[k] - 0x30) * 10 + Int(time[k + 1] - 0x30) }
            guard digitAt(1), digitAt(2), time[3] == 0x3A, digitAt(4), digitAt(5), two(1) < 24, two(4) < 60 else {
                return nil
            }
            if time.count == 9 {
                guard time[6] == 0x3A, digitAt(7), digitAt(8), two(7) < 60 else { return nil }
            }
        }
        let (year, month, day) = ymd
        guard year >= 1, year <= 9999, month >= 1, month <= 12, day >= 1 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return (year, month, day)
    }
}

/// The invariants of `DateParser.parse` (SPEC §2 "dates"), checked by the FuzzDateParser harness and by
/// FuzzRegressionTests:
/// - a returned Day has a year in 1...9999 and round-trips: DateParser.parse(day.description) == day, and
///   Day(year:month:day:) of its components is the same day;
/// - the String entry point agrees with the byte entry point on valid UTF-8;
/// - the result equals that of `ReferenceDateParser`.
public enum DateParserInvariants {
    /// `bytes` is passed as is to the byte entry point (in the harness: libFuzzer's buffer, so AddressSanitizer
    /// sees any read past its end).
    public static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var problems = Problems()
        let day = DateParser.parse(bytes)
        if let day {
            let c = day.components
            problems.check((1...9999).contains(c.year), "year \(c.year) outside 1...9999")
            problems.check(DateParser.parse(day.description) == day, "\(day) does not round-trip through its description")
            problems.check(Day(year: c.year, month: c.month, day: c.day) == day, "components do not round-trip")
        }
        if let string = String(validating: bytes, as: UTF8.self) {
            problems.check(DateParser.parse(string) == day, "String and byte entry points disagree")
        }
        let expected = ReferenceDateParser.parse(Array(bytes))
        problems.check(expected?.year == day?.components.year && expected?.month == day?.components.month
                       && expected?.day == day?.components.day,
                       "DateParser gives \(day.map { "\($0)" } ?? "nil"), the reference \(expected.map { "\($0)" } ?? "nil")")
        return problems.messages
    }
}
