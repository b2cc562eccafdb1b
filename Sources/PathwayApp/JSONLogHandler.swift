import Foundation
import Logging
import PathwayCore

/// `--log-format json`: one JSON object per line on stderr, for log collectors.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let timestamp: @Sendable () -> String

    public init(label: String, timestamp: @escaping @Sendable () -> String) {
        self.label = label
        self.timestamp = timestamp
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        FileHandle.standardError.write(Data(Self.line(event: event, label: label, time: timestamp(), metadata: metadata).utf8))
    }

    /// The JSON line for one event (compact: one line, keys sorted).
    static func line(event: LogEvent, label: String, time: String, metadata: Logger.Metadata) -> String {
        var members: [String: JSONValue] = [
            "time": .string(time), "level": .string(event.level.rawValue), "logger": .string(label),
            "message": .string(event.message.description), "source": .string(event.source),
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            members["meta_" + key] = .string(value.description)
        }
        return JSONWriter.write(.object(members)).split(separator: "\n").map {
            $0.drop(while: { $0 == " " })
        }.joined(separator: " ") + "\n"
    }
}
