/// Heading normalisation (SPEC §2): trim, collapse inner white space (space, tab, no-break space)
/// to one space, straighten curly quotes, ignore case.
public enum HeaderText {
    public static func normalize(_ heading: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in heading.unicodeScalars {
            if scalar.isHeaderSpace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{02BC}": out.append("'")
            case "\u{201C}", "\u{201D}": out.append("\"")
            default: out.append(scalar)
            }
        }
        return String(out).lowercased()
    }
}
