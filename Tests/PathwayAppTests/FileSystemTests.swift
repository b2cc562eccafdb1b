#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import PathwayApp
import PathwayTestSupport
import Testing

@Suite("reading input files")
struct FileSystemTests {
    /// Sizes below, at and above the two-halves threshold, odd ones included, so the halves differ.
    @Test("a file reads back byte for byte, whether it is read in one go or as two halves in parallel",
          arguments: [0, 1, 4_097, FileSystem.parallelReadBytes - 1, FileSystem.parallelReadBytes,
                      FileSystem.parallelReadBytes + 3])
    func readsBack(size: Int) throws {
        var random = SeededRandom(seed: UInt64(size) + 1)
        var bytes = [UInt8](repeating: 0, count: size)
        bytes.withUnsafeMutableBytes { raw in
            for offset in stride(from: 0, to: size, by: 8) {
                withUnsafeBytes(of: random.next()) { word in
                    raw[offset..<min(offset + 8, size)].copyBytes(from: word.prefix(size - offset))
                }
            }
        }
        let folder = NSTemporaryDirectory() + "pathway-read-\(getpid())-\(size)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/input.csv"
        try FileSystem.writeFile(path, bytes)
        let read = try FileSystem.readFile(path)
        #expect(read.count == size)
        #expect(read == bytes)
    }
}
