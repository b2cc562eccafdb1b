/// The `markdown` format: a GitHub-flavoured Markdown fragment for a pull-request comment — a
/// `###` heading with the number of changes beyond tolerance, the summary, a table
/// (KPI | where | base | new | change | status) and the informational notes as a list.
/// Text from the snapshots is escaped so that it cannot break the table or add formatting.
enum SnapshotDiffMarkdownRenderer {
    static func render(_ diff: SnapshotDiff) -> String {
        var lines: [String] = []
        let count = diff.beyondToleranceCount
        if diff.changes.isEmpty {
            lines.append("### pathway KPI diff: no changes")
        } else {
            lines.append("### pathway KPI diff: \(count) \(count == 1 ? "change" : "changes") beyond ±\(diff.toleranceText)")
        }
        lines.append("")
        lines.append("\(escaped(diff.baseName)) → \(escaped(diff.newName)): \(diff.summary).")
        if !diff.changes.isEmpty {
            lines.append("")
            lines.append("| KPI | where | base | new | change | status |")
            lines.append("| --- | --- | ---: | ---: | ---: | --- |")
            for change in diff.changes {
                let cells = [
                    identifier(change.kpiID),
                    whereCell(change.location),
                    escaped(change.displayText(change.base)),
                    escaped(change.displayText(change.new)),
                    escaped(change.changeText),
                    change.isBeyondTolerance ? "**beyond**" : "within",
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
        }
        if !diff.notes.isEmpty {
            lines.append("")
            lines.append("Informational (does not fail the check):")
            lines.append("")
            for note in diff.notes {
                lines.append("- \(identifier(note.field)): \(noteValue(note.base)) → \(noteValue(note.new))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func whereCell(_ location: SnapshotDiffLocation) -> String {
        switch location {
        case .headline: return "headline"
        case .month(let month): return escaped(month)
        case .team(let team): return "team \(escaped(team))"
        }
    }

    private static func noteValue(_ value: String?) -> String {
        value.map(escaped) ?? "absent"
    }

    /// A KPI id or field name in a code span when it is a plain identifier (`contacts`,
    /// `findings.errors`), otherwise escaped text.
    static func identifier(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || scalar == "_" || scalar == "." || scalar == "-")
        }
        return plain ? "`\(text)`" : escaped(text)
    }

    /// Inline text safe inside a GFM table cell or list item: Markdown punctuation that could
    /// start formatting, links, HTML, math or a cell boundary is backslash-escaped (`\|` also
    /// inside a table), and each line break (CRLF, CR, LF) becomes `<br>`.
    static func escaped(_ text: String) -> String {
        var result = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\r": result += "<br>"
            case "\n": if !previousWasCR { result += "<br>" }
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "$":
                result += "\\"
                result.unicodeScalars.append(scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
