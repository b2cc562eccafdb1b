/// The one way text reaches dashboard.md: `MarkdownText.escape` makes any string (team and file names,
/// the authority, the holiday source, KPI titles and definitions) literal text in CommonMark and GFM,
/// safe in a paragraph, a list item, a heading and a table cell alike.
///
/// - Line breaks, other control characters and bidirectional overrides become spaces (a table row or
///   list item stays one line and reads in order); the result is trimmed.
/// - Always escaped: `\` `|` `*` `` ` `` `[` `]` `>` `~` (GFM strikethrough) and `$` (GitHub math).
/// - `_` is escaped unless it sits between two letters or digits, where CommonMark never reads it as
///   emphasis: `decision_date` stays readable as plain text.
/// - `<` is escaped unless followed by white space or the end (only `<` followed by a tag name, `/`, `!`,
///   `?` or a URL scheme starts raw HTML or an autolink), so `<script>` shows as text.
/// - `&` is escaped before a letter or `#` (an entity such as `&amp;` would otherwise be decoded).
/// - At the start: `#` (heading), `-` `+` `=` (list item, setext underline), and `1.` / `1)` (ordered list).
public enum MarkdownText {
    public static func escape(_ text: String) -> String {
        let scalars = Array(flattened(text).unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let previous = index > 0 ? scalars[index - 1] : nil
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if needsEscape(scalar, previous: previous, next: next, atStart: index == 0) {
                out.append("\\")
            }
            out.append(scalar)
            index += 1
        }
        var escaped = String(out)
        if let marker = orderedListMarker(escaped) {
            // `12. Team` → `12\. Team`.
            escaped.insert("\\", at: marker)
        }
        return escaped
    }

    /// Bidirectional embeddings, overrides and isolates: in a team name they could visually reorder the
    /// rest of a table row.
    private static let bidiControls: Set<UInt32> = Set(Array(0x202A...0x202E) + Array(0x2066...0x2069))

    /// Control characters (line breaks, tabs, C1 controls from Windows-1252 input), the Unicode line
    /// and paragraph separators and bidirectional controls become spaces; the result is trimmed of spaces.
    static func flattened(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let isBreak = scalar.properties.generalCategory == .control
                || scalar == "\u{2028}" || scalar == "\u{2029}" || bidiControls.contains(scalar.value)
            view.append(isBreak ? " " : scalar)
        }
        while view.first == " " { view.removeFirst() }
        while view.last == " " { view.removeLast() }
        return String(view)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar, previous: Unicode.Scalar?, next: Unicode.Scalar?,
                                    atStart: Bool) -> Bool {
        switch scalar {
        case "\\", "|", "*", "`", "[", "]", ">", "~", "$":
            return true
        case "_":
            return !(isAlphanumeric(previous) && isAlphanumeric(next))
        case "<":
            return !(next == nil || next == " ")
        case "&":
            guard let next else { return false }
            return next == "#" || isAlphanumeric(next)
        case "#", "-", "+", "=":
            return atStart
        default:
            return false
        }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The index of the `.` or `)` of a leading ordered-list marker (1 to 9 digits, then `.` or `)`, then a
    /// space or the end), if any.
    private static func orderedListMarker(_ text: String) -> String.Index? {
        var digits = 0
        var index = text.startIndex
        while index < text.endIndex, let ascii = text[index].asciiValue, (48...57).contains(ascii) {
            digits += 1
            index = text.index(after: index)
        }
        guard (1...9).contains(digits), index < text.endIndex, text[index] == "." || text[index] == ")" else {
            return nil
        }
        let after = text.index(after: index)
        return after == text.endIndex || text[after] == " " ? index : nil
    }
}
