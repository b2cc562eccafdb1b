import PathwayCore

/// What `pathway run` was asked to do. The executable fills in the clock-derived fields.
public struct RunRequest: Sendable {
    public var inputFolder: String?
    public var outputFolder: String
    public var asOf: Day
    public var configFile: String?
    public var maxRejectedPercent: Double?
    public var holidaysFile: String?
    /// When the run started, for the lock file and logs (from the executable's clock).
    public var startedAt: String
    /// The executable's clock as text, for the manifest's end time (tests pass a fixed one).
    public var now: @Sendable () -> String
    /// Receives the per-stage timing table at the end of a successful run (`--timings`).
    public var timings: (@Sendable (String) -> Void)?
    /// Called once the inputs are mapped, before they are read: tests change an export there, as an
    /// exporter rewriting a file during the nightly run would.
    var inputsLoaded: (@Sendable () -> Void)?

    public init(inputFolder: String?, outputFolder: String, asOf: Day, configFile: String? = nil,
                maxRejectedPercent: Double? = nil, holidaysFile: String? = nil, startedAt: String,
                now: @escaping @Sendable () -> String = { "" }) {
        self.inputFolder = inputFolder
        self.outputFolder = outputFolder
        self.asOf = asOf
        self.configFile = configFile
        self.maxRejectedPercent = maxRejectedPercent
        self.holidaysFile = holidaysFile
        self.startedAt = startedAt
        self.now = now
    }
}
