/// A small cache from a field's raw bytes to a computed value, for columns with few distinct values
/// (codes, yes/no, sources, teams): a hit costs a byte comparison instead of a String and its
/// normalisation. Holds at most `limit` entries; beyond that, values are computed every time.
public struct ByteKeyCache<Value>: Sendable where Value: Sendable {
    public static var limit: Int { 64 }

    private var keys: [[UInt8]] = []
    private var values: [Value] = []

    public init() {}

    @inline(__always)
    public mutating func value(for bytes: UnsafeBufferPointer<UInt8>, compute: () -> Value) -> Value {
        let count = bytes.count
        for index in keys.indices where keys[index].count == count {
            let same = keys[index].withUnsafeBufferPointer { key in
                var i = 0
                while i < count, key[i] == bytes[i] { i += 1 }
                return i == count
            }
            if same { return values[index] }
        }
        let value = compute()
        if keys.count < Self.limit {
            keys.append(Array(bytes))
            values.append(value)
        }
        return value
    }
}
