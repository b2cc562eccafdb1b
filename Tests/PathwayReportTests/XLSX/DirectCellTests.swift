import CXlsxHooks
import CXlsxWriter
import Foundation
import PathwayCore
import PathwayTestSupport
import Testing
@testable import PathwayReport

/// Rows and cells written by CXlsxHooks (`Workbook.Options.directCells`, cell_writing.c) instead of
/// libxlsxwriter's `fprintf` calls: the same bytes, and only on the thread and for the workbook that asked.
@Suite("Direct cell writing")
struct DirectCellTests {
    /// printf's "%.16G", which libxlsxwriter 1.1.4 writes numbers with.
    static func printf(_ number: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let length = withVaList([number]) { vsnprintf(&buffer, buffer.count, "%.16G", $0) }
        return String(decoding: buffer[..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func formatted(_ number: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 40)
        let length = pathway_format_number(number, &buffer, buffer.count)
        #expect(length == strlen(buffer))
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test("listed numbers, whole and not, are written as %.16G writes them", arguments: [
        (0.0, "0"), (-0.0, "-0"), (1, "1"), (-1, "-1"), (46_112, "46112"), (9, "9"), (10, "10"),
        (999_999_999_999_999, "999999999999999"), (-999_999_999_999_999, "-999999999999999"),
        (1e15, "1000000000000000"), (1e16, "1E+16"), (0.5, "0.5"), (1.0 / 3, "0.3333333333333333"),
        (0.1, "0.1"), (0.0001, "0.0001"), (0.00001, "1E-05"), (.infinity, "INF"), (-.infinity, "-INF"),
        (123_456.75, "123456.75"), (4_294_967_296, "4294967296"),
    ] as [(Double, String)])
    func table(number: Double, expected: String) {
        #expect(Self.formatted(number) == expected)
        #expect(Self.printf(number) == expected)
    }

    @Test("any number is written as %.16G writes it (seeded random values of every kind)")
    func random() {
        var generator = SeededRandom(seed: 0x5EED_CE11)
        var checked = 0
        for round in 0..<60_000 {
            let number: Double
            switch round % 6 {
            case 0: number = Double(Int.random(in: -1_000_000...1_000_000, using: &generator))
            case 1: number = Double(Int64.random(in: -(1 << 53)...(1 << 53), using: &generator))
            case 2: number = Double(Int.random(in: 0...200_000, using: &generator)) / 100
            case 3: number = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator))
            case 4: number = Double.random(in: -1e17...1e17, using: &generator).rounded()
            default: number = Double.random(in: 0...1, using: &generator)
            }
            guard !number.isNaN else { continue }
            if Self.formatted(number) != Self.printf(number) {
                Issue.record("\(number.bitPattern): \(Self.formatted(number)) against \(Self.printf(number))")
                return
            }
            checked += 1
        }
        #expect(checked > 59_000)
    }

    @Test("NaN is passed to printf (\"NAN\" or \"-NAN\", as its sign bit says)")
    func notANumber() {
        #expect(Self.formatted(.nan) == Self.printf(.nan))
        #expect(Self.formatted(-.nan) == Self.printf(-.nan))
    }

    static func cellName(row: UInt32, column: UInt16, direct: Bool) -> String {
        var name = [CChar](repeating: 0x7F, count: 32)
        pathway_xlsx_set_direct_cells(direct ? 1 : 0)
        defer { pathway_xlsx_set_direct_cells(0) }
        lxw_rowcol_to_cell(&name, row, column)
        return String(cString: name)
    }

    @Test("cells are named as libxlsxwriter names them, to the last row and column")
    func cellNames() {
        let cases: [(UInt32, UInt16, String)] = [(0, 0, "A1"), (9, 25, "Z10"), (99, 26, "AA100"), (1_048_575, 16_383, "XFD1048576"),
                                                 (123_456, 701, "ZZ123457"), (7, 702, "AAA8")]
        for (row, column, expected) in cases {
            #expect(Self.cellName(row: row, column: column, direct: true) == expected)
            #expect(Self.cellName(row: row, column: column, direct: false) == expected)
        }
        var generator = SeededRandom(seed: 0xCE11_A4E5)
        for _ in 0..<5_000 {
            let row = UInt32(generator.below(1_048_576)), column = UInt16(generator.below(16_384))
            #expect(Self.cellName(row: row, column: column, direct: true) == Self.cellName(row: row, column: column, direct: false))
        }
    }

    /// A workbook with what the hooks write themselves and what they pass on: streamed sheets with text
    /// (plain, escaped, with white space at either end, in every style), numbers and dates, a row with
    /// its own height, blank cells; a normal sheet (rows with spans); merged cells and a chart.
    static func write(_ path: String, direct: Bool) throws -> Workbook {
        let options = Workbook.Options(zipLevel: 1, temporaryFilesInMemory: true, directCells: direct)
        return try Workbook.write(to: path, options: options) { (workbook: Workbook) throws(XLSXError) in
            try workbook.setProperties(ZipLevelTests.properties)
            let summary = try workbook.addWorksheet("Summary")
            try summary.write("a & b < c > d", row: 0, column: 0)
            try summary.write(number: 0.8125, row: 1, column: 1, style: .percent)
            try summary.write(integer: 42, row: 2, column: 3)
            try summary.merge("merged", firstRow: 4, firstColumn: 0, lastRow: 4, lastColumn: 3, style: .title)
            try summary.setRow(6, height: 30)
            try summary.write("tall", row: 6, column: 0)
            let texts = ["plain", " leading", "trailing ", "\ttab", "a & b", "<tag>", "x > y & z < w", "é ü 日本",
                         "line\nbreak", "\"quoted\"", "it's"]
            for name in ["First", "Second"] {
                let list = try workbook.addWorksheet(name, streamed: true)
                try list.write("Heading", row: 0, column: 0, style: .header)
                for row in 1..<5_000 {
                    if row == 7 { try list.setRow(row, height: 45) }
                    try list.write(texts[row % texts.count] + " \(row)", row: row, column: 0)
                    try list.write(texts[(row + 3) % texts.count], row: row, column: 1)
                    try list.write(integer: row * 37 - 1_000, row: row, column: 2)
                    try list.write(number: Double(row) / 7, row: row, column: 3, style: .percent)
                    try list.write(date: Day(daysSinceEpoch: 20_000 + row), row: row, column: 4)
                    if row % 5 == 0 { try list.writeBlank(row: row, column: 5, style: .text) }
                }
            }
            let chart = try workbook.addChart(.column)
            try chart.addSeries(name: "values",
                                categories: Chart.Range(sheet: "Summary", firstRow: 0, firstColumn: 0, lastRow: 2, lastColumn: 0),
                                values: Chart.Range(sheet: "Summary", firstRow: 0, firstColumn: 3, lastRow: 2, lastColumn: 3),
                                style: Chart.SeriesStyle(colour: 0x1F4E79))
            try summary.insert(chart, row: 8, column: 0)
        }
    }

    @Test("a workbook written with direct cells is the same file, and only its own thread's cells are direct")
    func sameWorkbook() throws {
        let scratch = try ScratchDirectory()
        let direct = try Self.write(scratch.file("direct.xlsx"), direct: true)
        let library = try Self.write(scratch.file("library.xlsx"), direct: false)
        // Two streamed sheets of 4,999 rows with 5 cells each, and the summary's.
        #expect(direct.cellsWrittenDirectly >= 2 * 4_999 * 5)
        #expect(library.cellsWrittenDirectly == 0)
        let files = try ["direct.xlsx", "library.xlsx"].map { try Data(contentsOf: URL(fileURLWithPath: scratch.file($0))) }
        #expect(files[0].count > 50_000)
        #expect((files[0] == files[1]) as Bool)
        let sheet = try #require(try XLSXPackage(path: scratch.file("direct.xlsx")).parts["xl/worksheets/sheet2.xml"])
        let xml = String(decoding: sheet, as: UTF8.self)
        #expect(xml.contains(#"<t xml:space="preserve"> leading 1</t>"#))
        #expect(xml.contains("<t>x &gt; y &amp; z &lt; w 6</t>"))
        #expect(xml.contains(#"<row r="8" ht="45" customHeight="1">"#))
        // Set for the writing only: afterwards this thread's calls go to libxlsxwriter again.
        let before = pathway_xlsx_cells_written_directly()
        _ = try Self.write(scratch.file("again.xlsx"), direct: false)
        #expect(pathway_xlsx_cells_written_directly() == before)
    }

    /// (The SampleData golden test checks that the sample's dashboard.xlsx is the file libxlsxwriter wrote.)
    @Test("dashboard.xlsx is written with direct cells")
    func dashboard() throws {
        #expect(XLSXRenderer.directCells)
        let before = pathway_xlsx_cells_written_directly()
        let scratch = try ScratchDirectory()
        let dashboard = try DashboardFixture.small()
        _ = try XLSXRendererTests.rendered(dashboard, in: scratch)
        #expect(pathway_xlsx_cells_written_directly() - before > 100)
    }
}
