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

    /// The whole file, read straight into one array.
    static func readFile(_ path: String) throws(SystemError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemError.current() }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw SystemError.current() }
        guard info.st_mode & S_IFMT == S_IFREG else { throw SystemError(code: EISDIR) }
        let capacity = max(Int(info.st_size), 0) + 1
        // Read in one go into uninitialised storage sized from fstat, growing if the file grew.
        var bytes = try [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized throws(SystemError) in
            initialized = 0
            if capacity - 1 >= parallelReadBytes {
                initialized = try readHalves(fd, into: buffer.baseAddress!, count: capacity - 1)
            }
            while true {
                if initialized == buffer.count { break }
                let n = read(fd, buffer.baseAddress! + initialized, buffer.count - initialized)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw SystemError.current()
                }
                if n == 0 { break }
                initialized += n
            }
        }
        if bytes.count == capacity {
            // The file grew while reading: read the rest the slow way.
            var extra = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let n = extra.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw SystemError.current()
                }
                if n == 0 { break }
                bytes.append(contentsOf: extra[0..<n])
            }
        }
        return bytes
    }

    /// Files at least this large are read as two halves on two cores (copying from the page cache and
    /// faulting in the new pages is most of the load stage).
    static let parallelReadBytes = 16 << 20

    /// Reads the first `count` bytes of the file with two `pread`s in parallel and leaves the file offset
    /// after them. Returns `count`, or 0 (offset back at the start) when the file turned out shorter,
    /// so that the caller reads it the ordinary way.
    private static func readHalves(_ fd: Int32, into base: UnsafeMutablePointer<UInt8>, count: Int) throws(SystemError) -> Int {
        let outcomes = ConcurrentSlots<Int32>(count: 2)
        nonisolated(unsafe) let base = base
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            var offset = half == 0 ? 0 : count / 2
            let end = half == 0 ? count / 2 : count
            while offset < end {
                let n = pread(fd, base + offset, end - offset, off_t(offset))
                if n < 0 {
                    if errno == EINTR { continue }
                    outcomes.set(half, errno)
                    return
                }
                if n == 0 {
                    outcomes.set(half, -1)
                    return
                }
                offset += n
            }
            outcomes.set(half, 0)
        }
        for half in 0..<2 where outcomes.get(half)! > 0 { throw SystemError(code: outcomes.get(half)!) }
        let complete = outcomes.get(0) == 0 && outcomes.get(1) == 0
        guard lseek(fd, complete ? off_t(count) : 0, SEEK_SET) >= 0 else { throw SystemError.current() }
        return complete ? count : 0
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

/// An errno value with its text.
struct SystemError: Error, CustomStringConvertible {
    let code: Int32

    static func current() -> SystemError { SystemError(code: errno) }

    var description: String { String(cString: strerror(code)).lowercased() }
}
