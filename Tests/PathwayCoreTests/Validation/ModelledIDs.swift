@testable import PathwayCore

/// `AcceptedIDs` beside a plain set of the same ids, driven as the decoder drives it (check an id,
/// then add it if the row is accepted), for tests that compare the two.
struct ModelledIDs {
    var ids = AcceptedIDs()
    private(set) var model: Set<ExactText> = []

    /// `AcceptedIDs.contains`, and whether the set agrees (and `accepted`, which changes nothing).
    mutating func check(_ id: ExactText) -> (seen: Bool, agrees: Bool) {
        let before = ids.accepted(id)
        let seen = ids.contains(id)
        return (seen, seen == model.contains(id) && before == seen)
    }

    /// `AcceptedIDs.add` of an id found new, and the same in the set.
    mutating func accept(_ id: ExactText) {
        ids.add(id)
        model.insert(id)
    }
}

extension String {
    /// Zeros before the text up to `width` characters ("12" → "000012").
    func zeroPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
