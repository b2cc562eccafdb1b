/// The output formats of `pathway diff --format`.
public enum SnapshotDiffFormat: String, Sendable, CaseIterable {
    /// One plain line per change and a summary line, for a terminal or a CI log.
    case text
    /// A GitHub-flavoured Markdown table, for a pull-request comment.
    case markdown
    /// A machine-readable document: sorted keys, two-space indent, trailing newline.
    case json
}
