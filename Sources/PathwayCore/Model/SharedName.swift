import Foundation

/// A short text that many records share, a contact's source or a record's team, held once for the whole
/// process and kept in each record as its number: four bytes in the record instead of a 16-byte `String`
/// that every copy retains and every free releases (at 10M children, 17 million contacts are held).
///
/// Texts are told apart exactly (`ExactText`): "é" (U+00E9) and "e\u{301}" are two names, as they are two
/// teams (SPEC §2). The same text always gets the same number, in any thread, so two records' names are
/// equal exactly when their numbers are. Numbers are never reused and never leave the process: every output
/// reads `text`.
public struct SharedName: Sendable, Hashable {
    let number: UInt32

    /// The name of `text`, numbered the first time the process sees it.
    public init(_ text: String) {
        number = SharedNameTable.shared.number(for: text)
    }

    public var text: String { SharedNameTable.shared.text(of: number) }
}

/// The process's names, numbered in the order they were first seen. Names are only ever added, so a
/// number stays valid for the life of the process. Decoders remember the name of each field's bytes
/// (`RowDecoder`), so the lock is taken once per distinct name per file part, not per row.
final class SharedNameTable: @unchecked Sendable {
    static let shared = SharedNameTable()

    private let lock = NSLock()
    private var texts: [String] = []
    private var numbers: [ExactText: UInt32] = [:]

    func number(for text: String) -> UInt32 {
        let key = ExactText(text)
        return lock.withLock {
            if let known = numbers[key] { return known }
            precondition(texts.count < Int(UInt32.max), "fewer than 2^32 distinct names")
            let number = UInt32(texts.count)
            texts.append(text)
            numbers[key] = number
            return number
        }
    }

    func text(of number: UInt32) -> String {
        lock.withLock { texts[Int(number)] }
    }

    /// How many names have been numbered (for tests).
    var count: Int { lock.withLock { texts.count } }
}

/// A record whose team (SPEC §2: trimmed, case-sensitive, blank when not recorded) is kept as a
/// `SharedName`; `team` reads and writes it as text.
public protocol TeamNamed {
    var teamName: SharedName? { get set }
}

extension TeamNamed {
    public var team: String? {
        get { teamName?.text }
        set { teamName = newValue.map(SharedName.init) }
    }
}
