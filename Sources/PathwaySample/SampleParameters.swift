import PathwayCore

/// The arguments of one sample: the same values always give byte-identical files.
public struct SampleParameters: Sendable {
    /// Children in the sample; each appears in contacts.csv at least once.
    public var children: Int
    public var seed: UInt64
    /// The run date the sample is drawn for: every date written is on or before it.
    public var asOf: Day
    /// Add what real exports contain (aliases, labels, other date formats, bad rows, ...).
    public var messy: Bool
    public var rates: SampleRates

    public init(children: Int, seed: UInt64, asOf: Day, messy: Bool = false, rates: SampleRates = .defaults) {
        self.children = children
        self.seed = seed
        self.asOf = asOf
        self.messy = messy
        self.rates = rates
    }
}
