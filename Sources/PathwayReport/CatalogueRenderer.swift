import PathwayCore

/// The KPI catalogue as Markdown, generated from the declarations (`pathway kpis`, docs/KPIS.md), so
/// the documentation cannot drift from the code.
public enum CatalogueRenderer {
    public static func render(_ catalogue: [KPIDefinition]) -> String {
        var out = "# KPI catalogue\n\n"
        out += "Generated from the KPI declarations by `pathway kpis`; do not edit by hand.\n\n"
        out += "Every rate is 100 × numerator / denominator, rounded half away from zero to one decimal, where "
            + "denominator = population − excluded; it has no value when the denominator is 0. "
            + "WD(a, b) counts the working days d with a < d ≤ b (Monday to Friday, not an England and Wales "
            + "bank holiday). The window is the 12 months ending on the as-of date.\n"
        for area in KPIArea.allCases {
            out += "\n## \(area.title)\n"
            for kpi in catalogue where kpi.area == area {
                out += "\n### \(kpi.title) (`\(kpi.id)`)\n\n"
                out += "- Kind: \(kpi.kind.rawValue); \(kpi.polarity.phrase)\n"
                if let target = kpi.defaultTarget { out += "- Default target: \(target)%\n" }
                if let benchmark = kpi.benchmark { out += "- Benchmark: \(benchmark.label): \(benchmark.value)\n" }
                out += "- Definition: \(kpi.definition)\n"
                if !kpi.examples.isEmpty {
                    out += "- Worked examples: " + kpi.examples.map { example in
                        let e = example.expected
                        let figures = kpi.kind == .count ? "\(e.count)"
                            : "\(e.numerator)/\(e.denominator), \(e.excluded) excluded"
                        return "\(example.title) (as of \(example.asOf): \(figures))"
                    }.joined(separator: "; ") + "\n"
                }
            }
        }
        return out
    }
}
