import Foundation
import PathwayTestSupport
import Testing
@testable import PathwayCore

/// SPEC §2 "dates" and §3 "Exact reading rules": `YYYY-MM-DD` (two-digit month and day), `D/M/YYYY` or
/// `DD/MM/YYYY` (day first), optionally followed by `THH:MM[:SS]` or ` HH:MM[:SS]`; only the date is used.
@Suite struct DateParserTests {
    static let accepted: [(String, String)] = [
        ("2025-01-05", "2025-01-05"),
        ("5/1/2025", "2025-01-05"),
        ("05/01/2025", "2025-01-05"),
        ("5/01/2025", "2025-01-05"),
        ("05/1/2025", "2025-01-05"),
        ("31/12/2025", "2025-12-31"),
        ("12/10/2025", "2025-10-12"),        // day first, never month first
        ("1/12/2025", "2025-12-01"),
        ("29/02/2024", "2024-02-29"),
        ("2024-02-29", "2024-02-29"),
        ("2000-02-29", "2000-02-29"),
        ("2025-01-05T10:30", "2025-01-05"),
        ("2025-01-05 10:30", "2025-01-05"),
        ("2025-01-05T10:30:15", "2025-01-05"),
        ("2025-01-05 10:30:15", "2025-01-05"),
        ("2025-01-05T00:00", "2025-01-05"),
        ("2025-12-31 23:59:59", "2025-12-31"),
        ("05/01/2025 10:30", "2025-01-05"),
        ("5/1/2025 10:30:15", "2025-01-05"),
        ("05/01/2025T10:30", "2025-01-05"),
        ("1/1/1900", "1900-01-01"),
        ("2100-12-31", "2100-12-31"),
    ]

    @Test(arguments: accepted)
    func parses(_ text: String, _ expected: String) throws {
        let day = try #require(DateParser.parse(text), "'\(text)' should parse")
        #expect(day.description == expected)
    }

    static let rejected: [String] = [
        "",
        "2025-1-05",            // ISO needs a two-digit month
        "2025-01-5",            // ... and a two-digit day
        "2025-1-5",
        "05/13/2025",           // month first is never accepted: month 13
        "31/02/2025",           // impossible date
        "29/02/2025",           // not a leap year
        "2025-02-30",
        "2025-02-29",
        "2100-02-29",
        "2025-13-01",
        "2025-00-10",
        "2025-01-00",
        "00/01/2025",
        "0/1/2025",
        "1/0/2025",
        "32/01/2025",
        "45000",                // Excel serial number
        "45000.5",
        "2025-01-05T25:00",     // hour out of range
        "2025-01-05T24:00",
        "2025-01-05T10:60",
        "2025-01-05T10:30:60",
        "2025-01-05  10:30",    // two spaces before the time
        "2025-01-05\t10:30",    // tab is not a time separator
        "2025-01-05T",
        "2025-01-05 ",
        "2025-01-05T10",
        "2025-01-05T1:30",
        "2025-01-05T10:3",
        "2025-01-05T10:30:1",
        "2025-01-05T10:30Z",
        "2025-01-05T10:30:15.000",
        "2025-01-05T10:30+01:00",
        "2025/01/05",
        "2025.01.05",
        "05.01.2025",
        "5-1-2025",
        "05-01-2025",
        "20250105",
        "05/01/25",             // two-digit year
        "5/1/25",
        "05/01/20255",
        "123/01/2025",
        "01/123/2025",
        "2025-01-05x",          // trailing junk
        "05/01/2025x",
        "05/01/2025 junk",
        "x2025-01-05",
        "Jan 5 2025",
        "5 January 2025",
        "+2025-01-05",
        "２０２５-01-05",        // full-width digits
    ]

    @Test(arguments: rejected)
    func rejects(_ text: String) {
        #expect(DateParser.parse(text) == nil, "'\(text)' must be unparseable")
    }

    /// The byte-buffer entry point (used by the row decoder) agrees with the String one.
    @Test(arguments: accepted.map(\.0) + rejected)
    func bytesAgreeWithString(_ text: String) {
        let bytes = Array(text.utf8)
        let fromBytes = bytes.withUnsafeBufferPointer { DateParser.parse($0) }
        #expect(fromBytes == DateParser.parse(text))
    }

    /// Round trip: every day of 2024 (a leap year) written in each accepted style parses back to itself.
    @Test func everyDayOf2024InEveryStyle() throws {
        var day = d("2024-01-01")
        var failures: [String] = []
        while day <= d("2024-12-31") {
            let c = day.components
            let styles = [
                day.description,
                "\(c.day)/\(c.month)/\(c.year)",
                "\(Day.pad(c.day, 2))/\(Day.pad(c.month, 2))/\(c.year)",
                day.description + "T09:05",
                "\(c.day)/\(c.month)/\(c.year) 09:05:59",
            ]
            for text in styles where DateParser.parse(text) != day { failures.append(text) }
            day = day.adding(days: 1)
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    /// The `YYYY-MM-DD` shortcut gives what the general reader gives: on every day of 1899 to 2101
    /// (leap centuries and 1900 included), on the impossible days of each month, and on 20,000 random
    /// ten-byte texts made of digits and separators, where it must either agree or leave the text to
    /// the general reader.
    @Test func isoShortcutAgreesWithTheGeneralReader() {
        func both(_ text: String) -> (shortcut: Day?, general: Day?, parsed: Day?) {
            Array(text.utf8).withUnsafeBufferPointer { bytes in
                (bytes.count == 10 ? DateParser.isoDay(bytes) : nil, DateParser.parseAnyForm(bytes), DateParser.parse(bytes))
            }
        }
        var failures: [String] = []
        var day = d("1899-01-01")
        while day <= d("2101-12-31") {
            let (shortcut, general, parsed) = both(day.description)
            if shortcut != day || general != day || parsed != day { failures.append(day.description) }
            day = day.adding(days: 1)
        }
        for year in [1900, 2000, 2023, 2024] {
            for month in 0...13 {
                for dayOfMonth in [0, 28, 29, 30, 31, 32] {
                    let text = String(format: "%04d-%02d-%02d", year, month, dayOfMonth)
                    let (shortcut, general, parsed) = both(text)
                    if shortcut != general || parsed != general { failures.append(text) }
                }
            }
        }
        var random = SeededRandom(seed: 17)
        let alphabet = Array("0123456789-/: T0123456789".utf8)
        for _ in 0..<20_000 {
            var bytes = Array("2025-06-15".utf8)
            for _ in 0..<(1 + Int(random.next() % 3)) {
                bytes[Int(random.next() % 10)] = alphabet[Int(random.next() % UInt64(alphabet.count))]
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let (shortcut, general, parsed) = both(text)
            if parsed != general || (shortcut != nil && shortcut != general) { failures.append(text) }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }
}
