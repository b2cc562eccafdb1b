import PathwayCore

/// One field of a generated row, before it is rendered (canonically, or with messy variations).
enum SampleCell {
    case blank
    /// Free text (teams, sources, names): written as is, quoted where RFC 4180 needs it.
    case text(String)
    case day(Day)
    case id(SampleIDKind, Int)
    case flag(Bool)
    /// A canonical vocabulary code (`early_help`, `transfer_in`, ...).
    case code(String)
    /// Messy: exactly this text (quoted where needed), e.g. an unparseable date.
    case literal(String)
}
