import PathwayReference
import PathwayTestSupport
import Testing
@testable import PathwayCore

@Suite struct CSVReaderPropertyTests {
    static let alphabet: [String] = ["a", " ", ",", "\"", "\r", "\n", "é", "\t"]

    /// A random input: mostly single characters, sometimes runs (to exercise the 8-byte scanners
    /// across word boundaries), sometimes well-formed quoted fields (so records are not all malformed).
    static func randomInput(_ rng: inout SeededRandom) -> String {
        var s = ""
        let pieces = rng.below(40)
        for _ in 0..<pieces {
            switch rng.below(10) {
            case 0..<6:
                s += alphabet[rng.below(alphabet.count)]
            case 6, 7:
                s += String(repeating: alphabet[rng.below(alphabet.count)], count: 1 + rng.below(20))
            case 8:
                s += "\"" + String(repeating: "a", count: rng.below(12)) + "\"\"" + "\r\n" + "é\""
            default:
                s += "," + String(repeating: "é", count: rng.below(10)) + ","
            }
        }
        return s
    }

    @Test func differentialAgainstReferenceReader() {
        var rng = SeededRandom(seed: 20_250_101)
        var failures = 0
        var recordsSeen = 0, malformedSeen = 0, multiLineSeen = 0
        for iteration in 0..<4000 {
            let input = Self.randomInput(&rng)
            let expected = ReferenceCSVReader.read(input)
            // Half of the inputs carry a BOM, which must make no difference to the records.
            var raw = Array(input.utf8)
            if iteration % 2 == 1 { raw = [0xEF, 0xBB, 0xBF] + raw }
            let text = SourceDecoder.decode(raw)
            #expect(text.encoding == .utf8)
            let actual = readWithCSVReader(text)
            if actual != expected {
                failures += 1
                #expect(actual == expected, "input \(input.debugDescription)")
                if failures > 5 { return }
            }
            recordsSeen += expected.count
            malformedSeen += expected.filter { $0.malformation != nil }.count
            multiLineSeen += zip(expected, expected.dropFirst()).filter { $0.1.line - $0.0.line > 1 }.count
        }
        // The generator must actually exercise the interesting cases.
        #expect(recordsSeen > 10_000)
        #expect(malformedSeen > 500)
        #expect(multiLineSeen > 500)
    }

    /// Writes a table as RFC 4180 CSV: a cell is quoted when it holds a comma, quote, CR or LF.
    static func write(_ table: [[String]], lineEnd: String, trailingLineEnd: Bool) -> String {
        var out = ""
        for (index, row) in table.enumerated() {
            out += row.map { cell -> String in
                let needsQuotes = cell.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
                guard needsQuotes else { return cell }
                var quoted = "\""
                for scalar in cell.unicodeScalars {
                    quoted.unicodeScalars.append(scalar)
                    if scalar == "\"" { quoted.unicodeScalars.append(scalar) }
                }
                return quoted + "\""
            }.joined(separator: ",")
            if index < table.count - 1 || trailingLineEnd { out += lineEnd }
        }
        return out
    }

    /// Physical line ends in a string: CRLF, lone CR and LF count one each.
    static func lineEnds(_ s: String) -> Int {
        let scalars = Array(s.unicodeScalars)
        var count = 0
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\r" {
                count += 1
                if i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
            } else if scalars[i] == "\n" {
                count += 1
            }
            i += 1
        }
        return count
    }

    @Test func roundTripOfQuotedTables() {
        var rng = SeededRandom(seed: 7)
        var failures = 0
        for _ in 0..<2000 {
            let columns = 1 + rng.below(6)
            let rows = rng.below(8)
            let table: [[String]] = (0..<rows).map { _ in
                (0..<columns).map { _ in
                    var cell = ""
                    for _ in 0..<rng.below(12) {
                        let piece = Self.alphabet[rng.below(Self.alphabet.count)]
                        cell += rng.below(8) == 0 ? String(repeating: piece, count: 9) : piece
                    }
                    return cell
                }
            }
            let lineEnd = ["\r\n", "\n", "\r"][rng.below(3)]
            let csv = Self.write(table, lineEnd: lineEnd, trailingLineEnd: rng.below(2) == 0)

            var expected: [ReferenceCSVReader.TextRecord] = []
            var line = 1
            for row in table {
                let blank = row.allSatisfy { $0.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" } }
                if !blank { expected.append(.init(line: line, fields: row, malformation: nil)) }
                line += row.map(Self.lineEnds).reduce(0, +) + 1
            }
            let actual = readWithCSVReader(csv)
            if actual != expected {
                failures += 1
                #expect(actual == expected, "csv \(csv.debugDescription)")
                if failures > 5 { return }
            }
        }
    }
}
