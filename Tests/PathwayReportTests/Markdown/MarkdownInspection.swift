/// Reads back the structure of rendered Markdown for the tests: pipe tables and Mermaid blocks.
enum MarkdownInspection {
    struct Table {
        /// The header line and every row after the delimiter row, as written.
        let lines: [String]
        var header: [String] { MarkdownInspection.cells(lines[0]) }
        var rows: [[String]] { lines.dropFirst(2).map(MarkdownInspection.cells) }
    }

    /// The number of `|` not escaped by a backslash (an odd run of backslashes before it).
    static func unescapedPipes(_ line: String) -> Int {
        unescapedPipePositions(line).count
    }

    /// A table line's cells, split at unescaped pipes and trimmed.
    static func cells(_ line: String) -> [String] {
        let characters = Array(line)
        var cells: [String] = []
        var start = 0
        for position in unescapedPipePositions(line) {
            cells.append(String(characters[start..<position]))
            start = position + 1
        }
        cells.append(String(characters[start...]))
        // A row starts and ends with a pipe: drop the empty outer pieces.
        return Array(cells.dropFirst().dropLast()).map(trimmed)
    }

    /// Runs of consecutive lines starting with `|`, outside fenced code blocks.
    static func tables(_ text: String) -> [Table] {
        var tables: [Table] = []
        var current: [String] = []
        var inFence = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") { inFence.toggle() }
            if !inFence && line.hasPrefix("|") {
                current.append(line)
            } else if !current.isEmpty {
                tables.append(Table(lines: current))
                current = []
            }
        }
        if !current.isEmpty { tables.append(Table(lines: current)) }
        return tables
    }

    /// The lines inside each ```mermaid block.
    static func mermaidBlocks(_ text: String) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if current == nil {
                if line == "```mermaid" { current = [] }
            } else if line == "```" {
                blocks.append(current!)
                current = nil
            } else {
                current!.append(line)
            }
        }
        return blocks
    }

    /// The items of a Mermaid list such as `[83.3, 80.0]` or `["Apr 25", "May 25"]`: the text between
    /// the brackets split at commas outside double quotes.
    static func listItems(_ statement: String) -> [String]? {
        guard let open = statement.firstIndex(of: "["), let close = statement.lastIndex(of: "]") else { return nil }
        var items: [String] = []
        var item = ""
        var quoted = false
        for character in statement[statement.index(after: open)..<close] {
            if character == "\"" { quoted.toggle() }
            if character == "," && !quoted {
                items.append(trimmed(item))
                item = ""
            } else {
                item.append(character)
            }
        }
        items.append(trimmed(item))
        return items
    }

    static func trimmed(_ text: String) -> String {
        var rest = Substring(text)
        while rest.first == " " { rest.removeFirst() }
        while rest.last == " " { rest.removeLast() }
        return String(rest)
    }

    private static func unescapedPipePositions(_ line: String) -> [Int] {
        var positions: [Int] = []
        var backslashes = 0
        for (index, character) in line.enumerated() {
            if character == "|" && backslashes % 2 == 0 { positions.append(index) }
            backslashes = character == "\\" ? backslashes + 1 : 0
        }
        return positions
    }
}
