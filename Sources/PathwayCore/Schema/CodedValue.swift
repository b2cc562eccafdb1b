/// Normalisation of coded values (SPEC §2 "Exact reading rules"): an Annex A prefix such as `a) ` or
/// `p1) ` is stripped, apostrophes are straightened and case is ignored. Inner white space and hyphens
/// are kept as they are (`early-help` is unknown).
public enum CodedValue {
    /// `value` must already be trimmed.
    public static func normalize(_ value: String) -> String {
        let stripped = stripPrefix(value)
        var out = String.UnicodeScalarView()
        for scalar in stripped.unicodeScalars {
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{02BC}", "\u{2032}": out.append("'")
            default: out.append(scalar)
            }
        }
        return String(out).lowercased()
    }

    /// Removes a leading `^[A-Za-z][0-9]{0,2}\)\s+`.
    public static func stripPrefix(_ value: String) -> Substring {
        let scalars = Array(value.unicodeScalars.prefix(6))
        guard let first = scalars.first, first.isASCIILetter else { return Substring(value) }
        var i = 1
        while i < scalars.count, i <= 2, scalars[i].isASCIIDigit { i += 1 }
        guard i < scalars.count, scalars[i] == ")" else { return Substring(value) }
        i += 1
        guard i < scalars.count, scalars[i].isHeaderSpace else { return Substring(value) }
        let rest = value.unicodeScalars.dropFirst(i).drop(while: { $0.isHeaderSpace || $0 == "\n" || $0 == "\r" })
        return Substring(String(String.UnicodeScalarView(rest)))
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
    var isASCIIDigit: Bool { (0x30...0x39).contains(value) }
    /// Space, tab or no-break space: the white space of headings and coded values.
    var isHeaderSpace: Bool { self == " " || self == "\t" || self == "\u{00A0}" }
}
