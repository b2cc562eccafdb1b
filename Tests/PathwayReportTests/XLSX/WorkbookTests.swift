import Foundation
import Testing
import PathwayCore
import CXlsxWriter
@testable import PathwayReport

/// The Swift layer over libxlsxwriter: checks before C, errors from C, closing once, formats once, text safety.
@Suite("XLSX workbook wrapper")
struct WorkbookTests {
    @Test("an invalid sheet name is rejected before libxlsxwriter sees it",
          arguments: ["", "   ", String(repeating: "x", count: 32), "Q1/Q2", "a[b]", "c]", "x:y", "what?", "star*",
                      "back\\slash", "'quoted", "quoted'", "History", "tab\tname"])
    func invalidSheetName(_ name: String) throws {
        let scratch = try ScratchDirectory()
        try Workbook.write(to: scratch.file("names.xlsx")) { (workbook: Workbook) throws(XLSXError) in
            do throws(XLSXError) {
                _ = try workbook.addWorksheet(name)
                Issue.record("'\(name)' was accepted")
            } catch {
                guard case let .invalidSheetName(rejected, problem) = error.reason else {
                    Issue.record("'\(name)' was refused by C, not by the wrapper: \(error)")
                    return
                }
                #expect(rejected == name)
                #expect(!problem.isEmpty)
                #expect(error.description.contains(problem))
            }
            #expect(workbook.sheetNames.isEmpty)
            _ = try workbook.addWorksheet("Valid")
        }
        #expect(try XLSXPackage(path: scratch.file("names.xlsx")).sheetNames() == ["Valid"])
    }

    @Test("sheet names must be unique ignoring case; 31 characters and non-ASCII are fine")
    func uniqueAndLongNames() throws {
        let scratch = try ScratchDirectory()
        let longest = String(repeating: "é", count: 31)
        try Workbook.write(to: scratch.file("unique.xlsx")) { (workbook: Workbook) throws(XLSXError) in
            _ = try workbook.addWorksheet("Summary")
            _ = try workbook.addWorksheet(longest)
            #expect(throws: XLSXError(.duplicateSheetName("SUMMARY"), operation: "add worksheet", sheet: "SUMMARY")) {
                _ = try workbook.addWorksheet("SUMMARY")
            }
        }
        #expect(try XLSXPackage(path: scratch.file("unique.xlsx")).sheetNames() == ["Summary", longest])
    }

    @Test("an lxw_error from C becomes an XLSXError naming the sheet and the cell")
    func libraryErrorNamesSheetAndCell() throws {
        let scratch = try ScratchDirectory()
        try Workbook.write(to: scratch.file("range.xlsx")) { (workbook: Workbook) throws(XLSXError) in
            let sheet = try workbook.addWorksheet("Late ICPCs")
            do throws(XLSXError) {
                try sheet.write(number: 1, row: 1_048_576, column: 0, style: .integer)
                Issue.record("row 1,048,577 was accepted")
            } catch {
                guard case let .library(code, name, _) = error.reason else {
                    Issue.record("expected libxlsxwriter's error, got \(error)")
                    return
                }
                #expect(name == "LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE")
                #expect(code > 0)
                #expect(error.sheet == "Late ICPCs")
                #expect(error.cell == "A1048577")
                #expect(error.operation == "worksheet_write_number")
                #expect(error.description.contains("sheet 'Late ICPCs'"))
                #expect(error.description.contains("A1048577"))
            }
            do throws(XLSXError) {
                try sheet.write("x", row: 0, column: 16_384)
                Issue.record("column XFE was accepted")
            } catch {
                #expect(error.cell == "XFE1")
                #expect(error.sheet == "Late ICPCs")
            }
            // Negative positions cannot reach C at all.
            #expect(throws: XLSXError(.positionOutOfRange, operation: "worksheet_write_string", sheet: "Late ICPCs",
                                      cell: "A0")) {
                try sheet.write("x", row: -1, column: 0)
            }
            #expect(throws: XLSXError.self) { try sheet.write(number: .nan, row: 0, column: 0, style: .integer) }
            try sheet.write("still fine", row: 0, column: 0)
        }
    }

    @Test("workbook_close runs exactly once, also when the body fails, and the partial file is removed")
    func closesOnceOnError() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("failed.xlsx")
        var captured: Workbook?
        #expect(throws: XLSXError.self) {
            try Workbook.write(to: path) { (workbook: Workbook) throws(XLSXError) in
                captured = workbook
                let sheet = try workbook.addWorksheet("Summary")
                try sheet.write("before the failure", row: 0, column: 0)
                _ = try workbook.addWorksheet("bad/name")
            }
        }
        let workbook = try #require(captured)
        #expect(workbook.isClosed)
        #expect(workbook.closeCalls == 1)
        #expect(!FileManager.default.fileExists(atPath: path))
        // A second close never reaches C.
        #expect(throws: XLSXError(.workbookClosed, operation: "workbook_close")) { try workbook.close() }
        #expect(workbook.closeCalls == 1)
    }

    @Test("a successful write closes once; nothing can be written afterwards")
    func closesOnceOnSuccess() throws {
        let scratch = try ScratchDirectory()
        var captured: (Workbook, Worksheet)?
        try Workbook.write(to: scratch.file("ok.xlsx")) { (workbook: Workbook) throws(XLSXError) in
            let sheet = try workbook.addWorksheet("Summary")
            try sheet.write("hello", row: 0, column: 0)
            captured = (workbook, sheet)
        }
        let (workbook, sheet) = try #require(captured)
        #expect(workbook.closeCalls == 1)
        #expect(FileManager.default.fileExists(atPath: scratch.file("ok.xlsx")))
        #expect(throws: XLSXError(.workbookClosed, operation: "worksheet_write_string", sheet: "Summary")) {
            try sheet.write("late", row: 1, column: 0)
        }
        #expect(throws: XLSXError.self) { _ = try workbook.addWorksheet("Another") }
    }

    @Test("an unwritable path fails at close with libxlsxwriter's reason, and leaves no file")
    func unwritablePath() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("missing-folder/dashboard.xlsx")
        do throws(XLSXError) {
            try Workbook.write(to: path) { (workbook: Workbook) throws(XLSXError) in
                _ = try workbook.addWorksheet("Summary")
            }
            Issue.record("writing into a missing folder succeeded")
        } catch {
            guard case let .library(_, name, _) = error.reason else {
                Issue.record("expected libxlsxwriter's error, got \(error)")
                return
            }
            #expect(name == "LXW_ERROR_CREATING_XLSX_FILE")
            #expect(error.operation == "workbook_close")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("each style's format is created once and reused")
    func formatCache() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("formats.xlsx")
        try Workbook.write(to: path) { (workbook: Workbook) throws(XLSXError) in
            let sheet = try workbook.addWorksheet("Numbers")
            for row in 0..<200 {
                try sheet.write(percent: OneDecimal(tenths: row), row: row, column: 0)
                try sheet.write(integer: row, row: row, column: 1)
                try sheet.write(date: Day(daysSinceEpoch: 20_000 + row), row: row, column: 2)
            }
            #expect(workbook.formatsCreated == 3)
        }
        let package = try XLSXPackage(path: path)
        let formats = try package.numberFormats()
        #expect(formats.filter { $0 == "0.0%" }.count == 1)
        #expect(formats.filter { $0 == "dd/mm/yyyy" }.count == 1)
        let cells = try package.cells("Numbers")
        #expect(formats[cells["A2"]!.style] == "0.0%")
        #expect(cells["A2"]!.value == "0.001")
        #expect(formats[cells["B2"]!.style] == "#,##0")
        #expect(formats[cells["C1"]!.style] == "dd/mm/yyyy")
        #expect(cells["C1"]!.value == "45569")
    }

    /// libxlsxwriter gives a format its number only when no earlier format has the same properties;
    /// every cell written with a later look-alike costs a hash-table lookup. Numbering every style's
    /// format in turn, a look-alike would get an earlier format's number.
    @Test("no two styles' formats are alike, and styles configured alike share one format")
    func formatsAreDistinct() throws {
        let scratch = try ScratchDirectory()
        try Workbook.write(to: scratch.file("styles.xlsx")) { (workbook: Workbook) throws(XLSXError) in
            var numbers: [Int32: CellStyle] = [:]
            for style in CellStyle.allCases {
                let format = try workbook.format(style)
                let number = lxw_format_get_xf_index(format)
                if let earlier = numbers[number] {
                    #expect(format == (try workbook.format(earlier)), "\(style) is configured like \(earlier)")
                } else {
                    numbers[number] = style
                }
            }
            #expect(workbook.formatsCreated == numbers.count)
            #expect(numbers.count == CellStyle.allCases.count - 3)   // .code and .trend are .text, .label is .headline
        }
    }

    @Test("text that looks like a formula, and very long text, is written as a shared string")
    func hostileText() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("text.xlsx")
        let long = String(repeating: "ab", count: 20_000)
        let astral = String(repeating: "😀", count: 20_000)
        let values = ["=1+2", "+44", "-x", "@sum", "|", "\"quoted\" and 'single'", "=HYPERLINK(\"http://x\")",
                      "nul\0byte", long, astral]
        try Workbook.write(to: path) { (workbook: Workbook) throws(XLSXError) in
            let sheet = try workbook.addWorksheet("Text")
            for (row, value) in values.enumerated() { try sheet.write(value, row: row, column: 0) }
        }
        let package = try XLSXPackage(path: path)
        let strings = try package.sharedStrings()
        let cells = try package.cells("Text")
        for row in values.indices {
            let cell = try #require(cells["A\(row + 1)"])
            #expect(cell.type == "s")
            #expect(!cell.hasFormula)
        }
        #expect(package.text(cells["A1"], strings: strings) == "=1+2")
        #expect(package.text(cells["A6"], strings: strings) == "\"quoted\" and 'single'")
        #expect(package.text(cells["A8"], strings: strings) == "nulbyte")
        let cut = try #require(package.text(cells["A9"], strings: strings))
        #expect(cut.utf16.count == CellText.maxLength)
        #expect(cut.hasSuffix("…"))
        #expect(cut.hasPrefix("abab"))
        let cutAstral = try #require(package.text(cells["A10"], strings: strings))
        #expect(cutAstral.utf16.count <= CellText.maxLength)
        #expect(cutAstral.hasSuffix("😀…"))
    }

    @Test("days before March 1900 are written as text, not as a wrong Excel date")
    func earlyDates() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("dates.xlsx")
        try Workbook.write(to: path) { (workbook: Workbook) throws(XLSXError) in
            let sheet = try workbook.addWorksheet("Dates")
            try sheet.write(date: Day(year: 1899, month: 12, day: 31)!, row: 0, column: 0)
            try sheet.write(date: Day(year: 1900, month: 3, day: 1)!, row: 1, column: 0)
        }
        let package = try XLSXPackage(path: path)
        let cells = try package.cells("Dates")
        #expect(package.text(cells["A1"], strings: try package.sharedStrings()) == "1899-12-31")
        #expect(cells["A2"]?.value == "61")
    }

    @Test("the one-line ASCII shortcut measures text exactly as the general measure does, for every style",
          arguments: ["", "a", "C-000123", "North team", "  two  spaces ", "~!@#$%^&*()_+{}|:<>?", "line\nbreak",
                      "tab\there", "café", "東京 office", "😀 smile", "\u{7F}delete", "x\r"])
    func widthShortcutMatchesGeneralMeasure(text: String) {
        for style in CellStyle.allCases {
            #expect(CellText.width(text, style: style) == CellText.generalWidth(text, style: style),
                    "\(text.debugDescription) in \(style)")
        }
        #expect(CellText.width("東京", style: .text) == 4)
        #expect(CellText.width("C-000123", style: .label) == 8 * 1.1)
    }

    @Test("safe text and its width in one look give what safe and width give, for every style",
          arguments: ["", "C-000123", "North team", "line\nbreak", "nul\0byte", "café", "東京 office", "a\u{7F}",
                      String(repeating: "a", count: CellText.maxLength), String(repeating: "a", count: CellText.maxLength + 1),
                      String(repeating: "é", count: CellText.maxLength)])
    func safeWithWidthMatchesSafeThenWidth(text: String) {
        for style in CellStyle.allCases {
            let (safe, width) = CellText.safeWithWidth(text, style: style)
            #expect(safe == CellText.safe(text), "\(text.prefix(20).debugDescription) in \(style)")
            #expect(width == CellText.width(CellText.safe(text), style: style), "\(text.prefix(20).debugDescription) in \(style)")
        }
    }

    @Test("fitted columns: the widest value per column, padded and bounded; unmeasured and fixed columns left alone")
    func fittedColumnWidths() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("widths.xlsx")
        try Workbook.write(to: path) { (workbook: Workbook) throws(XLSXError) in
            let sheet = try workbook.addWorksheet("Widths")
            try sheet.write("abc", row: 0, column: 0)
            try sheet.write("abcdefghij", row: 1, column: 0)
            try sheet.write("", row: 0, column: 2) // measures nothing: column C keeps the default
            try sheet.write(integer: 1_234_567, row: 0, column: 3) // "1,234,567": 9
            try sheet.write(String(repeating: "x", count: 80), row: 0, column: 5) // capped at the maximum
            try sheet.write("a", row: 0, column: 6) // raised to the minimum
            try sheet.write("long text in a fixed column", row: 0, column: 7)
            try sheet.setColumn(7, width: 5)
            try sheet.fitColumns(minimum: 6, maximum: 60, padding: 2)
            #expect(sheet.columnWidth(0) == 12)
            #expect(sheet.columnWidth(1) == Worksheet.defaultColumnWidth)
            #expect(sheet.columnWidth(2) == Worksheet.defaultColumnWidth)
            #expect(sheet.columnWidth(3) == 11)
            #expect(sheet.columnWidth(5) == 60)
            #expect(sheet.columnWidth(6) == 6)
            #expect(sheet.columnWidth(7) == 5)
        }
        let columns = try XLSXPackage(path: path).sheetXML("Widths").all("col")
        let widths = columns.map { ($0.attributes["min"]!, $0.attributes["width"].flatMap(Double.init).map { $0.rounded(.down) }) } // libxlsxwriter adds Excel's padding (12 → 12.7109375)
        #expect(widths.map(\.0) == ["1", "4", "6", "7", "8"])
        #expect(widths.map(\.1) == [12, 11, 60, 6, 5].map { Double($0) })
    }

    @Test("safe text: printable ASCII up to Excel's limit is kept as it is; one character more is cut",
          arguments: [CellText.maxLength - 1, CellText.maxLength, CellText.maxLength + 1])
    func asciiAtTheLimit(length: Int) {
        let text = String(repeating: "a", count: length)
        let safe = CellText.safe(text)
        if length <= CellText.maxLength {
            #expect(safe == text)
        } else {
            #expect(safe.utf16.count == CellText.maxLength)
            #expect(safe.hasSuffix("a…"))
        }
    }

    @Test("printable ASCII is space to tilde, nothing else",
          arguments: [("", true), ("C-000123", true), (" ~", true), ("a\u{7F}", false), ("a\u{1F}", false),
                      ("nul\0", false), ("line\nbreak", false), ("tab\t", false), ("café", false), ("東京", false)])
    func printableASCII(text: String, expected: Bool) {
        #expect(CellText.isPrintableASCII(text) == expected)
    }
}
