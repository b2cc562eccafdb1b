import Foundation
import PathwayCore

/// The SHA-256 (SPEC §5 `sha256`) of the input files hashed late, worked out once, by the first thread
/// that asks; a thread that asks while they are being worked out waits for them.
///
/// Decoding keeps both cores busy, and the workbook's render keeps only one: the render's other core
/// has about as much time free as hashing the largest file takes (at 1M children, 0.16 s of workbook
/// cells before its last sheet against 0.17 s for contacts.csv's 183 MB; the other files took 0.05 s
/// more, which the workbook then waited for). So the largest file is hashed late (`lateFiles`): the
/// render stage asks for its digest first on its second core, and the workbook asks only when it writes
/// its last sheet. The other files are hashed while they are decoded. A mapped file is mapped again
/// through its open descriptor (`OpenFile.readAgain`: the same inode, from the page cache, a piece at a
/// time, so its bytes need not stay in memory meanwhile); bytes made in memory are hashed where they are.
final class InputDigests: @unchecked Sendable {
    /// The files to hash late: the largest (by name when sizes tie), when there is any.
    static func lateFiles(_ inputs: borrowing [LoadedInput]) -> Set<String> {
        var largest: (name: String, size: Int)?
        for index in inputs.indices {
            let (name, size) = (inputs[index].name, inputs[index].bytes.count)
            if let current = largest, current.size > size || (current.size == size && !CodePoint.less(name, current.name)) {
                continue
            }
            largest = (name, size)
        }
        return largest.map { [$0.name] } ?? []
    }

    private enum Source {
        case file(OpenFile)
        case bytes(InputBytes)
    }

    // `sources` and `outcome` are read and written under `lock` only.
    private let lock = NSLock()
    /// Emptied once the digests are taken, which closes the files.
    private var sources: [(name: String, source: Source)]
    private var outcome: Result<[String: String], PathwayError>?

    /// Holds the descriptor (or, for bytes made in memory, the bytes), not the mapping, of each input
    /// named in `files`.
    init(_ inputs: borrowing [LoadedInput], files: Set<String>) {
        var sources: [(name: String, source: Source)] = []
        for index in inputs.indices where files.contains(inputs[index].name) {
            let input = inputs[index]
            if let file = input.openFile {
                sources.append((input.name, .file(file)))
            } else {
                sources.append((input.name, .bytes(input.bytes)))
            }
        }
        self.sources = sources
    }

    /// Each late file's digest by file name, or why a file could not be read again.
    func digests() -> Result<[String: String], PathwayError> {
        lock.lock()
        defer { lock.unlock() }
        if let outcome { return outcome }
        let result: Result<[String: String], PathwayError>
        do throws(PathwayError) {
            result = .success(try Self.take(sources))
        } catch {
            result = .failure(error)
        }
        outcome = result
        sources = []
        return result
    }

    private static func take(_ sources: [(name: String, source: Source)]) throws(PathwayError) -> [String: String] {
        var digests: [String: String] = [:]
        for (name, source) in sources {
            switch source {
            case let .bytes(bytes):
                digests[name] = FileDigest.sha256Hex(bytes)
            case let .file(file):
                do {
                    digests[name] = try FileDigest.sha256Hex(file)
                } catch {
                    throw readAgainFailure(path: file.path, error)
                }
            }
        }
        return digests
    }

    /// The summaries with the late digests filled in.
    func complete(_ inputs: [InputSummary]) -> Result<[InputSummary], PathwayError> {
        digests().map { digests in inputs.map { $0.with(sha256: digests[$0.file] ?? $0.sha256) } }
    }

    /// Exit 66, as for a file that shrinks while it is mapped (`MappedFiles`).
    static func readAgainFailure(path: String, _ error: SystemError) -> PathwayError {
        if error.code == ENODATA {
            return .inputMissing(MappedFiles.shorterFile(path: path))
        }
        return .inputMissing("input file '\(path)' cannot be read again for its digest: \(error)")
    }
}
