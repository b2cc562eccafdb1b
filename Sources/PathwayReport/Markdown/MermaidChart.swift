import PathwayCore

/// A rate KPI's 12 months as a Mermaid `xychart-beta` block: the monthly values as bars on a fixed
/// 0–100 % axis, and the target, when there is one, as a flat line.
///
/// Months without a value (denominator 0): Mermaid cannot draw a gap, so such a month is written as 0
/// and the caption under the chart names every such month ("No data: …; shown as 0."). Bars rather than
/// a line carry the values for this reason: an empty month is an empty slot, not a line plunging to 0
/// that reads as collapse (or, for lower-is-better KPIs, as success). When no month has a value the
/// chart is left out and a sentence says so. Each data statement always has exactly one number per
/// x-axis label (12), and there is no per-series legend, so the caption says which series is which.
struct MermaidChart {
    let title: String
    let labels: [String]
    let values: [OneDecimal?]
    let target: OneDecimal?

    init(title: String, labels: [String], values: [OneDecimal?], target: OneDecimal?) {
        precondition(labels.count == values.count, "one value per x-axis label")
        self.title = title
        self.labels = labels
        self.values = values
        self.target = target
    }

    /// The labels of the months without a value.
    var emptyLabels: [String] {
        zip(labels, values).filter { $0.1 == nil }.map(\.0)
    }

    /// Whether there is anything to draw.
    var hasData: Bool { values.contains { $0 != nil } }

    /// The fenced block, each line ending in a line break.
    func render() -> String {
        var out = "```mermaid\n"
        out += "xychart-beta\n"
        out += "    title \(MermaidChart.quoted(title))\n"
        out += "    x-axis [" + labels.map(MermaidChart.quoted).joined(separator: ", ") + "]\n"
        out += "    y-axis \"%\" 0 --> 100\n"
        out += "    bar [" + values.map { ($0 ?? OneDecimal(tenths: 0)).description }.joined(separator: ", ") + "]\n"
        if let target {
            out += "    line [" + Array(repeating: target.description, count: labels.count).joined(separator: ", ") + "]\n"
        }
        out += "```\n"
        return out
    }

    /// A Mermaid string. Mermaid strings have no escape character, so `"` becomes the entity code `#quot;`
    /// (which Mermaid renders as a quote); a backquote (which would start a Markdown string) becomes `'`;
    /// line breaks and other control characters become spaces.
    static func quoted(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        for scalar in MarkdownText.flattened(text).unicodeScalars {
            switch scalar {
            case "\"": view.append(contentsOf: "#quot;".unicodeScalars)
            case "`": view.append("'")
            default: view.append(scalar)
            }
        }
        return "\"" + String(view) + "\""
    }
}
