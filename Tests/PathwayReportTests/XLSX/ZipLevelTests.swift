import CXlsxHooks
import Foundation
import Testing
import PathwayCore
@testable import PathwayReport

/// The zlib level of the workbook's zip parts and the threads deflating them (`Workbook.Options.zipLevel`
/// and `zipThreads`, CXlsxHooks): minizip records the level it was given in each part's general-purpose
/// flags, which the central directory keeps.
@Suite("XLSX zip level")
struct ZipLevelTests {
    /// One central-directory entry of a zip file.
    struct ZipEntry: Equatable {
        let name: String
        /// Bits 1 and 2 of the general-purpose flags, which minizip sets from the level: 6 for level 1
        /// ("super fast"), 4 for level 2 ("fast"), 2 for levels 8 and 9 ("maximum"), 0 otherwise.
        let levelFlags: Int
        /// 8 is deflate.
        let method: Int
    }

    /// The entries of the zip at `path`, read from its central directory (no comment after it, as
    /// minizip writes them).
    static func entries(_ path: String) throws -> [ZipEntry] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        let end = bytes.count - 22
        try #require(end >= 0 && u32(end) == 0x0605_4b50, "end of central directory record")
        var at = u32(end + 16)
        var entries: [ZipEntry] = []
        for _ in 0..<u16(end + 10) {
            try #require(u32(at) == 0x0201_4b50, "central directory entry at \(at)")
            let nameLength = u16(at + 28), extraLength = u16(at + 30), commentLength = u16(at + 32)
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            entries.append(ZipEntry(name: name, levelFlags: u16(at + 8) & 6, method: u16(at + 10)))
            at += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    /// A fixed creation day: without one, docProps/core.xml holds the time of writing, and two files
    /// written a second apart differ there.
    static let properties = Workbook.Properties(title: "zip", created: Day(year: 2026, month: 3, day: 31)!)

    /// A small workbook with a normal and a streamed sheet, written with `zipLevel`.
    static func write(_ path: String, zipLevel: Int?) throws -> Workbook {
        var written: Workbook?
        try Workbook.write(to: path, options: Workbook.Options(zipLevel: zipLevel)) { (workbook: Workbook) throws(XLSXError) in
            try workbook.setProperties(Self.properties)
            let summary = try workbook.addWorksheet("Summary")
            let list = try workbook.addWorksheet("List", streamed: true)
            for row in 0..<200 {
                try summary.write("row \(row)", row: row, column: 0)
                try summary.write(integer: row * 7, row: row, column: 1)
                try list.write("CH\(100_000 + row)", row: row, column: 0)
            }
            written = workbook
        }
        return try #require(written)
    }

    @Test("every part is deflated at the level asked for; without one, at libxlsxwriter's own",
          arguments: [(nil, 0), (1, 6), (2, 4), (6, 0), (9, 2)] as [(Int?, Int)])
    func partsAtTheLevel(level: Int?, flags: Int) throws {
        let scratch = try ScratchDirectory()
        let workbook = try Self.write(scratch.file("book.xlsx"), zipLevel: level)
        let entries = try Self.entries(scratch.file("book.xlsx"))
        #expect(entries.count >= 10)
        #expect(entries.contains { $0.name == "xl/worksheets/sheet2.xml" })
        #expect(entries.allSatisfy { $0.method == 8 && $0.levelFlags == flags }, "\(entries)")
        #expect(workbook.partsAtZipLevel == (level == nil ? 0 : entries.count))
    }

    @Test("the parts hold the same bytes at every level, and the level does not outlive the close")
    func sameContentAnyLevel() throws {
        let scratch = try ScratchDirectory()
        _ = try Self.write(scratch.file("fast.xlsx"), zipLevel: 1)
        // The same thread next closes a workbook without a level: libxlsxwriter's own again.
        let plain = try Self.write(scratch.file("plain.xlsx"), zipLevel: nil)
        #expect(plain.partsAtZipLevel == 0)
        #expect(try Self.entries(scratch.file("plain.xlsx")).allSatisfy { $0.levelFlags == 0 })
        let fast = try XLSXPackage(path: scratch.file("fast.xlsx"))
        let same = try XLSXPackage(path: scratch.file("plain.xlsx"))
        #expect(fast.parts.count == same.parts.count)
        #expect(fast.parts == same.parts)
        let sizes = try [scratch.file("fast.xlsx"), scratch.file("plain.xlsx")].map {
            try #require(FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int)
        }
        #expect(sizes[0] > sizes[1], "level 1 packs less tightly than level 6: \(sizes)")
    }

    @Test("dashboard.xlsx is packed at zlib level 1")
    func dashboardAtLevelOne() throws {
        let scratch = try ScratchDirectory()
        _ = try XLSXRendererTests.rendered(try DashboardFixture.small(), in: scratch)
        let entries = try Self.entries(scratch.file("dashboard.xlsx"))
        #expect(XLSXRenderer.zipLevel == 1)
        #expect(entries.count > 20)
        #expect(entries.allSatisfy { $0.method == 8 && $0.levelFlags == 6 }, "\(entries.filter { $0.levelFlags != 6 })")
    }

    @Test("a part of several chunks: the same file from one thread or two, and the same parts as minizip's")
    func largePartOnTwoThreads() throws {
        let scratch = try ScratchDirectory()
        func write(_ name: String, level: Int?, threads: Int) throws -> Workbook {
            var written: Workbook?
            let options = Workbook.Options(zipLevel: level, zipThreads: threads)
            try Workbook.write(to: scratch.file(name), options: options) { (workbook: Workbook) throws(XLSXError) in
                try workbook.setProperties(Self.properties)
                let summary = try workbook.addWorksheet("Summary")
                try summary.write("60,000 rows", row: 0, column: 0)
                let list = try workbook.addWorksheet("List", streamed: true)
                for row in 0..<60_000 {
                    try list.write("CH\(1_000_000 + row * 7)", row: row, column: 0)
                    try list.write(integer: row % 977, row: row, column: 1)
                }
                written = workbook
            }
            return try #require(written)
        }
        let two = try write("two.xlsx", level: 1, threads: 2)
        let one = try write("one.xlsx", level: 1, threads: 1)
        _ = try write("minizip.xlsx", level: nil, threads: 1)
        // Only the list's part (about 4 MB of XML) is long enough to be cut into chunks.
        #expect(two.partsOnTwoThreads == 1)
        #expect(one.partsOnTwoThreads == 0)
        // With two threads every part, at the level or not, goes to minizip from the worker's threads.
        #expect(two.partsOnWorker == two.partsAtZipLevel && one.partsOnWorker == 0)
        #expect(two.partsAtZipLevel == one.partsAtZipLevel && one.partsAtZipLevel >= 10)
        let files = try ["two.xlsx", "one.xlsx"].map { try Data(contentsOf: URL(fileURLWithPath: scratch.file($0))) }
        #expect((files[0] == files[1]) as Bool, "the same bytes whatever the threads")
        let package = try XLSXPackage(path: scratch.file("two.xlsx"))
        let minizip = try XLSXPackage(path: scratch.file("minizip.xlsx"))
        #expect(try #require(package.parts["xl/worksheets/sheet2.xml"]).count > 3 * Int(PATHWAY_DEFLATE_CHUNK))
        #expect((package.parts == minizip.parts) as Bool)
    }
}
