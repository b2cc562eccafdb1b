#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

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
