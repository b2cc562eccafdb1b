/// Each id's slot: 0, 1, 2, … in the order the ids are first inserted. The link stage's indexes use
/// it: each child's referral days (`ReferralDays`) and conferences (`ConferenceChains`) by child id,
/// and the enquiries by s47_id.
///
/// Ids of the shape of the first one inserted (`IDShape`: a prefix and a fixed number of digits, such
/// as CH000001) are their number, so their slot is read from an array by that number; any other id goes
/// into a `TextTable`. Either way an id has one slot, and the slots are numbered in the same order.
/// Why: at 1M children the referral index hashed 400,000 child ids into a 19 MB table (zeroed first),
/// and each insert waited on a cache miss; the index took 0.05 s on one core while the other core,
/// done with the rest of the link stage, waited for it.
struct IDSlots: Sendable {
    private var shape: IDShape?
    /// By number: the slot plus one, 0 for none. Grows (doubling) to the largest number inserted.
    private var byNumber: [Int32] = []
    /// Numbers at or above this go into `others` instead, so that an id such as CH999999999 does not
    /// make the array take gigabytes.
    private let limit: Int
    /// Any other ids; made for `expectedCount` ids when the first one comes (most runs have none).
    private var others: TextTable?
    private let expectedCount: Int
    private(set) var count = 0

    /// `expectedCount`: about how many ids. The array takes numbers up to 8 times that (at least 2^20).
    init(expectedCount: Int) {
        limit = min(max(1 << 20, expectedCount &* 8), 1 << 30)
        self.expectedCount = expectedCount
    }

    /// The id's slot, and whether it is new (then it is `count - 1`).
    mutating func insert(_ id: ExactText) -> (slot: Int, inserted: Bool) {
        if count == 0 && shape == nil { shape = IDShape(of: id) }
        if let number = number(of: id) {
            if number >= byNumber.count {
                let size = min(max(number + 1, byNumber.count * 2, 1024), limit)
                byNumber.append(contentsOf: repeatElement(0, count: size - byNumber.count))
            }
            let stored = byNumber[number]
            if stored != 0 { return (Int(stored) - 1, false) }
            byNumber[number] = Int32(count + 1)
        } else {
            if others == nil { others = TextTable(minimumCapacity: expectedCount) }
            let (found, inserted) = others!.insert(id, value: Int32(count))
            if !inserted { return (Int(found), false) }
        }
        count += 1
        return (count - 1, true)
    }

    /// The id's slot, nil when it was never inserted.
    func slot(of id: ExactText) -> Int? {
        guard let number = number(of: id) else { return others?.value(for: id).map(Int.init) }
        guard number < byNumber.count else { return nil }
        let stored = byNumber[number]
        return stored == 0 ? nil : Int(stored) - 1
    }

    @inline(__always)
    private func number(of id: ExactText) -> Int? {
        shape?.number(of: id, below: limit)
    }
}
