import PathwayCore

/// How dashboard.md writes dates, months and KPI figures. Numbers come from the existing types
/// (`OneDecimal.description`, `Tally` counts, `Dashboard.headlineText`): nothing is re-rounded here.
/// Month names are fixed English, so the output does not depend on the machine's locale.
enum MarkdownFormat {
    /// Shown where there is no value: no data, no target, no RAG, no trend.
    static let none = "—"

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// `16 March 2026`.
    static func date(_ day: Day) -> String {
        let c = day.components
        return "\(c.day) \(monthNames[c.month - 1]) \(c.year)"
    }

    /// `16 March`.
    static func dayAndMonth(_ day: Day) -> String {
        let c = day.components
        return "\(c.day) \(monthNames[c.month - 1])"
    }

    /// `16 Mar`.
    static func shortDate(_ day: Day) -> String {
        let c = day.components
        return "\(c.day) \(monthNames[c.month - 1].prefix(3))"
    }

    /// `March 2026`.
    static func longMonth(_ month: YearMonth) -> String {
        "\(monthNames[month.month - 1]) \(month.year)"
    }

    /// `Mar 2026`: the rows of the monthly tables.
    static func month(_ month: YearMonth) -> String {
        "\(monthNames[month.month - 1].prefix(3)) \(month.year)"
    }

    /// `Mar 26`: the x-axis labels of the charts.
    static func chartMonth(_ month: YearMonth) -> String {
        let yy = month.year % 100
        return "\(monthNames[month.month - 1].prefix(3)) \(yy < 10 ? "0" : "")\(yy)"
    }

    /// `81.7%`, or `—` when there is no value.
    static func percent(_ value: OneDecimal?) -> String {
        value.map { "\($0)%" } ?? none
    }

    /// `58/71`.
    static func fraction(_ tally: Tally) -> String {
        "\(tally.numerator)/\(tally.denominator)"
    }

    /// A monthly or team cell: `83.3% (5/6)` for a rate (`— (0/0)` without a value), the count for a count.
    static func cell(_ tally: Tally, kind: KPIKind) -> String {
        switch kind {
        case .count: return String(tally.count)
        case .rate: return "\(percent(tally.rate)) (\(fraction(tally)))"
        }
    }

    /// The target with the better direction: `≥ 90.0%` (higher is better), `≤ 20.0%` (lower is better).
    static func target(_ kpi: KPIResult) -> String {
        guard let target = kpi.target else { return none }
        switch kpi.definition.polarity {
        case .higherIsBetter: return "≥ \(target)%"
        case .lowerIsBetter: return "≤ \(target)%"
        case .neutral: return "\(target)%"
        }
    }

    /// `81.4% (England 2024-25)`; the label comes from the KPI declaration.
    static func benchmark(_ kpi: KPIResult) -> String {
        guard let benchmark = kpi.definition.benchmark else { return none }
        return "\(benchmark.value)% (\(MarkdownText.escape(benchmark.label)))"
    }

    /// `🔴 red`, `🟠 amber`, `🟢 green`, or `—` for no RAG.
    static func rag(_ rag: RAG?) -> String {
        switch rag {
        case .red: return "🔴 red"
        case .amber: return "🟠 amber"
        case .green: return "🟢 green"
        case nil: return none
        }
    }

    /// `▲ up`, `▼ down`, `► same`, or `—`.
    static func trend(_ trend: Dashboard.Trend?) -> String {
        switch trend {
        case .up: return "\(Dashboard.Trend.up.symbol) up"
        case .down: return "\(Dashboard.Trend.down.symbol) down"
        case .flat: return "\(Dashboard.Trend.flat.symbol) same"
        case nil: return none
        }
    }

    static func encoding(_ encoding: SourceEncoding) -> String {
        switch encoding {
        case .utf8: return "UTF-8"
        case .windows1252: return "Windows-1252"
        }
    }

    /// `1 row`, `2 rows`.
    static func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
