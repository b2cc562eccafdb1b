#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation
@testable import PathwayApp
import PathwayCore
import PathwayTestSupport
import Testing

/// The largest input's digest is taken during the render (`InputDigests`), from the file read again
/// through the descriptor kept open since it was mapped; the others while decoding.
@Suite("late input digests")
struct InputDigestsTests {
    /// A file of `size` random bytes in a new folder, mapped as the load stage maps it.
    static func mapped(size: Int, name: String = "contacts.csv") throws -> (TemporaryDirectory, String, [UInt8], LoadedInput) {
        let folder = try TemporaryDirectory()
        let path = folder.file(name)
        let bytes = FileSystemTests.randomBytes(size)
        try FileSystem.writeFile(path, bytes)
        let (mapped, version, open) = try FileSystem.mapFile(path)
        let input = LoadedInput(file: .contacts, name: name, bytes: mapped,
                                source: InputSource(path: path, version: version, file: open))
        return (folder, path, bytes, input)
    }

    @Test("a file read again in pieces gives its bytes in order, whatever the piece size",
          arguments: [(0, 7), (1, 7), (4_096, 4_096), (10_000, 1), (10_000, 3), (1 << 20, 65_536), ((1 << 20) + 5, 1 << 20)])
    func readAgainInPieces(size: Int, piece: Int) throws {
        let (folder, _, bytes, input) = try Self.mapped(size: size)
        _ = folder
        let file = try #require(input.openFile)
        // Mapped again (as runs read it), then through pread (when it cannot be mapped).
        for mapped in [true, false] {
            var read: [UInt8] = []
            var pieces = 0
            let body = { (part: UnsafeRawBufferPointer) in
                #expect(part.count <= piece && part.count > 0)
                read += part
                pieces += 1
            }
            if mapped { try file.readAgain(piece: piece, body) } else { try file.readWithPread(piece: piece, body) }
            #expect(read == bytes, "mapped: \(mapped)")
            #expect(pieces == (size + piece - 1) / piece, "mapped: \(mapped)")
        }
    }

    @Test("read again mapped, the pieces already read leave resident memory")
    func readAgainGivesPagesBack() throws {
        let size = 8 << 20, piece = 1 << 16
        let (folder, _, bytes, input) = try Self.mapped(size: size)
        _ = folder
        var offset = 0, largest = 0
        var same = true
        try #require(input.openFile).readAgain(piece: piece) { part in
            same = same && part.elementsEqual(bytes[offset..<(offset + part.count)])
            let base = UInt(bitPattern: part.baseAddress!) - UInt(offset)
            largest = max(largest, (try? FileSystemTests.residentKB(ofMappingAt: base)) ?? Int.max)
            offset += part.count
        }
        #expect(same && offset == size)
        // The piece being read and what the kernel maps with it (a whole 2 MB folio of the page cache, on
        // some file systems); not all of the 8 MB, as without giving the pieces back.
        #expect(largest <= 4 << 10, "largest resident: \(largest) kB")
    }

    @Test("the digest of a file read again agrees with the digest of its bytes, around the piece size",
          arguments: [0, 3, 64, 65_535, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 55])
    func digestAgreesWithBytes(size: Int) throws {
        let (folder, _, bytes, input) = try Self.mapped(size: size)
        _ = folder
        let digest = try FileDigest.sha256Hex(try #require(input.openFile))
        #expect(digest == SHA256.hexDigest(bytes))
        #expect(digest == FileDigest.sha256Hex(input.bytes))
    }

    @Test("a file replaced by a rename after it was mapped is hashed as mapped: the descriptor keeps the old inode")
    func renamedAfterMapping() throws {
        let (folder, path, bytes, input) = try Self.mapped(size: 10_000)
        try FileSystem.writeFile(path + ".new", Array("contact_id,child_id\n".utf8))
        try FileSystem.rename(path + ".new", path)
        let digests = InputDigests([input], files: ["contacts.csv"])
        #expect(try digests.digests().get() == ["contacts.csv": SHA256.hexDigest(bytes)])
        _ = folder
    }

    @Test("a file truncated before its digest is taken stops the run with exit 66, naming it, as a shrunk mapping does")
    func truncatedBeforeDigest() throws {
        let (folder, path, _, input) = try Self.mapped(size: 10_000)
        truncate(path, 4_000)
        let digests = InputDigests([input], files: ["contacts.csv"])
        let outcome = digests.digests()
        guard case let .failure(error) = outcome else {
            Issue.record("a truncated file gave a digest: \(outcome)")
            return
        }
        #expect(error.exitCode == 66)
        #expect("pathway: " + error.description + "\n" == MappedFiles.message(path: path))
        _ = folder
    }

    @Test("a file truncated while its digest is being read gives zeros for its lost pages, then no digest (exit 66, naming it)")
    func truncatedWhileHashed() throws {
        let (folder, path, bytes, input) = try Self.mapped(size: 3 * (1 << 16))
        let file = try #require(input.openFile)
        var pieces: [[UInt8]] = []
        do {
            try file.readAgain(piece: 1 << 16) { part in
                pieces.append(Array(part))
                if pieces.count == 1 { truncate(path, 0) }
            }
            Issue.record("a file truncated while it was read again gave no error")
        } catch {
            #expect(error.code == ENODATA)
            #expect("pathway: " + InputDigests.readAgainFailure(path: path, error).description + "\n"
                == MappedFiles.message(path: path))
        }
        #expect(pieces.count == 3)
        #expect(pieces.first == Array(bytes[..<(1 << 16)]))
        #expect(pieces.dropFirst().allSatisfy { $0.count == 1 << 16 && $0.allSatisfy { $0 == 0 } })
        #expect(file.lostPages)
        _ = folder
    }

    @Test("the digests are worked out once: the file is not read again on the second request")
    func keptOnceWorkedOut() throws {
        let (folder, path, bytes, input) = try Self.mapped(size: 10_000)
        let digests = InputDigests([input], files: ["contacts.csv"])
        #expect(try digests.digests().get() == ["contacts.csv": SHA256.hexDigest(bytes)])
        // Read again now, it would be too short.
        truncate(path, 0)
        #expect(try digests.digests().get() == ["contacts.csv": SHA256.hexDigest(bytes)])
        _ = folder
    }

    @Test("the late file is the largest, ties going to the first name; nothing when there are no inputs")
    func lateFileIsTheLargest() {
        func input(_ name: String, _ size: Int) -> LoadedInput {
            LoadedInput(file: .contacts, name: name, bytes: [UInt8](repeating: 0x41, count: size))
        }
        #expect(InputDigests.lateFiles([input("a.csv", 5), input("b.csv", 9), input("c.csv", 2)]) == ["b.csv"])
        #expect(InputDigests.lateFiles([input("b.csv", 9), input("a.csv", 9), input("c.csv", 9)]) == ["a.csv"])
        #expect(InputDigests.lateFiles([input("only.csv", 0)]) == ["only.csv"])
        #expect(InputDigests.lateFiles([]) == [])
    }

    @Test("only the named files are hashed late; complete fills in theirs and keeps the others'")
    func completesOnlyTheLateFiles() throws {
        let late = LoadedInput(file: .contacts, name: "contacts.csv", bytes: Array("abc".utf8))
        let early = LoadedInput(file: .audits, name: "audits.csv", bytes: Array("xyz".utf8))
        let digests = InputDigests([late, early], files: ["contacts.csv"])
        #expect(try digests.digests().get() == ["contacts.csv": SHA256.hexDigest(Array("abc".utf8))])
        let summaries = [
            InputSummary(file: "audits.csv", rows: 0, accepted: 0, rejected: 0, sha256: "kept", encoding: .utf8, byteCount: 3),
            InputSummary(file: "contacts.csv", rows: 0, accepted: 0, rejected: 0, sha256: "", encoding: .utf8, byteCount: 3),
        ]
        let completed = try digests.complete(summaries).get()
        #expect(completed.map(\.sha256) == ["kept", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"])
    }

    @Test("threads asking at once all get the digest")
    func askedAtOnce() throws {
        let size = 1 << 20
        let memory = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: size)
        memory.initialize(repeating: 7)
        nonisolated(unsafe) let owned = memory
        let bytes = InputBytes(unsafeBase: UnsafeRawPointer(memory.baseAddress), count: size) { owned.deallocate() }
        let digests = InputDigests([LoadedInput(file: .contacts, name: "contacts.csv", bytes: bytes)],
                                   files: ["contacts.csv"])
        let answers = ConcurrentSlots<String>(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            answers.set(index, (try? digests.digests().get()["contacts.csv"]) ?? "none")
        }
        let expected = SHA256.hexDigest([UInt8](repeating: 7, count: size))
        #expect((0..<8).map { answers.get($0)! } == Array(repeating: expected, count: 8))
    }

    @Test("decodeAll leaves the late files' digests empty and takes the others'")
    func decodeAllLeavesLateDigests() throws {
        let inputs = try DecodeAllTests.inputs(contacts: Array(try FileSystem.readFile(AppFixtures.small + "/contacts.csv")))
        let expected = Dictionary(uniqueKeysWithValues: inputs.map { ($0.name, FileDigest.sha256Hex($0.bytes)) })
        let decoded = try Evaluation.decodeAll(inputs, options: DecodingOptions(), lateDigests: ["contacts.csv"])
        #expect(decoded.summaries.count == 4)
        for summary in decoded.summaries {
            #expect(summary.sha256 == (summary.file == "contacts.csv" ? "" : expected[summary.file]), "\(summary.file)")
        }
        #expect(!decoded.contacts.isEmpty)
    }
}
