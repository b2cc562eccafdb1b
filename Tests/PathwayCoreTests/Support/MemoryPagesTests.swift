#if canImport(Glibc)
import Glibc
#endif
@testable import PathwayCore
import Testing

@Suite("memory pages given back")
struct MemoryPagesTests {
    /// Only whole pages inside the range are given back: a partial page at either end may hold bytes
    /// still in use (the next record, a malloc header).
    @Test("the whole pages inside a range", arguments: [
        (address: 0, count: 4_096, lower: 0, upper: 4_096),
        (address: 0, count: 4_095, lower: 0, upper: 0),
        (address: 1, count: 8_191, lower: 4_096, upper: 8_192),
        (address: 1, count: 8_190, lower: 4_096, upper: 4_096),
        (address: 4_096, count: 12_288, lower: 4_096, upper: 16_384),
        (address: 4_000, count: 100, lower: 4_096, upper: 4_096),
        (address: 8_192, count: 0, lower: 8_192, upper: 8_192),
        (address: 100, count: -5, lower: 4_096, upper: 4_096),
    ])
    func innerPages(address: Int, count: Int, lower: Int, upper: Int) throws {
        try #require(MemoryPages.size == 4_096, "the table is for 4 kB pages")
        let pages = MemoryPages.inner(UInt(address), count)
        #expect(pages == UInt(lower)..<UInt(max(lower, upper)))
    }

    /// Which of the pages at `address` are resident (`mincore`), one flag a page.
    static func resident(_ address: UnsafeRawPointer, pages: Int) -> [Bool] {
        var flags = [UInt8](repeating: 0, count: pages)
        let status = mincore(UnsafeMutableRawPointer(mutating: address), pages * MemoryPages.size, &flags)
        precondition(status == 0, "mincore on memory the process holds")
        return flags.map { $0 & 1 == 1 }
    }

    @Test("the whole pages given back are no longer resident; the partial ones at the ends stay")
    func givenBackLeavesResidentMemory() {
        let page = MemoryPages.size
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: 8 * page, alignment: page)
        defer { memory.deallocate() }
        memory.initializeMemory(as: UInt8.self, repeating: 0xAB)
        let base = UnsafeRawPointer(memory.baseAddress!)
        #expect(Self.resident(base, pages: 8) == Array(repeating: true, count: 8))
        // From inside page 1 to inside page 6: pages 2 to 5 go.
        MemoryPages.giveBack(base + page + 10, count: 5 * page)
        #expect(Self.resident(base, pages: 8) == [true, true, false, false, false, false, true, true])
        // Anonymous memory given back reads as zeros (why only memory nothing reads again may be given back).
        #expect(memory[3 * page] == 0 && memory[page + 10] == 0xAB)
    }

    @Test("memory given back is still the process's: written again, it holds what is written")
    func givenBackStaysUsable() {
        let size = 16 * MemoryPages.size
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: MemoryPages.size)
        defer { memory.deallocate() }
        memory.initializeMemory(as: UInt8.self, repeating: 0xAB)
        MemoryPages.giveBack(UnsafeRawPointer(memory.baseAddress!), count: size)
        memory.initializeMemory(as: UInt8.self, repeating: 0x5C)
        #expect(memory.allSatisfy { $0 == 0x5C })
    }
}
