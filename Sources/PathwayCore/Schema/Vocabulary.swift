/// A coded vocabulary: the canonical codes and the labels that map to them (SPEC §2). Labels are
/// compared after `CodedValue.normalize`; the canonical code itself is always accepted. Local labels
/// from the configuration can be added.
public struct Vocabulary<Code: VocabularyCode>: Sendable {
    private var labels: [String: Code]
    /// Raw field bytes already looked up (most columns hold a handful of distinct values).
    private var cache = ByteKeyCache<Code?>()

    public init(extra: [String: Code] = [:]) {
        var labels: [String: Code] = [:]
        for code in Code.allCases {
            labels[code.rawValue] = code
            for label in code.labels { labels[CodedValue.normalize(label)] = code }
        }
        for (label, code) in extra { labels[CodedValue.normalize(label)] = code }
        self.labels = labels
    }

    /// The code for an already normalised value.
    public func code(forNormalized value: String) -> Code? { labels[value] }

    /// The code for a trimmed raw value.
    public func code(for value: String) -> Code? { labels[CodedValue.normalize(value)] }

    /// The code for a trimmed field's bytes, remembered by bytes; `text` makes the field's String on a miss.
    @inline(__always)
    public mutating func code(forBytes bytes: UnsafeBufferPointer<UInt8>, text: () -> String) -> Code? {
        let labels = self.labels
        return cache.value(for: bytes) { labels[CodedValue.normalize(text())] }
    }
}

public protocol VocabularyCode: RawRepresentable<String>, CaseIterable, Hashable, Sendable {
    /// Labels accepted besides the canonical code.
    var labels: [String] { get }
}
