extension KPICatalogue {
    /// s47_enquiries.csv
    static let strategyAndSection47: [KPIDefinition] = [
        KPIDefinition(
            id: "s47_enquiries", title: "Section 47 enquiries", area: .strategyAndSection47, kind: .count,
            polarity: .neutral,
            definition: "Enquiries with strategy_date in the period.",
            examples: [
                KPIExample("strategy discussions inside and outside the window", asOf: "2026-03-31", enquiries: [
                    Section47Enquiry(id: "s1", childID: "A", strategyDate: d("2026-03-02")),
                    Section47Enquiry(id: "s2", childID: "B", strategyDate: d("2025-04-01")),
                    Section47Enquiry(id: "s3", childID: "C", strategyDate: d("2026-03-31")),
                    Section47Enquiry(id: "s4", childID: "D", strategyDate: d("2025-03-31")),
                ], expect: .total(3)),
            ],
            eachEnquiry: { batch, _, acc throws(CalendarError) in
                try acc.add(batch, anchor: { $0.strategyDate }) { _ in .counted }
            }),
        attendanceRate(id: "strategy_police_attendance", agency: "Police", attended: { $0.policeAttended }),
        attendanceRate(id: "strategy_health_attendance", agency: "Health", attended: { $0.healthAttended }),
        attendanceRate(id: "strategy_education_attendance", agency: "Education", attended: { $0.educationAttended }),

        KPIDefinition(
            id: "s47_to_icpc", title: "S47 enquiries leading to an ICPC", area: .strategyAndSection47,
            kind: .rate, polarity: .neutral,
            definition: "Population: enquiries with s47_end_date in the period. Excluded: outcome blank. "
                + "Numerator: outcome = icpc.",
            benchmark: Benchmark(label: england2425 + ", event ratio", value: OneDecimal(31.3)),
            examples: [
                KPIExample("icpc, cin, other, blank and open enquiries", asOf: "2026-03-31", enquiries: [
                    Section47Enquiry(id: "s1", childID: "A", strategyDate: d("2026-02-02"), endDate: d("2026-03-02"), outcome: .icpc),
                    Section47Enquiry(id: "s2", childID: "B", strategyDate: d("2026-02-02"), endDate: d("2026-03-03"), outcome: .cin),
                    Section47Enquiry(id: "s3", childID: "C", strategyDate: d("2026-02-02"), endDate: d("2026-03-04")),
                    Section47Enquiry(id: "s4", childID: "D", strategyDate: d("2026-03-02"), outcome: .icpc),
                    Section47Enquiry(id: "s5", childID: "E", strategyDate: d("2026-02-02"), endDate: d("2026-03-05"), outcome: .other),
                ], expect: .fraction(1, 3, excluded: 1)),
            ],
            eachEnquiry: { batch, _, acc throws(CalendarError) in
                try acc.add(batch, anchor: { $0.endDate }) { s in
                    guard let outcome = s.outcome else { return .excluded }
                    return outcome == .icpc ? .met : .notMet
                }
            }),
    ]

    /// Strategy discussion attendance by one agency.
    private static func attendanceRate(id: String, agency: String,
                                       attended: @escaping @Sendable (Section47Enquiry) -> Bool?) -> KPIDefinition {
        let column = agency.lowercased() + "_attended"
        return KPIDefinition(
            id: id, title: "\(agency) attendance at strategy discussions", area: .strategyAndSection47,
            kind: .rate, polarity: .higherIsBetter,
            definition: "Population: enquiries with strategy_date in the period. Excluded: \(column) not recorded. "
                + "Numerator: \(column) = yes.",
            target: OneDecimal(95),
            examples: [
                KPIExample("attended, did not attend, not recorded", asOf: "2026-03-31", enquiries: [
                    Section47Enquiry(id: "s1", childID: "A", strategyDate: d("2026-03-02"),
                                     policeAttended: true, healthAttended: true, educationAttended: true),
                    Section47Enquiry(id: "s2", childID: "B", strategyDate: d("2026-03-02"),
                                     policeAttended: false, healthAttended: false, educationAttended: false),
                    Section47Enquiry(id: "s3", childID: "C", strategyDate: d("2026-03-02")),
                    Section47Enquiry(id: "s4", childID: "D", strategyDate: d("2026-03-03"),
                                     policeAttended: true, healthAttended: true, educationAttended: true),
                ], expect: .fraction(2, 3, excluded: 1)),
            ],
            eachEnquiry: { batch, _, acc throws(CalendarError) in
                try acc.add(batch, anchor: { $0.strategyDate }) { s in
                    guard let yes = attended(s) else { return .excluded }
                    return yes ? .met : .notMet
                }
            })
    }
}
