#if canImport(Glibc)
import Glibc
#endif

/// A lock in the output folder so that two runs never interleave. The kernel releases it when the
/// holding process ends, however it ends, so a lock left by a killed run is simply taken over; the file
/// says which process holds it and since when.
public final class RunLock {
    public static let fileName = ".pathway.lock"

    private var descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    /// Takes the lock or fails with exit 75 naming the holder.
    public static func acquire(in folder: String, startedAt: String) throws(PathwayError) -> RunLock {
        do {
            try FileSystem.makeDirectories(folder)
        } catch {
            throw .outputFailed("cannot create the output folder '\(folder)': \(error)")
        }
        let path = folder.hasSuffix("/") ? folder + fileName : folder + "/" + fileName
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .outputFailed("cannot open the lock file '\(path)': \(SystemError.current())") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? FileSystem.readFile(path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            close(fd)
            let who = holder.trimmingWhitespace.isEmpty ? "another process" : holder.trimmingWhitespace
            throw .locked("another pathway run holds the lock '\(path)' (\(who)); try again when it has finished")
        }
        let text = "process \(getpid()) since \(startedAt)\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        return RunLock(descriptor: fd)
    }

    /// Releases the lock (also released when the process ends).
    public func release() {
        guard descriptor >= 0 else { return }
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}

extension String {
    var trimmingWhitespace: String {
        String(unicodeScalars.drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" })
            .reversed().drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" }).reversed().map(Character.init))
    }
}
