#if canImport(Glibc)
import Glibc
#endif
import PathwayCore

/// The publish stage: writes every output into a staging folder, swaps it into `<root>/<folder>` in one
/// atomic step, then repoints `<root>/latest`. A failure at any step leaves the previous outputs as they were.
public struct Publisher: Sendable {
    /// The steps, in order; tests make the publisher fail at each one.
    public enum Step: String, Sendable, CaseIterable {
        case createRoot, createStaging, writeFile, swapIntoPlace, repointLatest
    }

    public static let latestName = "latest"

    public let root: String
    /// Test hook: return true to make that step fail as if the disk were full.
    let failAt: (@Sendable (Step) -> Bool)?
    /// Test hook: false behaves like a file system without RENAME_EXCHANGE.
    let useExchange: Bool

    public init(root: String, failAt: (@Sendable (Step) -> Bool)? = nil, useExchange: Bool = true) {
        self.root = root
        self.failAt = failAt
        self.useExchange = useExchange
    }

    /// Publishes the files as `<root>/<folder>` and points `latest` at it; returns the folder's path.
    @discardableResult
    public func publish(_ files: [OutputFile], folder: String) throws(PathwayError) -> String {
        let processID = getpid()
        let staging = path(".staging-\(folder)-\(processID)")
        let target = path(folder)
        try step(.createRoot, "create the output folder '\(root)'") { () throws(SystemError) in
            try FileSystem.makeDirectories(root)
        }
        removeLeftovers()
        try step(.createStaging, "create '\(staging)'") { () throws(SystemError) in
            try FileSystem.makeDirectories(staging)
        }
        do {
            for file in files.sorted(by: { CodePoint.less($0.name, $1.name) }) {
                try step(.writeFile, "write '\(staging)/\(file.name)'") { () throws(SystemError) in
                    try FileSystem.writeFile(staging + "/" + file.name, file.bytes)
                }
            }
            FileSystem.syncDirectory(staging)
            try step(.swapIntoPlace, "move the new outputs into '\(target)'") { () throws(SystemError) in
                if FileSystem.kind(target) == .missing {
                    try FileSystem.rename(staging, target)
                } else {
                    do throws(SystemError) {
                        guard useExchange else { throw SystemError(code: ENOSYS) }
                        try FileSystem.exchange(staging, target)
                    } catch where error.code == ENOSYS || error.code == EINVAL {
                        // A file system without RENAME_EXCHANGE: move the old folder aside, then the new one
                        // in (a reader may briefly miss the folder, but never sees a half-written one).
                        let aside = path(".staging-replaced-\(folder)-\(processID)")
                        try FileSystem.rename(target, aside)
                        try FileSystem.rename(staging, target)
                        FileSystem.removeTree(aside)
                    }
                }
            }
        } catch {
            FileSystem.removeTree(staging)
            throw error
        }
        // After an exchange the staging path holds the previous outputs of the same date.
        FileSystem.removeTree(staging)
        let link = path(".latest-\(processID)")
        try step(.repointLatest, "point '\(path(Publisher.latestName))' at '\(folder)'") { () throws(SystemError) in
            unlink(link)
            guard symlink(folder, link) == 0 else { throw SystemError.current() }
            do throws(SystemError) {
                try FileSystem.rename(link, path(Publisher.latestName))
            } catch {
                unlink(link)
                throw error
            }
        }
        FileSystem.syncDirectory(root)
        return target
    }

    /// Staging folders and links left by runs that were killed (the caller holds the run lock, so no
    /// other run is writing them).
    func removeLeftovers() {
        for name in FileSystem.listDirectory(root)
        where name.hasPrefix(".staging-") || name.hasPrefix(".latest-") || name.hasPrefix(".render-") {
            FileSystem.removeTree(path(name))
        }
    }

    /// Writes one file directly in the output folder, atomically (temporary file and rename).
    public func replaceFile(_ name: String, _ text: String) throws(PathwayError) {
        let temporary = path(".\(name)-\(getpid())")
        try step(.writeFile, "write '\(path(name))'") { () throws(SystemError) in
            try FileSystem.makeDirectories(root)
            unlink(temporary)
            try FileSystem.writeFile(temporary, Array(text.utf8))
            try FileSystem.rename(temporary, path(name))
        }
    }

    /// Removes dated report folders (named YYYY-MM-DD) older than `keepDays` before `asOf`; never the
    /// folder `latest` points at. Returns the names removed.
    @discardableResult
    public func prune(keepDays: Int, asOf: Day) -> [String] {
        let cutoff = asOf.adding(days: -keepDays)
        let current = latestTarget()
        var removed: [String] = []
        for name in FileSystem.listDirectory(root) {
            guard name.utf8.count == 10, let day = DateParser.parse(name), day.description == name,
                  day < cutoff, name != current else { continue }
            FileSystem.removeTree(path(name))
            removed.append(name)
        }
        return removed
    }

    /// The folder name `latest` points at, if any.
    public func latestTarget() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path(Publisher.latestName), &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private func path(_ name: String) -> String { root.hasSuffix("/") ? root + name : root + "/" + name }

    private func step(_ step: Step, _ what: String, _ body: () throws(SystemError) -> Void) throws(PathwayError) {
        do {
            if let failAt, failAt(step) { throw SystemError(code: ENOSPC) }
            try body()
        } catch {
            throw .outputFailed("cannot \(what): \(error)")
        }
    }
}
