#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PathwayCore

/// The few POSIX file operations the load and publish stages need, with errno turned into text.
enum FileSystem {
    enum Kind { case missing, file, directory, other }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// Opens `path` for reading, checks that it is a regular file (a folder or device is EISDIR), and
    /// hands `body` the descriptor and its `fstat`; the descriptor is closed afterwards.
    private static func withRegularFile<R>(_ path: String,
                                           _ body: (Int32, stat) throws(SystemError) -> R) throws(SystemError) -> R {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemError.current() }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw SystemError.current() }
        guard info.st_mode & S_IFMT == S_IFREG else { throw SystemError(code: EISDIR) }
        return try body(fd, info)
    }

    /// The whole file, read straight into one array (configuration, holidays, the rendered workbook).
    static func readFile(_ path: String) throws(SystemError) -> [UInt8] {
        try withRegularFile(path) { fd, info throws(SystemError) in try readAll(fd, sizeHint: Int(info.st_size)) }
    }

    private static func readAll(_ fd: Int32, sizeHint: Int) throws(SystemError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(sizeHint, 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += repeatElement(0, count: max(bytes.count, 1 << 16)) }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemError.current()
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// An input file mapped read-only into memory, as it is when mapped (its size from `fstat`), with the
    /// version it was mapped at. The load stage maps the exports instead of reading them: see `InputBytes`
    /// for the figures, `MappedFiles` for a file that shrinks while it is mapped, and `FileVersion` for one
    /// rewritten in place. The mapping goes when the bytes do. `file` stays open on the same inode, so
    /// that the file can be read again (for its digest) after the mapping has gone.
    static func mapFile(_ path: String) throws(SystemError) -> (bytes: InputBytes, version: FileVersion, file: OpenFile) {
        try withRegularFile(path) { fd, info throws(SystemError) in try map(fd, info, path: path) }
    }

    private static func map(_ fd: Int32, _ info: stat,
                            path: String) throws(SystemError) -> (bytes: InputBytes, version: FileVersion, file: OpenFile) {
        let version = FileVersion(info)
        let count = Int(info.st_size)
        let kept = dup(fd)
        guard kept >= 0 else { throw SystemError.current() }
        let file = OpenFile(descriptor: kept, size: count, path: path)
        guard count > 0 else { return (InputBytes([]), version, file) }
        guard let (base, slot) = MappedFiles.map(descriptor: fd, count: count, path: path, lost: file.lostPagesMark) else {
            throw SystemError.current()
        }
        nonisolated(unsafe) let mapped = base
        // Pages the decoder is done with leave resident memory; read again, they come back from the page cache.
        let bytes = InputBytes(unsafeBase: UnsafeRawPointer(base), count: count, doneReading: { range in
            MemoryPages.giveBack(UnsafeRawPointer(mapped) + range.lowerBound, count: range.count)
        }, release: {
            MappedFiles.unmap(mapped, count: count, slot: slot)
            // The slot pointed at the file's mark until now.
            withExtendedLifetime(file) {}
        })
        return (bytes, version, file)
    }

    /// The file's version now; nil when it is gone.
    static func version(_ path: String) -> FileVersion? {
        var info = stat()
        return stat(path, &info) == 0 ? FileVersion(info) : nil
    }

    /// Writes bytes to a new file and flushes them to disk.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(SystemError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SystemError.current() }
        var failure: SystemError?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = SystemError.current()
                    return
                }
                offset += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = SystemError.current() }
        if close(fd) != 0, failure == nil { failure = SystemError.current() }
        if let failure { throw failure }
    }

    static func makeDirectories(_ path: String) throws(SystemError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw SystemError(code: errno == 0 ? EACCES : errno)
        }
    }

    static func rename(_ from: String, _ to: String) throws(SystemError) {
        guard Glibc.rename(from, to) == 0 else { throw SystemError.current() }
    }

    /// Swaps two paths atomically (Linux renameat2 with RENAME_EXCHANGE, looked up in the C library at run time).
    static func exchange(_ a: String, _ b: String) throws(SystemError) {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else {
            throw SystemError(code: ENOSYS)
        }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2
        let result = a.withCString { pa in b.withCString { pb in renameat2(AT_FDCWD, pa, AT_FDCWD, pb, renameExchange) } }
        guard result == 0 else { throw SystemError.current() }
    }

    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    static func listDirectory(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }
}

/// An input file held open after it was mapped, so that it can be read again from the same inode (a file
/// replaced by a rename since is not read instead). Closed when the last reference goes.
final class OpenFile: Sendable {
    private let descriptor: Int32
    /// The size when it was opened: the bytes the mapping showed.
    let size: Int
    /// For the message when the file shrinks while it is mapped again (`MappedFiles`).
    let path: String
    /// 1 once a mapping of the file lost pages and read zeros instead (`MappedFiles`): raw memory, so that
    /// the signal handler can set it. Only read once the readers are done.
    nonisolated(unsafe) let lostPagesMark: UnsafeMutablePointer<Int>

    init(descriptor: Int32, size: Int, path: String) {
        self.descriptor = descriptor
        self.size = size
        self.path = path
        lostPagesMark = .allocate(capacity: 1)
        lostPagesMark.initialize(to: 0)
    }

    deinit {
        close(descriptor)
        lostPagesMark.deallocate()
    }

    /// Whether a mapping of the file lost pages (it became shorter, or a page could not be read), so
    /// that zeros were read in their place.
    var lostPages: Bool { lostPagesMark.pointee != 0 }

    /// Reads the first `size` bytes again, in pieces of at most `piece` bytes handed to `body` in order.
    /// A file that has become shorter is ENODATA, also one that shrinks while it is read (its lost pages
    /// read as zeros first, as in a shrunk input mapping, `MappedFiles`).
    ///
    /// The file is mapped again and each piece's pages are given back once `body` has read them, so that
    /// they do not add to resident memory. Reading with `pread` instead copied every byte: at 1M children,
    /// 30 ms of the render's second core, which the workbook then waited for. If it cannot be mapped, it
    /// is read with `pread` into one reused buffer.
    func readAgain(piece: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) -> Void) throws(SystemError) {
        precondition(piece > 0, "pieces of at least one byte")
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw SystemError.current() }
        guard Int(info.st_size) >= size else { throw SystemError(code: ENODATA) }
        guard size > 0 else { return }
        guard let (base, slot) = MappedFiles.map(descriptor: descriptor, count: size, path: path, lost: lostPagesMark) else {
            try readWithPread(piece: piece, body)
            return
        }
        defer { MappedFiles.unmap(base, count: size, slot: slot) }
        _ = madvise(base, size, MADV_SEQUENTIAL)
        var offset = 0
        while offset < size {
            let count = min(piece, size - offset)
            body(UnsafeRawBufferPointer(start: base + offset, count: count))
            MemoryPages.giveBack(UnsafeRawPointer(base + offset), count: count)
            offset += count
        }
        if lostPages { throw SystemError(code: ENODATA) }
    }

    /// `readAgain` through `pread`, into one reused buffer.
    func readWithPread(piece: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) -> Void) throws(SystemError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, min(piece, size)), alignment: 64)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < size {
            let n = pread(descriptor, buffer.baseAddress, min(buffer.count, size - offset), off_t(offset))
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemError.current()
            }
            if n == 0 { throw SystemError(code: ENODATA) }
            body(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
            offset += n
        }
    }
}

/// Which file a path named, and how it was when looked at: a file written to in place (or truncated,
/// or whose times were set back) changes its size, modification or status-change time; a file
/// replaced by a rename is another inode, and a mapping of the old one still holds the old bytes whole.
struct FileVersion: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: [Int]
    let changed: [Int]

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = [info.st_mtim.tv_sec, info.st_mtim.tv_nsec]
        changed = [info.st_ctim.tv_sec, info.st_ctim.tv_nsec]
    }

    /// The same inode, with different contents or times since `self` was taken.
    func isRewritten(by now: FileVersion) -> Bool {
        device == now.device && inode == now.inode && self != now
    }
}

/// An errno value with its text.
struct SystemError: Error, CustomStringConvertible {
    let code: Int32

    static func current() -> SystemError { SystemError(code: errno) }

    var description: String { String(cString: strerror(code)).lowercased() }
}
