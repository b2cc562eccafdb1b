/// The messages of the violated invariants of one check, in the order found (empty: all held). The fuzz
/// harnesses trap on a non-empty list, the tests `#expect` it to be empty.
struct Problems {
    private(set) var messages: [String] = []

    /// Records `message` when `condition` is false.
    mutating func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { messages.append(message()) }
    }

    mutating func fail(_ message: String) {
        messages.append(message)
    }

    mutating func add(_ other: [String]) {
        messages += other
    }
}
