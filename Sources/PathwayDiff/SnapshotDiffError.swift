/// Bad input to `pathway diff`: an unreadable file, invalid JSON, a snapshot that does not follow
/// the `kpis.json` format, or an unusable tolerance. `message` is one sentence naming the file (or
/// option) and what is wrong, e.g. `new.json: kpis[3] has no "id"`.
public struct SnapshotDiffError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The exit status for bad input (`EX_USAGE`).
    public static let exitCode: Int32 = 64

    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var exitCode: Int32 { Self.exitCode }

    public var description: String { message }
}
