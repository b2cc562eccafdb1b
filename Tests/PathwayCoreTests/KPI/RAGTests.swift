import Testing
@testable import PathwayCore

/// SPEC §4: higher is better → green when value ≥ target, amber when value ≥ target − 5, else red; lower is
/// better mirrors it; neutral KPIs, KPIs without a target and null values have no RAG.
@Suite struct RAGTests {
    static let five = OneDecimal(tenths: 50)

    /// (polarity, value tenths, target tenths, expected)
    static let cases: [(Polarity, Int, Int, RAG?)] = [
        (.higherIsBetter, 1000, 950, .green),
        (.higherIsBetter, 950, 950, .green),    // boundary: equal to target
        (.higherIsBetter, 949, 950, .amber),
        (.higherIsBetter, 900, 950, .amber),    // boundary: target − 5
        (.higherIsBetter, 899, 950, .red),
        (.higherIsBetter, 0, 950, .red),
        (.higherIsBetter, 0, 0, .green),
        (.higherIsBetter, 817, 900, .red),      // the SPEC §5 example: 81.7 vs 90 is red
        (.lowerIsBetter, 0, 200, .green),
        (.lowerIsBetter, 200, 200, .green),     // boundary
        (.lowerIsBetter, 201, 200, .amber),
        (.lowerIsBetter, 250, 200, .amber),     // boundary: target + 5
        (.lowerIsBetter, 251, 200, .red),
        (.lowerIsBetter, 1000, 200, .red),
        (.lowerIsBetter, 50, 50, .green),
        (.lowerIsBetter, 100, 50, .amber),
        (.lowerIsBetter, 101, 50, .red),
        (.neutral, 500, 500, nil),
        (.neutral, 0, 1000, nil),
    ]

    @Test(arguments: cases)
    func rag(_ polarity: Polarity, _ value: Int, _ target: Int, _ expected: RAG?) {
        #expect(RAG.rate(value: OneDecimal(tenths: value), target: OneDecimal(tenths: target),
                         polarity: polarity, amberMargin: Self.five) == expected)
    }

    @Test(arguments: [Polarity.higherIsBetter, .lowerIsBetter, .neutral])
    func noTargetOrNoValueHasNoRAG(_ polarity: Polarity) {
        #expect(RAG.rate(value: nil, target: OneDecimal(tenths: 900), polarity: polarity, amberMargin: Self.five) == nil)
        #expect(RAG.rate(value: OneDecimal(tenths: 900), target: nil, polarity: polarity, amberMargin: Self.five) == nil)
        #expect(RAG.rate(value: nil, target: nil, polarity: polarity, amberMargin: Self.five) == nil)
    }

    @Test func configurableMargin() {
        let margin = OneDecimal(tenths: 25)
        #expect(RAG.rate(value: OneDecimal(tenths: 875), target: OneDecimal(tenths: 900),
                         polarity: .higherIsBetter, amberMargin: margin) == .amber)
        #expect(RAG.rate(value: OneDecimal(tenths: 874), target: OneDecimal(tenths: 900),
                         polarity: .higherIsBetter, amberMargin: margin) == .red)
        #expect(RAG.rate(value: OneDecimal(tenths: 225), target: OneDecimal(tenths: 200),
                         polarity: .lowerIsBetter, amberMargin: margin) == .amber)
        #expect(RAG.rate(value: OneDecimal(tenths: 226), target: OneDecimal(tenths: 200),
                         polarity: .lowerIsBetter, amberMargin: margin) == .red)
        #expect(RAG.rate(value: OneDecimal(tenths: 899), target: OneDecimal(tenths: 900),
                         polarity: .higherIsBetter, amberMargin: OneDecimal(tenths: 0)) == .red)
    }

    /// The engine applies the RAG to the rounded headline value and the configured target.
    @Test func engineRAG() throws {
        let context = TestCalendar.context(asOf: "2026-03-31")
        // contacts_marf: 9 of 10 = 90.0 against 90 → green; against an override of 95 → amber; 84 → red.
        let marf = (0..<10).map {
            Contact(id: "c\($0)", childID: "A", contactDate: d("2026-03-02"), marf: $0 < 9)
        }
        let cases = LinkedCases(contacts: marf, enquiries: [], conferences: [], audits: [])
        let kpi = try #require(KPICatalogue.definition("contacts_marf"))
        #expect(try KPIEngine().compute(kpi, cases, context: context).rag == .green)
        #expect(try KPIEngine(targetOverrides: ["contacts_marf": OneDecimal(95)]).compute(kpi, cases, context: context).rag == .amber)
        #expect(try KPIEngine(targetOverrides: ["contacts_marf": OneDecimal(95.1)]).compute(kpi, cases, context: context).rag == .red)
        #expect(try KPIEngine(targetOverrides: ["contacts_marf": OneDecimal(92)],
                              amberMargin: OneDecimal(1)).compute(kpi, cases, context: context).rag == .red)
        // An override that removes the target removes the RAG.
        let noTarget: [String: OneDecimal?] = ["contacts_marf": Optional<OneDecimal>.none]
        let none = try KPIEngine(targetOverrides: noTarget).compute(kpi, cases, context: context)
        #expect(none.target == nil && none.rag == nil)
        // Rounding: 1 of 8 inadequate = 12.5 vs target 5 (lower) → red; 2 of 33 = 6.1 → amber.
        let inadequate = try #require(KPICatalogue.definition("audits_inadequate"))
        func audits(_ bad: Int, of total: Int) -> LinkedCases {
            LinkedCases(contacts: [], enquiries: [], conferences: [], audits: (0..<total).map {
                CaseAudit(id: "a\($0)", childID: "A", date: d("2026-03-02"), grade: $0 < bad ? .inadequate : .good)
            })
        }
        #expect(try KPIEngine().compute(inadequate, audits(1, of: 8), context: context).rag == .red)
        #expect(try KPIEngine().compute(inadequate, audits(2, of: 33), context: context).rag == .amber)
        #expect(try KPIEngine().compute(inadequate, audits(1, of: 20), context: context).rag == .green)
        // The RAG uses the rounded value: 1899 of 2000 = 94.95 → 95.0, green against 95 (94.95 unrounded would be amber).
        let decision = try #require(KPICatalogue.definition("contact_decision_1wd"))
        let decided = LinkedCases(contacts: (0..<2000).map {
            Contact(id: "c\($0)", childID: "A", contactDate: d("2026-03-02"),
                    decisionDate: d($0 < 1899 ? "2026-03-03" : "2026-03-05"))
        }, enquiries: [], conferences: [], audits: [])
        let rounded = try KPIEngine().compute(decision, decided, context: context)
        #expect(rounded.value == OneDecimal(tenths: 950))
        #expect(rounded.rag == .green)
        // A neutral rate never has a RAG even with a configured target.
        let neutral = try #require(KPICatalogue.definition("contact_to_referral"))
        let referral = LinkedCases(contacts: [Contact(id: "r", childID: "A", contactDate: d("2026-03-02"),
                                                      decisionDate: d("2026-03-02"), outcome: .referral)],
                                   enquiries: [], conferences: [], audits: [])
        let result = try KPIEngine(targetOverrides: ["contact_to_referral": OneDecimal(50)])
            .compute(neutral, referral, context: context)
        #expect(result.rag == nil)
        // No records: value null, no RAG.
        let empty = try KPIEngine().compute(kpi, LinkedCases(contacts: [], enquiries: [], conferences: [], audits: []),
                                            context: context)
        #expect(empty.value == nil && empty.rag == nil && empty.target == OneDecimal(90))
    }
}
