/// One choice of a mix and its relative weight (weights need not add up to 1).
public struct SampleWeighted<Value: Sendable>: Sendable {
    public var value: Value
    public var weight: Double

    public init(_ value: Value, _ weight: Double) {
        self.value = value
        self.weight = weight
    }
}
