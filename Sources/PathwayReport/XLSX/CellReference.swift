/// A1-style names of cells and ranges, for error messages and formulas (0-based row and column in).
enum CellReference {
    /// `0, 0` → `A1`; `6, 27` → `AB7`.
    static func name(row: Int, column: Int) -> String {
        columnName(column) + String(row + 1)
    }

    static func range(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) -> String {
        name(row: firstRow, column: firstColumn) + ":" + name(row: lastRow, column: lastColumn)
    }

    /// `0` → `A`, `25` → `Z`, `26` → `AA`. Negative columns are written as `#-1` (they only occur in errors).
    static func columnName(_ column: Int) -> String {
        guard column >= 0 else { return "#\(column)" }
        var n = column + 1
        var letters: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }
}
