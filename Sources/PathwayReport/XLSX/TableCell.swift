import PathwayCore

/// One value of a dashboard table, with the type that decides how it is written: text as a string cell,
/// counts as whole numbers, rates as percentages, days as Excel dates.
enum TableCell {
    case text(String)
    case bold(String)
    /// Identifiers and hashes (fixed-pitch).
    case code(String)
    /// Long text that wraps.
    case wrap(String)
    case integer(Int?)
    /// A rate; nil shows `no data` unless `blankWhenMissing`.
    case percent(OneDecimal?, blankWhenMissing: Bool = false)
    case date(Day?)
    /// Text in a particular style (the RAG word, the trend).
    case styled(String, CellStyle)
    case blank
}

extension Worksheet {
    func write(_ cell: TableCell, row: Int, column: Int) throws(XLSXError) {
        switch cell {
        case let .text(text): try write(text, row: row, column: column, style: .text)
        case let .bold(text): try write(text, row: row, column: column, style: .textBold)
        case let .code(text): try write(text, row: row, column: column, style: .code)
        case let .wrap(text): try write(text, row: row, column: column, style: .wrap)
        case let .integer(value):
            if let value {
                try write(integer: value, row: row, column: column)
            } else {
                try writeBlank(row: row, column: column, style: .integer)
            }
        case let .percent(value, blankWhenMissing):
            try write(percent: value, row: row, column: column, missing: blankWhenMissing ? nil : "no data")
        case let .date(day): try write(date: day, row: row, column: column)
        case let .styled(text, style): try write(text, row: row, column: column, style: style)
        case .blank: try writeBlank(row: row, column: column, style: .text)
        }
    }

    /// Writes a row of cells from `column` on.
    func write(row cells: [TableCell], at row: Int, from column: Int = 0) throws(XLSXError) {
        for (offset, cell) in cells.enumerated() {
            try write(cell, row: row, column: column + offset)
        }
    }

    /// Writes a header row; `numeric` columns (offsets from `column`) are right-aligned over their numbers.
    func writeHeader(_ titles: [String], at row: Int, from column: Int = 0, numeric: Set<Int> = []) throws(XLSXError) {
        for (offset, title) in titles.enumerated() {
            try write(title, row: row, column: column + offset, style: numeric.contains(offset) ? .headerNumber : .header)
        }
    }
}
