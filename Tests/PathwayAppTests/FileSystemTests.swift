#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import PathwayApp
import PathwayCore
import PathwayTestSupport
import Testing

@Suite("reading input files")
struct FileSystemTests {
    /// Random bytes of any length, so that both readers are checked byte for byte.
    static func randomBytes(_ size: Int) -> [UInt8] {
        var random = SeededRandom(seed: UInt64(size) + 1)
        var bytes = [UInt8](repeating: 0, count: size)
        bytes.withUnsafeMutableBytes { raw in
            for offset in stride(from: 0, to: size, by: 8) {
                withUnsafeBytes(of: random.next()) { word in
                    raw[offset..<min(offset + 8, size)].copyBytes(from: word.prefix(size - offset))
                }
            }
        }
        return bytes
    }

    /// Sizes around a page and a read buffer, odd ones included.
    @Test("a file reads back byte for byte, read into an array or mapped",
          arguments: [0, 1, 4_095, 4_097, 65_536, 65_537, (1 << 20) + 3])
    func readsBack(size: Int) throws {
        let bytes = Self.randomBytes(size)
        let folder = try TemporaryDirectory()
        let path = folder.file("input.csv")
        try FileSystem.writeFile(path, bytes)
        #expect(try FileSystem.readFile(path) == bytes)
        let mapped = try FileSystem.mapFile(path).bytes
        #expect(mapped.count == size)
        #expect(Array(mapped) == bytes)
    }

    @Test("a mapping stays readable after its file is removed, and is forgotten when its bytes go")
    func mappingLifetime() throws {
        let bytes = Self.randomBytes(10_000)
        let folder = try TemporaryDirectory()
        let path = folder.file("input.csv")
        try FileSystem.writeFile(path, bytes)
        var mapped: InputBytes? = try FileSystem.mapFile(path).bytes
        let address = mapped!.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        #expect(MappedFiles.slot(containing: address) != nil)
        #expect(MappedFiles.slot(containing: address + 9_999) != nil)
        #expect(MappedFiles.slot(containing: address + 10_000) == nil)
        unlink(path)
        #expect(Array(mapped!) == bytes)
        mapped = nil
        #expect(MappedFiles.slot(containing: address) == nil)
    }

    @Test("decoding keeps none of the input files' bytes once it returns (no copy of them is left behind)")
    func decodingReleasesInputs() throws {
        final class Releases: @unchecked Sendable { var files: [String] = [] }
        let releases = Releases()
        var inputs: [LoadedInput] = []
        for file in InputFile.allCases {
            let bytes = try FileSystem.readFile(AppFixtures.small + "/" + file.defaultFileName)
            let memory = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
            _ = memory.initialize(from: bytes)
            nonisolated(unsafe) let owned = memory
            let name = file.defaultFileName
            inputs.append(LoadedInput(file: file, name: name, bytes: InputBytes(
                unsafeBase: UnsafeRawPointer(memory.baseAddress), count: bytes.count) {
                    releases.files.append(name)
                    owned.deallocate()
                }))
        }
        let decoded = try Evaluation.decodeAll(consume inputs, options: DecodingOptions())
        #expect(decoded.summaries.count == 4)
        #expect(releases.files.sorted() == InputFile.allCases.map(\.defaultFileName).sorted())
    }

    /// A copy of the small fixture, mapped by the load stage.
    static func loadedCopy() throws -> (TemporaryDirectory, [LoadedInput]) {
        let folder = try TemporaryDirectory()
        for file in InputFile.allCases {
            try FileSystem.writeFile(folder.file(file.defaultFileName),
                                     FileSystem.readFile(AppFixtures.small + "/" + file.defaultFileName))
        }
        return (folder, try InputLoader.load(folder: folder.path, configuration: Configuration()))
    }

    @Test("an input written to in place after it was mapped stops the run (exit 66, naming it)")
    func rewrittenInPlace() throws {
        let (folder, inputs) = try Self.loadedCopy()
        let sources = inputs.compactMap(\.source)
        #expect(sources.count == 4)
        try InputLoader.checkUnchanged(sources)
        let path = folder.file("conferences.csv")
        // The same size, one byte changed: only the times tell. (The kernel's file times move in ticks
        // of a few milliseconds, so the test waits for the next one.)
        usleep(20_000)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.write(Data("C".utf8))
        handle.closeFile()
        #expect(try FileSystem.readFile(path).count == Int(sources.first { $0.path == path }!.version.size))
        #expect(throws: PathwayError.self) { try InputLoader.checkUnchanged(sources) }
        do {
            try InputLoader.checkUnchanged(sources)
        } catch {
            #expect(error.exitCode == 66)
            #expect(error.description == "input file '\(path)' was written to while it was being read; "
                + "run again once the export is complete")
        }
    }

    @Test("an input replaced by a rename or removed after it was mapped is fine: the mapping kept the old file whole")
    func replacedOrRemoved() throws {
        let (folder, inputs) = try Self.loadedCopy()
        let sources = inputs.compactMap(\.source)
        let contacts = folder.file("contacts.csv")
        try FileSystem.writeFile(contacts + ".new", Array("contact_id,child_id\n".utf8))
        try FileSystem.rename(contacts + ".new", contacts)
        unlink(folder.file("audits.csv"))
        try InputLoader.checkUnchanged(sources)
        let mapped = try #require(inputs.first { $0.file == .contacts })
        #expect(Array(mapped.bytes) == (try FileSystem.readFile(AppFixtures.small + "/contacts.csv")))
    }

    /// Resident kilobytes of this process's mapping that starts at `address` (/proc/self/smaps), nil if none.
    static func residentKB(ofMappingAt address: UInt) throws -> Int? {
        // Read to the end: /proc files report a size of 0.
        let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/smaps"))
        defer { try? handle.close() }
        let smaps = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        var inMapping = false
        for line in smaps.split(separator: "\n") {
            if let dash = line.firstIndex(of: "-"), let start = UInt(line[..<dash], radix: 16) {
                inMapping = start == address
            } else if inMapping, line.hasPrefix("Rss:") {
                return Int(line.split(separator: " ")[1])
            }
        }
        return nil
    }

    /// The decoder tells a mapped file which bytes it is done with (`InputBytes.doneReading`): their pages
    /// must leave the process's resident memory (the run's peak RSS) and still read back the same bytes.
    @Test("pages of a mapped file the reader is done with leave resident memory and still read back the same")
    func doneReadingGivesPagesBack() throws {
        let page = MemoryPages.size
        let bytes = Self.randomBytes(64 * page + 100)
        let folder = try TemporaryDirectory()
        let path = folder.file("input.csv")
        try FileSystem.writeFile(path, bytes)
        let mapped = try FileSystem.mapFile(path).bytes
        let address = mapped.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        #expect(Array(mapped) == bytes)
        let touched = try #require(try Self.residentKB(ofMappingAt: address))
        #expect(touched == 65 * page / 1_024)
        // The middle 32 pages, from a byte inside page 16 to one inside page 48: pages 17 to 47 go.
        mapped.doneReading((16 * page + 1)..<(48 * page + 1))
        #expect(try Self.residentKB(ofMappingAt: address) == (65 - 31) * page / 1_024)
        mapped.doneReading(0..<mapped.count)
        #expect(try Self.residentKB(ofMappingAt: address) == page / 1_024, "only the last, partial page stays")
        #expect(Array(mapped) == bytes)
    }

    /// A file of random bytes, mapped as the load stage maps it.
    static func mappedSource(size: Int) throws -> (TemporaryDirectory, [UInt8], InputBytes, InputSource) {
        let folder = try TemporaryDirectory()
        let path = folder.file("contacts.csv")
        let bytes = Self.randomBytes(size)
        try FileSystem.writeFile(path, bytes)
        let (mapped, version, file) = try FileSystem.mapFile(path)
        return (folder, bytes, mapped, InputSource(path: path, version: version, file: file))
    }

    /// Reading past the end of a truncated file's mapping raises SIGBUS; the handler maps zeros there.
    /// (Without the handler the test process dies of the signal.)
    @Test("a mapped input that another program truncates reads zeros for its lost pages and stops the run (exit 66, naming it)")
    func truncatedWhileMapped() throws {
        let page = MemoryPages.size
        let (folder, bytes, mapped, source) = try Self.mappedSource(size: 3 * page + 100)
        try InputLoader.checkUnchanged([source])
        #expect(!source.file.lostPages)
        truncate(source.path, off_t(page + 10))
        let read = Array(mapped)
        #expect(read.count == bytes.count)
        #expect(read[..<(page + 10)] == bytes[..<(page + 10)])
        #expect(read[(page + 10)...].allSatisfy { $0 == 0 })
        #expect(source.file.lostPages)
        do {
            try InputLoader.checkUnchanged([source])
            Issue.record("a truncated input did not stop the run")
        } catch {
            #expect(error.exitCode == 66)
            #expect("pathway: " + error.description + "\n" == MappedFiles.message(path: source.path))
        }
        _ = folder
    }

    @Test("an input that lost pages while mapped and has its size back stops the run as one that could not be read whole")
    func lostPagesSizeBack() throws {
        let page = MemoryPages.size
        let (folder, bytes, mapped, source) = try Self.mappedSource(size: 2 * page + 5)
        truncate(source.path, 0)
        #expect(Array(mapped).allSatisfy { $0 == 0 })
        #expect(source.file.lostPages)
        // Written again in place, as long as before: only the mark tells.
        let handle = try #require(FileHandle(forWritingAtPath: source.path))
        handle.write(Data(bytes))
        handle.closeFile()
        #expect(FileSystem.version(source.path)?.size == source.version.size)
        #expect(throws: PathwayError.self) { try InputLoader.checkUnchanged([source]) }
        do {
            try InputLoader.checkUnchanged([source])
        } catch {
            #expect(error.exitCode == 66)
            #expect(error.description == "input file '\(source.path)' could not be read whole: part of it was lost "
                + "while it was being read (a disk error, or the file rewritten during the run); "
                + "run again once the export is complete")
        }
        _ = folder
    }

    /// A whole run with contacts.csv truncated once it is mapped: the lost pages read as zeros, and the run
    /// stops with the shrunk file's message, also when the zeros fail first (a header of zeros lacks every
    /// column: exit 65 otherwise). The reason goes to failed-run.json, and nothing is published.
    @Test("an export truncated during a run stops it with exit 66 naming the file, in failed-run.json too, publishing nothing",
          arguments: [0, 100_000])
    func truncatedDuringRun(keep: Int) throws {
        let input = try TemporaryDirectory(), out = try TemporaryDirectory()
        for file in InputFile.allCases {
            try FileSystem.writeFile(input.file(file.defaultFileName),
                                     FileSystem.readFile(AppFixtures.sampleData + "/" + file.defaultFileName))
        }
        let contacts = input.file("contacts.csv")
        #expect(try FileSystem.readFile(contacts).count > 8 * MemoryPages.size)
        var request = AppFixtures.request(input: input.path, output: out.path, config: nil)
        request.inputsLoaded = { truncate(contacts, off_t(keep)) }
        do {
            _ = try NightlyJob.run(request, logger: AppFixtures.quietLogger)
            Issue.record("a run whose contacts.csv was truncated under it finished")
        } catch {
            #expect(error.exitCode == 66)
            #expect("pathway: " + error.description + "\n" == MappedFiles.message(path: contacts))
        }
        let failure = try out.read("failed-run.json")
        #expect(failure.contains("\"exit_status\": 66"))
        #expect(failure.contains("contacts.csv' became shorter while it was being read"))
        #expect(FileSystem.kind(out.file("latest")) == .missing)
        #expect(FileSystem.kind(out.file("2026-03-31")) == .missing)

        // `pathway validate` the same way, on a fresh copy.
        try FileSystem.writeFile(contacts + ".new", FileSystem.readFile(AppFixtures.sampleData + "/contacts.csv"))
        try FileSystem.rename(contacts + ".new", contacts)
        do {
            _ = try NightlyJob.validate(inputFolder: input.path, configFile: nil, holidaysFile: nil, maxRejectedPercent: nil,
                                        inputsLoaded: { truncate(contacts, off_t(keep)) })
            Issue.record("validating a contacts.csv truncated under it finished")
        } catch {
            #expect(error.exitCode == 66)
            #expect("pathway: " + error.description + "\n" == MappedFiles.message(path: contacts))
        }
    }
}
