/// One canonical column: its name, whether it is required, and the other headings accepted for it.
public struct ColumnSpec: Sendable, Hashable {
    public let name: String
    public let required: Bool
    public let aliases: [String]

    public init(_ name: String, required: Bool = false, aliases: [String] = []) {
        self.name = name
        self.required = required
        self.aliases = aliases
    }

    /// Every heading accepted for this column, canonical name first.
    public var acceptedHeadings: [String] { [name] + aliases }
}

/// A file's columns as an enum whose cases are in the schema's order; the raw value is the case's
/// position (0, 1, 2, ...).
public protocol SchemaColumn: CaseIterable, Hashable, Sendable, RawRepresentable where AllCases == [Self], RawValue == Int {
    static var file: InputFile { get }
    var spec: ColumnSpec { get }
    /// The column holding the record's unique id.
    static var idColumn: Self { get }
    /// Whether `domain_*` columns are read (audits only).
    static var acceptsDomainColumns: Bool { get }
}

extension SchemaColumn {
    public static var acceptsDomainColumns: Bool { false }
    /// Index of the case in `allCases`.
    @inline(__always)
    var ordinal: Int { rawValue }
}
