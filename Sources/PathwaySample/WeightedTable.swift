/// A mix ready for drawing: cumulative probabilities over the choices, in the order given.
struct WeightedTable<Value: Sendable>: Sendable {
    let values: [Value]
    /// cumulative[i] = P(choice ≤ i); the last entry is 1.
    private let cumulative: [Double]

    /// Nil when the mix is empty, a weight is negative or not finite, or every weight is 0.
    init?(_ mix: [SampleWeighted<Value>]) {
        guard !mix.isEmpty, mix.allSatisfy({ $0.weight.isFinite && $0.weight >= 0 }) else { return nil }
        var total = 0.0
        for choice in mix { total += choice.weight }
        guard total > 0 else { return nil }
        var running = 0.0
        var cumulative: [Double] = []
        for choice in mix {
            running += choice.weight
            cumulative.append(running / total)
        }
        cumulative[cumulative.count - 1] = 1
        self.values = mix.map(\.value)
        self.cumulative = cumulative
    }

    /// The probability of choice `index`.
    func probability(_ index: Int) -> Double {
        index == 0 ? cumulative[0] : cumulative[index] - cumulative[index - 1]
    }

    @inline(__always)
    func index(_ random: inout SampleRandom) -> Int {
        let u = random.unit()
        var i = 0
        while i < cumulative.count - 1, u >= cumulative[i] { i += 1 }
        return i
    }

    @inline(__always)
    func pick(_ random: inout SampleRandom) -> Value {
        values[index(&random)]
    }
}
