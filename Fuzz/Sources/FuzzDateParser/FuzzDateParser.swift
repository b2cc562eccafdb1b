// libFuzzer harness: DateParser.parse on arbitrary bytes (SPEC §2 "dates" and "Exact reading rules").
//
// Invariants (a failed `require`, i.e. precondition, is a crash that libFuzzer saves as crash-*):
// - a returned Day has a year in 1...9999 and round-trips: DateParser.parse(day.description) == day, and
//   Day(year:month:day:) of its components is the same day;
// - the String entry point agrees with the byte entry point on valid UTF-8;
// - the result equals that of a reference parser written from the spec below (accepts exactly
//   YYYY-MM-DD and D/M/YYYY with one- or two-digit day and month, optionally followed by T or one space and
//   HH:MM or HH:MM:SS with valid values; impossible dates rejected).
// The same checks run as `#expect`s in Tests/PathwayCoreTests/Fuzz/FuzzRegressionTests.swift.
import PathwayCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let day = DateParser.parse(bytes)
    if let day {
        let c = day.components
        require((1...9999).contains(c.year), "year \(c.year) outside 1...9999")
        require(DateParser.parse(day.description) == day, "\(day) does not round-trip through its description")
        require(Day(year: c.year, month: c.month, day: c.day) == day, "components do not round-trip")
    }
    if let string = String(validating: bytes, as: UTF8.self) {
        require(DateParser.parse(string) == day, "String and byte entry points disagree")
    }
    let expected = referenceParse(Array(bytes))
    require(expected?.year == day?.components.year && expected?.month == day?.components.month
            && expected?.day == day?.components.day,
            "DateParser gives \(day.map { "\($0)" } ?? "nil"), the reference \(expected.map { "\($0)" } ?? "nil")")
    return 0
}

/// SPEC §2 dates, written independently of DateParser: the date part, then an optional time part.
func referenceParse(_ b: [UInt8]) -> (year: Int, month: Int, day: Int)? {
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

/// `precondition` that keeps its message in release (-O) builds, where `precondition` prints none: a violated
/// invariant traps (a crash for libFuzzer) after printing what was violated.
@inline(__always)
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("fuzz invariant violated: " + message()) }
}

// SwiftPM (tools >= 5.5) links every Linux executable target with `--defsym main=<Module>_main`, which would
// leave the link without a `main` under -parse-as-library. This entry point only hands control to libFuzzer's
// own driver (`LLVMFuzzerRunDriver`, what libFuzzer's `main` calls), so the binary behaves exactly like one
// linked with libFuzzer's `main`: same flags, corpus handling and crash artifacts.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("FuzzDateParser_main")
func libFuzzerEntry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzz)
}
