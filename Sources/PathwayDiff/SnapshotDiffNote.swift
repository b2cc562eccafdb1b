/// An informational difference that never fails the comparison: `as_of`, `window`,
/// `findings.errors`, `findings.warnings`, or a KPI whose `kind` changed.
public struct SnapshotDiffNote: Sendable, Equatable {
    /// What differs, e.g. `as_of`, `findings.errors`, `contacts.kind`.
    public let field: String
    /// The base snapshot's value as display text; nil when the field is absent.
    public let base: String?
    /// The new snapshot's value as display text; nil when the field is absent.
    public let new: String?

    public init(field: String, base: String?, new: String?) {
        self.field = field
        self.base = base
        self.new = new
    }
}
