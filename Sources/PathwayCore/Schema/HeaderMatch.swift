/// Where each canonical column of a schema sits in a file's header row.
public struct HeaderMatch<Column: SchemaColumn>: Sendable {
    /// File position of each column, indexed like `Column.allCases`; nil when absent.
    public let positions: [Int?]
    /// `domain_<name>` columns (audits only): the normalised heading and its position.
    public let domainColumns: [(name: String, position: Int)]
    /// The header's field count; every record must have the same.
    public let fieldCount: Int
    /// Canonical name (or domain heading) of the column at each file position, nil for ignored columns.
    public let columnNames: [String?]
    /// Warnings about the header (two headings mapping to one column).
    public let findings: [Finding]

    public init(headings: [String], file: String, line: Int) throws(SchemaError) {
        // `position(of:)` reads `positions` by ordinal without a bounds check.
        precondition(Column.allCases.enumerated().allSatisfy { $0.offset == $0.element.ordinal },
                     "a schema's columns are numbered in the order of allCases")
        var lookup: [String: Int] = [:]
        for (ordinal, column) in Column.allCases.enumerated() {
            for heading in column.spec.acceptedHeadings { lookup[HeaderText.normalize(heading)] = ordinal }
        }
        var positions = [Int?](repeating: nil, count: Column.allCases.count)
        var names = [String?](repeating: nil, count: headings.count)
        var domains: [(String, Int)] = []
        var seenDomains: Set<String> = []
        var findings: [Finding] = []
        for (position, heading) in headings.enumerated() {
            let normalized = HeaderText.normalize(heading)
            if let ordinal = lookup[normalized] {
                let name = Column.allCases[ordinal].spec.name
                if let first = positions[ordinal] {
                    findings.append(Finding(
                        file: file, line: line, column: heading, rule: .duplicateColumn,
                        message: "the heading '\(heading)' maps to '\(name)' like the heading in column \(first + 1); column \(first + 1) is used",
                        value: heading, columnPosition: position))
                } else {
                    positions[ordinal] = position
                    names[position] = name
                }
            } else if Column.acceptsDomainColumns, normalized.hasPrefix(AuditColumn.domainPrefix),
                      normalized.count > AuditColumn.domainPrefix.count {
                if seenDomains.insert(normalized).inserted {
                    domains.append((normalized, position))
                    names[position] = normalized
                } else {
                    findings.append(Finding(
                        file: file, line: line, column: heading, rule: .duplicateColumn,
                        message: "the heading '\(heading)' repeats an earlier domain column; the leftmost is used",
                        value: heading, columnPosition: position))
                }
            }
        }
        for (ordinal, column) in Column.allCases.enumerated() where column.spec.required && positions[ordinal] == nil {
            throw .missingRequiredColumn(file: file, column: column.spec.name,
                                         acceptedHeadings: column.spec.acceptedHeadings)
        }
        self.positions = positions
        self.domainColumns = domains
        self.fieldCount = headings.count
        self.columnNames = names
        self.findings = findings
    }

    /// Read without a bounds check (`init` checked that every column's ordinal indexes `positions`):
    /// `RowDecoder.field` asks for every field of every row.
    @inline(__always)
    public func position(of column: Column) -> Int? {
        positions.withUnsafeBufferPointer { $0[column.ordinal] }
    }
}
