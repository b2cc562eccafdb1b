/// A contact source as a CIN census–like code and label (e.g. `6` "Police").
public struct SampleSource: Sendable, Hashable {
    /// The label written to contacts.csv's `source` column.
    public var label: String
    /// The CIN census code; messy exports sometimes write `code: label`.
    public var cinCode: String
    /// A professional referrer, who can send a written MARF (individuals and anonymous callers cannot).
    public var isProfessional: Bool

    public init(_ label: String, cinCode: String, isProfessional: Bool = true) {
        self.label = label
        self.cinCode = cinCode
        self.isProfessional = isProfessional
    }
}
