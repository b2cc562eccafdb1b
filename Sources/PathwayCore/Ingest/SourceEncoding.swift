/// The character encoding a source file was read as (decided per file, spec §2 "Exact reading rules").
public enum SourceEncoding: String, Sendable {
    /// Valid UTF-8 (with or without a byte-order mark).
    case utf8
    /// Not valid UTF-8, so read as Windows-1252 and re-encoded as UTF-8; the run warns about it.
    case windows1252
}
