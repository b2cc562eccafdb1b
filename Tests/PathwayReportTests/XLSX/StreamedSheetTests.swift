import Foundation
import Testing
import PathwayCore
import PathwayTestSupport
@testable import PathwayReport

/// Streamed sheets (libxlsxwriter's constant_memory mode for one sheet) and the measuring pass that sizes
/// their columns before their rows are written.
@Suite("XLSX streamed sheets")
struct StreamedSheetTests {
    static let texts = ["=1+2", "+44", " leading space", "trailing space ", "a & b < c > d", "\"quoted\" 'single'",
                        "control\u{1}char", "nul\0byte", "café 東京 😀", String(repeating: "ab", count: 20_000)]

    @Test("a streamed sheet holds its text in the cells; the sheets added before and after it still share strings")
    func onlyTheStreamedSheetIsStreamed() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("streamed.xlsx")
        var flags: [Bool] = []
        try Workbook.write(to: path) { (workbook: Workbook) throws(XLSXError) in
            for (name, streamed) in [("Before", false), ("Streamed", true), ("After", false)] {
                let sheet = try workbook.addWorksheet(name, streamed: streamed)
                flags.append(sheet.isStreamed)
                for (row, text) in Self.texts.enumerated() {
                    try sheet.write(text, row: row, column: 0)
                    try sheet.write(integer: row, row: row, column: 1)
                }
            }
        }
        #expect(flags == [false, true, false])
        let package = try XLSXPackage(path: path)
        let strings = try package.sharedStrings()
        var read: [String: [String?]] = [:]
        for name in ["Before", "Streamed", "After"] {
            let cells = try package.cells(name)
            for row in Self.texts.indices {
                let text = try #require(cells["A\(row + 1)"])
                #expect(text.type == (name == "Streamed" ? "inlineStr" : "s"), "\(name)!A\(row + 1)")
                #expect(!text.hasFormula)
                #expect(cells["B\(row + 1)"]?.value == String(row))
            }
            read[name] = Self.texts.indices.map { package.text(cells["A\($0 + 1)"], strings: strings) }
        }
        // The same text whichever way it is stored (control characters escaped alike, NULs dropped, cut at
        // Excel's limit).
        #expect(read["Streamed"] == read["Before"])
        #expect(read["After"] == read["Before"])
        #expect(read["Streamed"]?[2] == " leading space")
        #expect(read["Streamed"]?[7] == "nulbyte")
        #expect(read["Streamed"]?[9]?.utf16.count == CellText.maxLength)
        // The table holds each string once, for the two normal sheets.
        #expect(strings.count == Self.texts.count)
    }

    @Test("a streamed sheet refuses a row above the one being written, naming the sheet and the cell")
    func rowsInOrder() throws {
        let scratch = try ScratchDirectory()
        try Workbook.write(to: scratch.file("order.xlsx")) { (workbook: Workbook) throws(XLSXError) in
            let sheet = try workbook.addWorksheet("Late ICPCs", streamed: true)
            try sheet.write("header", row: 3, column: 0)
            try sheet.setRow(3, height: 30)             // the row being written: still open
            try sheet.write("first", row: 4, column: 1)
            try sheet.write("same row", row: 4, column: 0) // an earlier column of the same row is fine
            #expect(throws: XLSXError(.rowAlreadyStreamed(current: 5), operation: "worksheet_write_string",
                                      sheet: "Late ICPCs", cell: "A4")) {
                try sheet.write("late", row: 3, column: 0)
            }
            #expect(throws: XLSXError(.rowAlreadyStreamed(current: 5), operation: "worksheet_set_row",
                                      sheet: "Late ICPCs", cell: "4:4")) {
                try sheet.setRow(3, height: 40)
            }
            try sheet.merge("merged", firstRow: 5, firstColumn: 0, lastRow: 6, lastColumn: 1, style: .text)
            #expect(throws: XLSXError.self) { try sheet.write(number: 1, row: 5, column: 3, style: .integer) }
            try sheet.write(number: 1, row: 7, column: 0, style: .integer)
            // A normal sheet takes rows in any order.
            let normal = try workbook.addWorksheet("Normal")
            try normal.write("below", row: 4, column: 0)
            try normal.write("above", row: 3, column: 0)
            try normal.setRow(3, height: 40)
        }
        let error = XLSXError(.rowAlreadyStreamed(current: 5), operation: "worksheet_write_string", sheet: "S", cell: "A4")
        #expect(error.description == "sheet 'S', cell A4: worksheet_write_string failed: the sheet is streamed "
            + "(written row by row) and row 5 is being written; rows above it are final")
    }

    @Test("measuring writes nothing and sizes the columns exactly as writing the same rows does")
    func measuringMatchesWriting() throws {
        var random = SeededRandom(seed: 0x5EED_0017)
        let words = ["", "a", "C-000123", "North team", "Requires improvement", "東京 office", "😀", "x\ty", "line\nbreak",
                     String(repeating: "w", count: 70)]
        for round in 0..<40 {
            let columns = 1 + random.below(9)
            let rows: [[TableCell]] = (0..<(1 + random.below(30))).map { _ in
                (0..<columns).map { _ in Self.randomCell(&random, words: words) }
            }
            let scratch = try ScratchDirectory()
            var written: [Double] = [], measured: [Double] = []
            try Workbook.write(to: scratch.file("m\(round).xlsx")) { (workbook: Workbook) throws(XLSXError) in
                let plain = try workbook.addWorksheet("Written")
                for (offset, cells) in rows.enumerated() { try plain.write(row: cells, at: offset) }
                try plain.fitColumns(minimum: 4, maximum: 50, padding: 3)
                written = (0..<columns).map(plain.columnWidth)

                let streamed = try workbook.addWorksheet("Measured", streamed: true)
                try streamed.measuring { (sheet: Worksheet) throws(XLSXError) in
                    for (offset, cells) in rows.enumerated() { try sheet.write(row: cells, at: offset) }
                }
                try streamed.fitColumns(minimum: 4, maximum: 50, padding: 3)
                measured = (0..<columns).map(streamed.columnWidth)
                // Nothing was written, so the first row can still be written after measuring.
                try streamed.write(row: rows[0], at: 0)
            }
            #expect(measured == written, "round \(round)")
            let package = try XLSXPackage(path: scratch.file("m\(round).xlsx"))
            // Only the first row, written after measuring, is in the sheet.
            let rowsWritten = Set(try package.cells("Measured").keys.map { $0.drop(while: \.isLetter) })
            #expect(rowsWritten.isSubset(of: ["1"]), "round \(round): the measuring pass wrote cells")
        }
    }

    static func randomCell(_ random: inout SeededRandom, words: [String]) -> TableCell {
        switch random.below(9) {
        case 0: return .text(random.pick(words))
        case 1: return .bold(random.pick(words))
        case 2: return .code(random.pick(words))
        case 3: return .integer(random.chance(percent: 10) ? nil : random.below(3_000_000) - 1_000_000)
        case 4: return .percent(random.chance(percent: 20) ? nil : OneDecimal(tenths: random.below(1_001)),
                                blankWhenMissing: random.chance(percent: 50))
        case 5: return .date(random.chance(percent: 10) ? nil : Day(year: 1899 + random.below(130), month: 1 + random.below(12), day: 1))
        case 6: return .styled(random.pick(words), random.pick([.rag, .trend, .missing]))
        case 7: return .wrap(random.pick(words))
        default: return .blank
        }
    }
}
