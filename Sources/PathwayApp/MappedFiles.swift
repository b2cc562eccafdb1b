#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The input files mapped into memory (`FileSystem.mapFile`), and what happens when one of them
/// shrinks while it is mapped.
///
/// Reading a page of a mapping past the end of its file raises SIGBUS. That happens only when another
/// program truncates an export while pathway reads it (an exporter rewriting a file in place during the
/// nightly run). Instead of dying with "Bus error", pathway then prints one line naming the file and
/// exits 66, as for any input that cannot be read (SPEC §5). As after a SIGKILL, nothing is published
/// and the lock goes with the process.
enum MappedFiles {
    /// One mapping: its address range and the line to print, prepared beforehand because a signal
    /// handler may only call async-signal-safe functions (no allocation, no Swift strings).
    struct Entry {
        var start: UInt = 0
        var end: UInt = 0
        var message: UnsafeMutablePointer<CChar>?
        var length = 0
    }

    /// Slots for mappings alive at once (a run maps four inputs; tests map more, one after another).
    static let capacity = 64
    /// Written under `lock`; read by the signal handler without it (word-sized fields, written before
    /// the mapping is used and cleared before it is unmapped).
    nonisolated(unsafe) static let entries: UnsafeMutablePointer<Entry> = {
        let entries = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
        entries.initialize(repeating: Entry(), count: capacity)
        return entries
    }()
    private static let lock = NSLock()
    private static let installed: Bool = installHandler()

    /// The exit status and the line printed when a mapped input shrinks.
    static let exitStatus: Int32 = 66
    static func message(path: String) -> String {
        "pathway: " + shorterFile(path: path) + "\n"
    }

    /// Why the run stops when an input is shorter than when it was mapped (also when its digest is read).
    static func shorterFile(path: String) -> String {
        "input file '\(path)' became shorter while it was being read (was it rewritten during the run?); "
            + "run again once the export is complete"
    }

    /// Records a mapping; returns its slot for `unregister` (nil when every slot is taken: the mapping
    /// then works as usual, only a SIGBUS in it ends the process the default way).
    static func register(base: UnsafeRawPointer, count: Int, path: String) -> Int? {
        _ = installed
        let text = message(path: path)
        lock.lock()
        defer { lock.unlock() }
        for slot in 0..<capacity where entries[slot].end == 0 {
            entries[slot] = Entry(start: UInt(bitPattern: base), end: UInt(bitPattern: base) + UInt(count),
                                  message: strdup(text), length: text.utf8.count)
            return slot
        }
        return nil
    }

    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        lock.lock()
        defer { lock.unlock() }
        let message = entries[slot].message
        entries[slot] = Entry()
        free(message)
    }

    /// The slot whose mapping holds `address`, if any.
    static func slot(containing address: UInt) -> Int? {
        for slot in 0..<capacity where entries[slot].start <= address && address < entries[slot].end {
            return slot
        }
        return nil
    }

    private static func installHandler() -> Bool {
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = { _, info, _ in
            let address = UInt(bitPattern: info?.pointee._sifields._sigfault.si_addr)
            if let slot = MappedFiles.slot(containing: address), let message = MappedFiles.entries[slot].message {
                _ = write(STDERR_FILENO, message, MappedFiles.entries[slot].length)
                _exit(MappedFiles.exitStatus)
            }
            // Not in an input file: the default action, when the faulting access runs again.
            var fallback = sigaction()
            fallback.__sigaction_handler.sa_handler = SIG_DFL
            sigaction(SIGBUS, &fallback, nil)
        }
        action.sa_flags = SA_SIGINFO
        sigemptyset(&action.sa_mask)
        return sigaction(SIGBUS, &action, nil) == 0
    }
}
