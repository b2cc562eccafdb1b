/// A worked example carried by a KPI declaration: a few records, an as_of date and the expected
/// headline figures. `KPICatalogueTests` runs every example of every KPI.
public struct KPIExample: Sendable {
    public let title: String
    public let asOf: Day
    public let cases: LinkedCases
    /// Expected headline: numerator, denominator, excluded (rates) or count in `count`.
    public let expected: Tally

    public init(_ title: String, asOf: String, contacts: [Contact] = [], enquiries: [Section47Enquiry] = [],
                conferences: [ChildProtectionConference] = [], audits: [CaseAudit] = [], expect expected: Tally) {
        self.title = title
        self.asOf = DateParser.parse(asOf)!
        self.cases = LinkedCases(contacts: contacts, enquiries: enquiries, conferences: conferences, audits: audits)
        self.expected = expected
    }

}

extension Tally {
    /// An expected rate: numerator, denominator, excluded.
    public static func fraction(_ numerator: Int, _ denominator: Int, excluded: Int = 0) -> Tally {
        Tally(numerator: numerator, denominator: denominator, excluded: excluded)
    }

    /// An expected count.
    public static func total(_ value: Int) -> Tally { Tally(count: value) }
}

/// Short date literals for examples: `d("2026-03-02")`.
public func d(_ text: String) -> Day {
    guard let day = DateParser.parse(text) else { preconditionFailure("bad example date \(text)") }
    return day
}
