import PathwayCore

/// A string compared, hashed and ordered by its Unicode scalars (code points), never by Swift's
/// canonical equivalence: teams, months, KPI ids and JSON keys match only when they are the same
/// code points, and sort in code-point order on every platform (the order the SPEC uses for
/// `kpis`, `by_team` and sorted JSON keys).
struct CodePointString: Hashable, Comparable, Sendable {
    let value: String

    init(_ value: String) {
        self.value = value
    }

    static func == (lhs: CodePointString, rhs: CodePointString) -> Bool {
        lhs.value.unicodeScalars.elementsEqual(rhs.value.unicodeScalars)
    }

    static func < (lhs: CodePointString, rhs: CodePointString) -> Bool {
        precedes(lhs.value, rhs.value)
    }

    func hash(into hasher: inout Hasher) {
        for scalar in value.unicodeScalars {
            hasher.combine(scalar.value)
        }
        hasher.combine(UInt32.max)  // terminator, so concatenations do not collide by construction
    }

    /// Code-point order of two plain strings.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        CodePoint.less(lhs, rhs)
    }
}
