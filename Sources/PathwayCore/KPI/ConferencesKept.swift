/// What a fold keeps of conferences: every conference dated from the first day of any period
/// (`ReportingPeriods.scope.start`) on, whole, and of each child's earlier conferences only what a
/// later one can read (SPEC §4):
/// - the latest, by date and then the greatest conference_id in code-point order: the predecessor of a
///   review in the periods when nothing later comes before it (rcpc_on_time), and the child's row on
///   the reviews-due list when nothing later was held;
/// - the day of the first initial or transfer-in conference with outcome plan
///   (plans_second_or_subsequent reads whether one came before a plan in the periods).
///
/// Every conference KPI and list reads conferences in the periods and, through them, the child's
/// conferences before them: nothing else. So a run's conferences take memory for the periods and one
/// record per child, not for years of history. Only lower bounds are tested, as for contacts
/// (`ContactHorizon`): conferences dated after as_of are kept as recorded.
/// `KPIPropertyTests.foldedConferencesGiveTheSameFigures` checks, on random histories and several
/// as_of dates, that every KPI and list comes out the same from what is kept as from every conference.
public struct ConferencesKept: FoldKept {
    /// In file order: the conferences from the scope's start on, and each child's latest earlier one,
    /// in the place of the child's first earlier one.
    public private(set) var conferences: [ChildProtectionConference] = []
    /// Each child with a conference before the scope, in order of their first: where the latest of
    /// them is in `conferences`, and the day of their first plan.
    public private(set) var earlier: [Earlier] = []
    /// Child id → index in `earlier`.
    private var children = TextTable()

    public struct Earlier: Sendable, Equatable {
        public var index: Int32
        public var firstPlan: Day?
    }

    public init() {}

    public mutating func add(_ batch: UnsafeBufferPointer<ChildProtectionConference>, context: KPIContext) {
        guard let base = batch.baseAddress else { return }
        let from = context.periods.scope.start
        for index in batch.indices {
            if base[index].date >= from {
                conferences.append(base[index])
            } else {
                addEarlier(base + index, lineOffset: 0)
            }
        }
    }

    /// An earlier conference: a child's first takes the next place; a later one replaces it when it is
    /// later by date, then by conference_id (SPEC §4 rcpc_on_time's tie rule). Returns the child's
    /// index in `earlier`.
    @discardableResult
    private mutating func addEarlier(_ conference: UnsafePointer<ChildProtectionConference>, lineOffset: Int) -> Int {
        let day = conference.pointee.date
        let plan = ChildProtectionConference.madePlan(type: conference.pointee.type,
                                                      outcome: conference.pointee.outcome) ? day : nil
        let child = ExactText(conference.pointee.childID)
        let probe = children.probe(child)
        guard let known = probe.value.map(Int.init) else {
            children.insert(child, value: Int32(earlier.count), at: probe)
            earlier.append(Earlier(index: Int32(conferences.count), firstPlan: plan))
            conferences.append(conference.pointee)
            conferences[conferences.count - 1].line += lineOffset
            return earlier.count - 1
        }
        earlier[known].firstPlan = Self.first(earlier[known].firstPlan, plan)
        let held = Int(earlier[known].index)
        let heldDay = conferences[held].date
        if heldDay != day ? heldDay < day : CodePoint.less(conferences[held].id, conference.pointee.id) {
            conferences[held] = conference.pointee
            conferences[held].line += lineOffset
        }
        return known
    }

    private static func first(_ a: Day?, _ b: Day?) -> Day? {
        guard let a, let b else { return a ?? b }
        return min(a, b)
    }

    public mutating func merge(_ later: ConferencesKept, lineOffset: Int) {
        // The later part's earlier conferences, by their place in its `conferences`.
        var earlierAt = [Int32](repeating: -1, count: later.conferences.count)
        for (k, entry) in later.earlier.enumerated() { earlierAt[Int(entry.index)] = Int32(k) }
        conferences.reserveCapacity(conferences.count + later.conferences.count)
        later.conferences.withUnsafeBufferPointer { records in
            for index in records.indices {
                let k = Int(earlierAt[index])
                guard k >= 0 else {
                    conferences.append(records[index])
                    conferences[conferences.count - 1].line += lineOffset
                    continue
                }
                // The child's latest earlier conference in the later part, and its first plan there.
                let own = addEarlier(records.baseAddress! + index, lineOffset: lineOffset)
                earlier[own].firstPlan = Self.first(earlier[own].firstPlan, later.earlier[k].firstPlan)
            }
        }
    }

    /// The same conferences, lines and first plans (the table of children follows from them).
    public static func == (lhs: ConferencesKept, rhs: ConferencesKept) -> Bool {
        lhs.conferences == rhs.conferences && lhs.earlier == rhs.earlier
    }
}

extension ConferencesKept: CustomStringConvertible {
    /// Short, for test failures (the table of children would print every slot).
    public var description: String {
        "ConferencesKept(\(conferences.count) conferences, \(earlier.count) children with earlier ones, "
            + "lines \(conferences.map(\.line).reduce(0, &+)) in all, "
            + "\(earlier.compactMap(\.firstPlan).count) first plans)"
    }
}
