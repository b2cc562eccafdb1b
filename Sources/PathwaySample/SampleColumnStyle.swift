/// How messy output varies a column's values (canonical output ignores it).
enum SampleColumnStyle: Sendable {
    case plain
    /// Other date formats, sometimes with a time.
    case date
    /// Other yes/no spellings, sometimes with an Annex A prefix.
    case yesNo
    /// Labels instead of codes, capitals, curly apostrophes, Annex A prefixes: code → accepted labels.
    case vocabulary([String: [String]])
    /// Sometimes `code: label` (CIN census style) or an Annex A prefix: label → CIN code.
    case source([String: String])
}
