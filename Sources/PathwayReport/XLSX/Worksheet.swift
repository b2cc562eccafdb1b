#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CXlsxWriter
import PathwayCore

/// One worksheet of a `Workbook`. Every call checks libxlsxwriter's return code and throws an
/// `XLSXError` naming this sheet and the cell at fault. Rows and columns are 0-based.
///
/// Text is always written as a string cell (never a formula, whatever it starts with). The sheet remembers
/// how wide its written values are, so `fitColumns` can size the columns (libxlsxwriter 1.1.4 cannot).
public final class Worksheet {
    public let name: String
    let pointer: UnsafeMutablePointer<lxw_worksheet>
    let workbook: Workbook
    /// Widest value written per column, in character units (0: nothing measured), indexed by column.
    @exclusivity(unchecked) private var measured: [Double] = []
    /// Columns given a width explicitly: `fitColumns` leaves them alone.
    private var fixedColumns: Set<Int> = []
    /// Every column width set so far (explicitly or by `fitColumns`), in character units.
    private var columnWidths: [Int: Double] = [:]
    /// Row heights set explicitly, in points.
    private var rowHeights: [Int: Double] = [:]
    /// Wrapped text per row, to size the row once column widths are known (LibreOffice does not).
    private var wrappedText: [Int: [(column: Int, text: String, characterWidth: Double)]] = [:]
    /// Whether rows go out as they are written (`Workbook.addWorksheet(_:streamed:)`).
    public let isStreamed: Bool
    /// A streamed sheet's row being written: rows above it are final.
    @exclusivity(unchecked) private var streamRow = 0
    /// Inside `measuring`: writes measure their values and write nothing.
    @exclusivity(unchecked) private var measuringOnly = false

    /// Excel's default column width and row height.
    public static let defaultColumnWidth = 8.43
    public static let defaultRowHeight = 15.0

    init(name: String, pointer: UnsafeMutablePointer<lxw_worksheet>, workbook: Workbook, streamed: Bool = false) {
        self.name = name
        self.pointer = pointer
        self.workbook = workbook
        self.isStreamed = streamed
    }

    /// Runs `body` with every cell write (text, numbers, dates, blanks) measuring its value for
    /// `fitColumns` and writing nothing, so that a streamed sheet can size its columns and header rows
    /// before the rows below them are written. Positions are checked as in a real write; merges are
    /// skipped (they widen nothing); wrapped text is not recorded, so rows written only here get no
    /// height from `fitColumns`. Anything else (row heights, filters) is not a cell write and is applied.
    public func measuring(_ body: (Worksheet) throws(XLSXError) -> Void) throws(XLSXError) {
        measuringOnly = true
        defer { measuringOnly = false }
        try body(self)
    }

    // MARK: Cells

    /// Writes text as a string cell, whatever it starts with (`=`, `+`, `-`, `@` stay text). Longer than
    /// Excel's 32,767 characters is cut with a closing `…`; NULs are dropped.
    public func write(_ text: String, row: Int, column: Int, style: CellStyle = .text) throws(XLSXError) {
        let (r, c, format) = try prepare("worksheet_write_string", row, column, style)
        let (safe, width) = CellText.safeWithWidth(text, style: style)
        if style.fitsColumn { measure(column, width) }
        if measuringOnly { return }
        let code = safe.withCString { worksheet_write_string(pointer, r, c, $0, format) }
        try check(code, "worksheet_write_string", row, column)
        switch style {
        case .wrap: wrappedText[row, default: []].append((column, safe, 0.95))
        case .header, .headerNumber: wrappedText[row, default: []].append((column, safe, 0.85))
        default: break
        }
    }

    /// Writes a number. NaN and infinities are refused (Excel cannot store them).
    public func write(number: Double, row: Int, column: Int, style: CellStyle) throws(XLSXError) {
        guard number.isFinite else {
            throw XLSXError(.notFinite(number), operation: "worksheet_write_number", sheet: name,
                            cell: CellReference.name(row: row, column: column))
        }
        let (r, c, format) = try prepare("worksheet_write_number", row, column, style)
        if measuringOnly { return }
        try check(worksheet_write_number(pointer, r, c, number, format), "worksheet_write_number", row, column)
    }

    /// Writes a count as a whole number with thousands separators.
    public func write(integer: Int, row: Int, column: Int, style: CellStyle = .integer) throws(XLSXError) {
        try write(number: Double(integer), row: row, column: column, style: style)
        var digits = 1, rest = integer.magnitude
        while rest >= 10 { rest /= 10; digits += 1 }
        measure(column, Double(digits + (digits - 1) / 3 + (integer < 0 ? 1 : 0)))
    }

    /// Writes a percentage held in tenths (81.7) as the number 0.817 shown `81.7%`; nil writes `missing`
    /// text (or a blank cell, when `missing` is nil, so charts show a gap).
    public func write(percent value: OneDecimal?, row: Int, column: Int, missing: String? = "no data") throws(XLSXError) {
        guard let value else {
            if let missing {
                try write(missing, row: row, column: column, style: .missing)
            } else {
                try writeBlank(row: row, column: column, style: .percent)
            }
            return
        }
        try write(number: Double(value.tenths) / 1000, row: row, column: column, style: .percent)
        measure(column, Double(value.description.count + 1))
    }

    /// Writes a day as an Excel date (`dd/mm/yyyy`). Days Excel cannot show as dates (before March 1900)
    /// are written as `YYYY-MM-DD` text rather than as a wrong date.
    public func write(date day: Day?, row: Int, column: Int, style: CellStyle = .date) throws(XLSXError) {
        guard let day else {
            try writeBlank(row: row, column: column, style: style)
            return
        }
        guard let serial = ExcelDate.serial(day) else {
            try write(day.description, row: row, column: column, style: style == .dateLabel ? .label : .text)
            return
        }
        try write(number: serial, row: row, column: column, style: style)
        measure(column, 10)
    }

    /// A formatted empty cell (borders, fills).
    public func writeBlank(row: Int, column: Int, style: CellStyle) throws(XLSXError) {
        let (r, c, format) = try prepare("worksheet_write_blank", row, column, style)
        if measuringOnly { return }
        try check(worksheet_write_blank(pointer, r, c, format), "worksheet_write_blank", row, column)
    }

    // MARK: Rows, columns and ranges

    /// Sets a column's width in character units; `fitColumns` then leaves it alone.
    public func setColumn(_ column: Int, width: Double, style: CellStyle? = nil) throws(XLSXError) {
        try setColumns(column...column, width: width, style: style)
    }

    public func setColumns(_ columns: ClosedRange<Int>, width: Double, style: CellStyle? = nil) throws(XLSXError) {
        try workbook.ensureOpen("worksheet_set_column", sheet: name)
        let first = try columnIndex(columns.lowerBound, "worksheet_set_column", row: 0)
        let last = try columnIndex(columns.upperBound, "worksheet_set_column", row: 0)
        let format = try style.map { style throws(XLSXError) in try workbook.format(style, sheet: name) }
        let code = worksheet_set_column(pointer, first, last, width, format)
        try XLSXError.check(code, "worksheet_set_column", sheet: name,
                            cell: CellReference.columnName(columns.lowerBound) + ":" + CellReference.columnName(columns.upperBound))
        fixedColumns.formUnion(columns)
        for column in columns { columnWidths[column] = width }
    }

    /// Sizes every measured column that was not set explicitly to fit its widest value, within limits,
    /// then makes rows with wrapped text tall enough for it.
    public func fitColumns(minimum: Double = 6, maximum: Double = 60, padding: Double = 2) throws(XLSXError) {
        try workbook.ensureOpen("worksheet_set_column", sheet: name)
        for column in measured.indices where measured[column] > 0 && !fixedColumns.contains(column) {
            let width = min(max(measured[column] + padding, minimum), maximum)
            let c = try columnIndex(column, "worksheet_set_column", row: 0)
            try XLSXError.check(worksheet_set_column(pointer, c, c, width, nil), "worksheet_set_column",
                                sheet: name, cell: CellReference.columnName(column))
            columnWidths[column] = width
        }
        for row in wrappedText.keys.sorted() {
            var lines = 1
            for (column, text, characterWidth) in wrappedText[row]! {
                lines = max(lines, CellText.lines(text, width: columnWidth(column) - 0.5, characterWidth: characterWidth))
            }
            let height = Double(lines) * Worksheet.defaultRowHeight + 1
            if lines > 1, height > rowHeights[row] ?? Worksheet.defaultRowHeight {
                try setRow(row, height: height)
            }
        }
    }

    /// A column's width in character units (Excel's default when never set).
    public func columnWidth(_ column: Int) -> Double { columnWidths[column] ?? Worksheet.defaultColumnWidth }

    /// A row's height in points (Excel's default when never set).
    public func rowHeight(_ row: Int) -> Double { rowHeights[row] ?? Worksheet.defaultRowHeight }

    /// Starts a new printed page at each of these rows.
    public func setPageBreaks(before rows: [Int]) throws(XLSXError) {
        guard !rows.isEmpty else { return }
        try workbook.ensureOpen("worksheet_set_h_pagebreaks", sheet: name)
        var breaks: [lxw_row_t] = []
        for row in rows.sorted() where row > 0 {
            breaks.append(try rowIndex(row, "worksheet_set_h_pagebreaks", column: 0))
        }
        breaks.append(0) // the C array ends with 0
        let code = breaks.withUnsafeMutableBufferPointer { worksheet_set_h_pagebreaks(pointer, $0.baseAddress) }
        try XLSXError.check(code, "worksheet_set_h_pagebreaks", sheet: name)
    }

    /// Sets a row's height in points.
    public func setRow(_ row: Int, height: Double) throws(XLSXError) {
        try workbook.ensureOpen("worksheet_set_row", sheet: name)
        let r = try rowIndex(row, "worksheet_set_row", column: 0)
        try checkStreamOrder(row, "worksheet_set_row", cell: String(row + 1) + ":" + String(row + 1))
        try XLSXError.check(worksheet_set_row(pointer, r, height, nil), "worksheet_set_row",
                            sheet: name, cell: String(row + 1) + ":" + String(row + 1))
        rowHeights[row] = height
    }

    /// Merges a range and writes text into it (the text is a string, never a formula).
    public func merge(_ text: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int,
                      style: CellStyle) throws(XLSXError) {
        let (r1, c1, format) = try prepare("worksheet_merge_range", firstRow, firstColumn, style)
        let r2 = try rowIndex(lastRow, "worksheet_merge_range", column: lastColumn)
        let c2 = try columnIndex(lastColumn, "worksheet_merge_range", row: lastRow)
        if measuringOnly { return } // a merged range does not widen its columns
        // The range's other cells are written too, down to its last row.
        try checkStreamOrder(lastRow, "worksheet_merge_range", cell: CellReference.name(row: lastRow, column: lastColumn))
        let safe = CellText.safe(text)
        let code = safe.withCString { worksheet_merge_range(pointer, r1, c1, r2, c2, $0, format) }
        try XLSXError.check(code, "worksheet_merge_range", sheet: name,
                            cell: CellReference.range(firstRow: firstRow, firstColumn: firstColumn,
                                                      lastRow: lastRow, lastColumn: lastColumn))
    }

    /// Freezes the rows above `row` and the columns left of `column`.
    public func freezePanes(row: Int, column: Int) throws(XLSXError) {
        let r = try rowIndex(row, "worksheet_freeze_panes", column: column)
        let c = try columnIndex(column, "worksheet_freeze_panes", row: row)
        try workbook.ensureOpen("worksheet_freeze_panes", sheet: name)
        worksheet_freeze_panes(pointer, r, c)
    }

    /// Adds filter buttons to a table's header row (one autofilter per sheet, Excel's rule).
    public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws(XLSXError) {
        let (r1, c1, r2, c2) = try range("worksheet_autofilter", firstRow, firstColumn, lastRow, lastColumn)
        try XLSXError.check(worksheet_autofilter(pointer, r1, c1, r2, c2), "worksheet_autofilter", sheet: name,
                            cell: CellReference.range(firstRow: firstRow, firstColumn: firstColumn,
                                                      lastRow: lastRow, lastColumn: lastColumn))
    }

    /// Colours cells of a range whose text contains `text` (case-insensitive, as Excel's SEARCH) with a style.
    public func highlight(containing text: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int,
                          style: CellStyle) throws(XLSXError) {
        let (r1, c1, r2, c2) = try range("worksheet_conditional_format_range", firstRow, firstColumn, lastRow, lastColumn)
        let format = try workbook.format(style, sheet: name)
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_TEXT.rawValue)
        rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_TEXT_CONTAINING.rawValue)
        let value = strdup(text)
        defer { free(value) }
        rule.value_string = value
        rule.format = format
        let code = worksheet_conditional_format_range(pointer, r1, c1, r2, c2, &rule)
        try XLSXError.check(code, "worksheet_conditional_format_range", sheet: name,
                            cell: CellReference.range(firstRow: firstRow, firstColumn: firstColumn,
                                                      lastRow: lastRow, lastColumn: lastColumn))
    }

    /// Places a chart with its top-left corner in a cell, shifted by offsets in pixels.
    public func insert(_ chart: Chart, row: Int, column: Int, xOffset: Int = 0, yOffset: Int = 0,
                       width: Int = 480, height: Int = 288) throws(XLSXError) {
        let r = try rowIndex(row, "worksheet_insert_chart_opt", column: column)
        let c = try columnIndex(column, "worksheet_insert_chart_opt", row: row)
        try workbook.ensureOpen("worksheet_insert_chart_opt", sheet: name)
        var options = lxw_chart_options()
        options.x_offset = Int32(clamping: xOffset)
        options.y_offset = Int32(clamping: yOffset)
        options.x_scale = Double(width) / 480
        options.y_scale = Double(height) / 288
        let code = worksheet_insert_chart_opt(pointer, r, c, chart.pointer, &options)
        try check(code, "worksheet_insert_chart_opt", row, column)
    }

    // MARK: Page setup

    /// Landscape A4, fitted to one page wide, `repeatRows` printed on every page, and a footer with the
    /// sheet name and page numbers.
    public func setUpPrinting(landscape: Bool = true, repeatRows: ClosedRange<Int>? = nil, footer: String) throws(XLSXError) {
        try workbook.ensureOpen("page setup", sheet: name)
        if landscape { worksheet_set_landscape(pointer) } else { worksheet_set_portrait(pointer) }
        worksheet_set_paper(pointer, 9) // A4
        worksheet_fit_to_pages(pointer, 1, 0)
        worksheet_set_margins(pointer, 0.4, 0.4, 0.5, 0.6)
        if let repeatRows {
            let first = try rowIndex(repeatRows.lowerBound, "worksheet_repeat_rows", column: 0)
            let last = try rowIndex(repeatRows.upperBound, "worksheet_repeat_rows", column: 0)
            try XLSXError.check(worksheet_repeat_rows(pointer, first, last), "worksheet_repeat_rows", sheet: name,
                                cell: "\(repeatRows.lowerBound + 1):\(repeatRows.upperBound + 1)")
        }
        let code = footer.withCString { worksheet_set_footer(pointer, $0) }
        try XLSXError.check(code, "worksheet_set_footer", sheet: name)
    }

    /// Makes this the sheet shown when the file opens.
    public func activate() throws(XLSXError) {
        try workbook.ensureOpen("worksheet_activate", sheet: name)
        worksheet_activate(pointer)
    }

    public func setTabColour(_ colour: UInt32) throws(XLSXError) {
        try workbook.ensureOpen("worksheet_set_tab_color", sheet: name)
        worksheet_set_tab_color(pointer, colour)
    }

    // MARK: Checks

    private func prepare(_ operation: String, _ row: Int, _ column: Int,
                         _ style: CellStyle) throws(XLSXError) -> (lxw_row_t, lxw_col_t, UnsafeMutablePointer<lxw_format>) {
        try workbook.ensureOpen(operation, sheet: name)
        let r = try rowIndex(row, operation, column: column)
        let c = try columnIndex(column, operation, row: row)
        if !measuringOnly { try checkStreamOrder(row, operation, cell: CellReference.name(row: row, column: column)) }
        return (r, c, try workbook.format(style, sheet: name))
    }

    /// On a streamed sheet, a row above the one being written is final: refuse it here with a reason,
    /// rather than pass it to libxlsxwriter (which says only "index out of range").
    private func checkStreamOrder(_ row: Int, _ operation: String, cell: @autoclosure () -> String) throws(XLSXError) {
        guard isStreamed else { return }
        guard row >= streamRow else {
            throw XLSXError(.rowAlreadyStreamed(current: streamRow + 1), operation: operation, sheet: name, cell: cell())
        }
        streamRow = row
    }

    private func range(_ operation: String, _ firstRow: Int, _ firstColumn: Int, _ lastRow: Int,
                       _ lastColumn: Int) throws(XLSXError) -> (lxw_row_t, lxw_col_t, lxw_row_t, lxw_col_t) {
        try workbook.ensureOpen(operation, sheet: name)
        return (try rowIndex(firstRow, operation, column: firstColumn),
                try columnIndex(firstColumn, operation, row: firstRow),
                try rowIndex(lastRow, operation, column: lastColumn),
                try columnIndex(lastColumn, operation, row: lastRow))
    }

    /// Rows libxlsxwriter's type can hold go to C (which checks Excel's 1,048,576-row limit itself).
    private func rowIndex(_ row: Int, _ operation: String, column: Int) throws(XLSXError) -> lxw_row_t {
        guard let r = lxw_row_t(exactly: row) else {
            throw XLSXError(.positionOutOfRange, operation: operation, sheet: name,
                            cell: CellReference.name(row: row, column: column))
        }
        return r
    }

    private func columnIndex(_ column: Int, _ operation: String, row: Int) throws(XLSXError) -> lxw_col_t {
        guard let c = lxw_col_t(exactly: column) else {
            throw XLSXError(.positionOutOfRange, operation: operation, sheet: name,
                            cell: CellReference.name(row: row, column: column))
        }
        return c
    }

    private func check(_ code: lxw_error, _ operation: String, _ row: Int, _ column: Int) throws(XLSXError) {
        try XLSXError.check(code, operation, sheet: name, cell: CellReference.name(row: row, column: column))
    }

    /// Columns are checked by `prepare` before any value is measured, so `column` is 0...16,383.
    private func measure(_ column: Int, _ width: Double) {
        guard width > 0 else { return }
        if column >= measured.count { measured += repeatElement(0, count: column + 1 - measured.count) }
        if width > measured[column] { measured[column] = width }
    }
}
