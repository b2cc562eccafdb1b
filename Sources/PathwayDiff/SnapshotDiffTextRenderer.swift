/// The `text` format: a heading line, one line per informational note, one plain line per change
/// (`<KPI>, <where>: <base> -> <new> (<change>), <status>`), and the summary line. Names are
/// written as they are, except that control characters are shown as escapes so that every change
/// stays on one line.
enum SnapshotDiffTextRenderer {
    static func render(_ diff: SnapshotDiff) -> String {
        var lines: [String] = []
        lines.append(
            "pathway KPI diff: \(visible(diff.baseName)) -> \(visible(diff.newName)) (tolerance \(diff.toleranceText))")
        for note in diff.notes {
            lines.append("\(visible(note.field)): \(noteValue(note.base)) -> \(noteValue(note.new)) (informational)")
        }
        if diff.changes.isEmpty {
            lines.append("no changes")
        }
        for change in diff.changes {
            let status = change.isBeyondTolerance ? "beyond tolerance" : "within tolerance"
            lines.append(
                "\(visible(change.kpiID)), \(whereText(change.location)): "
                    + "\(visible(change.displayText(change.base))) -> \(visible(change.displayText(change.new))) "
                    + "(\(change.changeText)), \(status)")
        }
        lines.append(diff.summary)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func whereText(_ location: SnapshotDiffLocation) -> String {
        switch location {
        case .headline: return "headline"
        case .month(let month): return visible(month)
        case .team(let team): return "team \(visible(team))"
        }
    }

    private static func noteValue(_ value: String?) -> String {
        value.map(visible) ?? "absent"
    }

    /// Control characters (line breaks, tabs, ...) as `\n`, `\r`, `\t` or `\u{85}`.
    static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.properties.generalCategory == .control
                || scalar == "\u{2028}" || scalar == "\u{2029}":
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
