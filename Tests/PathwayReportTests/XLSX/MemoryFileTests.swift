#if canImport(Glibc)
import Glibc
#endif
import CXlsxHooks
import Foundation
import PathwayCore
import PathwayTestSupport
import Testing
@testable import PathwayReport

/// libxlsxwriter's temporary files in memory (`Workbook.Options.temporaryFilesInMemory`, CXlsxHooks'
/// `lxw_tmpfile`): a stream over memory behaves as a temporary file on disk does, and a workbook written
/// with them is the same file.
@Suite("XLSX temporary files in memory")
struct MemoryFileTests {
    /// What one operation on a stream gave: a call's result, a digest of the bytes a read gave (FNV-1a),
    /// and the position after it.
    struct Outcome: Equatable {
        var result = 0
        var digest: UInt64 = 0
        var position = 0
    }

    /// The kinds of operation, in the order `step` picks them from.
    enum Kind: Int {
        case write, read, seek, rewind, flush
    }

    /// Runs one random operation on `stream`: a write, a read, a seek from the start, the position or the
    /// end (also before the start, or past the end), a rewind or a flush. As C asks, a read does not
    /// directly follow a write, nor a write a read: `last` is the previous operation, and a seek to the
    /// position comes between.
    static func step(_ stream: UnsafeMutablePointer<FILE>, _ operation: UInt64, after last: inout Kind?) -> Outcome {
        var random = SeededRandom(seed: operation)
        var outcome = Outcome()
        let kind = Kind(rawValue: random.below(5))!
        if (kind == .write && last == .read) || (kind == .read && last == .write) {
            fseek(stream, 0, SEEK_CUR)
        }
        last = kind
        switch kind {
        case .write:
            let bytes = (0..<random.pick([1, 7, 4_095, 8_192, 70_000])).map { _ in UInt8(random.below(256)) }
            outcome.result = fwrite(bytes, 1, bytes.count, stream)
        case .read:
            var buffer = [UInt8](repeating: 0, count: random.pick([1, 100, 9_000, 200_000]))
            outcome.result = fread(&buffer, 1, buffer.count, stream)
            outcome.digest = buffer.prefix(outcome.result).reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
        case .seek:
            let whence = random.pick([SEEK_SET, SEEK_CUR, SEEK_END])
            outcome.result = Int(fseek(stream, random.below(120_000) - 20_000, whence))
        case .rewind:
            rewind(stream)
        case .flush:
            outcome.result = Int(fflush(stream))
        }
        outcome.position = ftell(stream)
        return outcome
    }

    @Test("random writes, reads and seeks give what a temporary file on disk gives", arguments: 0..<12)
    func sameAsDisk(seed: UInt64) throws {
        let memory = try #require(pathway_memory_file_open())
        let disk = try #require(tmpfile())
        defer {
            fclose(memory)
            fclose(disk)
        }
        var random = SeededRandom(seed: seed)
        var last: (memory: Kind?, disk: Kind?) = (nil, nil)
        for index in 0..<300 {
            let operation = random.next()
            let expected = Self.step(disk, operation, after: &last.disk)
            let got = Self.step(memory, operation, after: &last.memory)
            try #require(got == expected, "seed \(seed), operation \(index)")
        }
        // The whole file, read from the start.
        rewind(memory)
        rewind(disk)
        var whole = [[UInt8]](repeating: [UInt8](repeating: 0, count: 1 << 22), count: 2)
        #expect(fread(&whole[0], 1, whole[0].count, memory) == fread(&whole[1], 1, whole[1].count, disk))
        #expect((whole[0] == whole[1]) as Bool)
        fseek(memory, 0, SEEK_END)
        fseek(disk, 0, SEEK_END)
        #expect(ftell(memory) == ftell(disk))
    }

    /// A workbook with two streamed sheets and a normal one.
    static func write(_ path: String, inMemory: Bool) throws -> Workbook {
        var written: Workbook?
        let options = Workbook.Options(zipLevel: 1, zipThreads: 2, temporaryFilesInMemory: inMemory)
        try Workbook.write(to: path, options: options) { (workbook: Workbook) throws(XLSXError) in
            try workbook.setProperties(ZipLevelTests.properties)
            let summary = try workbook.addWorksheet("Summary")
            try summary.write("two lists", row: 0, column: 0)
            for name in ["First", "Second"] {
                let list = try workbook.addWorksheet(name, streamed: true)
                for row in 0..<30_000 {
                    try list.write("\(name) \(row)", row: row, column: 0)
                    try list.write(integer: row * 3, row: row, column: 1)
                }
            }
            written = workbook
        }
        return try #require(written)
    }

    @Test("a workbook written with its temporary files in memory is the same file, and the setting ends with it")
    func sameWorkbook() throws {
        let scratch = try ScratchDirectory()
        let inMemory = try Self.write(scratch.file("memory.xlsx"), inMemory: true)
        let onDisk = try Self.write(scratch.file("disk.xlsx"), inMemory: false)
        // A file for each streamed sheet's rows, and one for each of the package's parts (63 in all).
        #expect(inMemory.temporaryFilesMadeInMemory >= 2 + 3)
        #expect(onDisk.temporaryFilesMadeInMemory == 0)
        let files = try ["memory.xlsx", "disk.xlsx"].map { try Data(contentsOf: URL(fileURLWithPath: scratch.file($0))) }
        #expect(files[0].count > 100_000)
        #expect((files[0] == files[1]) as Bool)
        let package = try XLSXPackage(path: scratch.file("memory.xlsx"))
        #expect(try #require(package.parts["xl/worksheets/sheet3.xml"]).count > 1_000_000)
    }

    @Test("dashboard.xlsx keeps libxlsxwriter's temporary files in memory")
    func dashboardInMemory() throws {
        #expect(XLSXRenderer.temporaryFilesInMemory)
        let before = pathway_xlsx_memory_files_opened()
        let scratch = try ScratchDirectory()
        _ = try XLSXRendererTests.rendered(try DashboardFixture.small(), in: scratch)
        #expect(pathway_xlsx_memory_files_opened() - before >= UInt(XLSXRenderer.sheetNames(for: try DashboardFixture.small()).count))
    }
}
