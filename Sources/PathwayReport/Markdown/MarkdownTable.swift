/// A GFM pipe table whose columns are padded to a common width, so it reads as a grid in plain text too.
/// Cells are Markdown already (escape data with `MarkdownText.escape` before adding it); a cell never
/// holds an unescaped `|` or a line break.
struct MarkdownTable {
    enum Alignment {
        case left, right
    }

    struct Column {
        let header: String
        let alignment: Alignment
    }

    let columns: [Column]
    private(set) var rows: [[String]] = []

    init(_ columns: [Column]) {
        self.columns = columns
    }

    init(_ headers: [(String, Alignment)]) {
        self.init(headers.map { Column(header: $0.0, alignment: $0.1) })
    }

    mutating func add(_ cells: [String]) {
        precondition(cells.count == columns.count, "a table row has one cell per column")
        rows.append(cells)
    }

    /// The table's lines, each ending in a line break.
    func render() -> String {
        var widths = columns.map { max(3, MarkdownTable.width($0.header)) }
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], MarkdownTable.width(cell)) }
        }
        var out = line(columns.map(\.header), widths: widths)
        out += "|" + columns.indices.map { i -> String in
            let dashes = String(repeating: "-", count: widths[i])
            return " " + (columns[i].alignment == .right ? String(dashes.dropLast()) + ":" : dashes) + " "
        }.joined(separator: "|") + "|\n"
        for row in rows { out += line(row, widths: widths) }
        return out
    }

    private func line(_ cells: [String], widths: [Int]) -> String {
        "|" + cells.indices.map { i -> String in
            let padding = String(repeating: " ", count: widths[i] - MarkdownTable.width(cells[i]))
            return " " + (columns[i].alignment == .right ? padding + cells[i] : cells[i] + padding) + " "
        }.joined(separator: "|") + "|\n"
    }

    /// Approximate width in a monospaced terminal: emoji shown as pictures take two columns, everything
    /// else one. Only alignment in plain text depends on it; rendered Markdown ignores padding.
    static func width(_ text: String) -> Int {
        text.reduce(0) { total, character in
            let wide = character.unicodeScalars.first.map { $0.properties.isEmojiPresentation } ?? false
            return total + (wide ? 2 : 1)
        }
    }
}
