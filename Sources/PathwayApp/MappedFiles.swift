#if canImport(Glibc)
import Glibc
#endif
import Foundation
import PathwayCore

/// The input files mapped into memory (`FileSystem.mapFile`, `OpenFile.readAgain`), and what happens
/// when one of them shrinks while it is mapped.
///
/// Reading a page of a mapping past the end of its file raises SIGBUS. That happens only when another
/// program truncates an export while pathway reads it (an exporter rewriting a file in place during the
/// nightly run), or when the page cannot be read from the disk. Instead of dying with "Bus error", the
/// handler maps zeros over the lost pages, to the mapping's end, and marks the file (`OpenFile.lostPages`);
/// the read then goes on and finds zeros. Once the files have been read (after the render in a run,
/// whose late digest reads the largest file again; after decoding in `validate`), and whenever decoding
/// fails, `InputLoader.checkUnchanged` stops the run with exit 66 naming the file, through the ordinary
/// error path, so that `failed-run.json` says why (SPEC §5) and nothing is published. The zeros are only
/// ever read by a run that is going to stop; an error they cause on the way is replaced by that one.
/// Should the kernel refuse the zeros, the handler prints the line itself and exits 66 (the lock goes
/// with the process, but `failed-run.json` is not written).
enum MappedFiles {
    /// One mapping: its address range, the line to print, the page size and the file's mark, prepared
    /// beforehand because a signal handler may only call async-signal-safe functions (no allocation, no
    /// Swift strings); with the page size here, the handler reads nothing but `entries`.
    struct Entry {
        var start: UInt = 0
        var end: UInt = 0
        var message: UnsafeMutablePointer<CChar>?
        var length = 0
        var pageSize: UInt = 0
        /// Set to 1 when zeros are mapped over lost pages (nil only in an empty slot).
        var lost: UnsafeMutablePointer<Int>?
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

    /// Maps the first `count` (> 0) bytes of the open file `descriptor` read-only and records the mapping,
    /// so that a SIGBUS in it is handled as above; nil when `mmap` fails (`errno` says why). The one way
    /// the input files are mapped (`FileSystem.mapFile`, `OpenFile.readAgain`); give it back with `unmap`.
    static func map(descriptor: Int32, count: Int, path: String,
                    lost: UnsafeMutablePointer<Int>) -> (base: UnsafeMutableRawPointer, slot: Int?)? {
        guard let base = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0),
              base != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        return (base, register(base: UnsafeRawPointer(base), count: count, path: path, lost: lost))
    }

    /// Forgets a mapping made by `map`, then unmaps it: in that order, so that the handler never maps
    /// zeros over an address range that may already hold something else.
    static func unmap(_ base: UnsafeMutableRawPointer, count: Int, slot: Int?) {
        unregister(slot)
        munmap(base, count)
    }

    /// Records a mapping of `count` bytes at the page-aligned `base`; returns its slot for `unregister`
    /// (nil when every slot is taken: the mapping then works as usual, only a SIGBUS in it ends the
    /// process the default way). `lost` is set to 1 if pages of it are lost; it must outlive the slot.
    private static func register(base: UnsafeRawPointer, count: Int, path: String, lost: UnsafeMutablePointer<Int>) -> Int? {
        _ = installed
        let text = message(path: path)
        lock.lock()
        defer { lock.unlock() }
        for slot in 0..<capacity where entries[slot].end == 0 {
            entries[slot] = Entry(start: UInt(bitPattern: base), end: UInt(bitPattern: base) + UInt(count),
                                  message: strdup(text), length: text.utf8.count, pageSize: UInt(MemoryPages.size),
                                  lost: lost)
            return slot
        }
        return nil
    }

    private static func unregister(_ slot: Int?) {
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

    /// Maps zeros over a slot's mapping from the page holding `address` to its end, and marks its file;
    /// false (nothing changed) when the kernel refuses. Called by the signal handler:
    /// `mmap` is a plain system call on Linux, and nothing here allocates.
    static func mapZeros(slot: Int, from address: UInt) -> Bool {
        let entry = entries[slot]
        guard let lost = entry.lost, entry.pageSize > 0 else { return false }
        let mask = entry.pageSize - 1
        let first = address & ~mask
        let last = (entry.end + mask) & ~mask
        guard first < last, let start = UnsafeMutableRawPointer(bitPattern: first) else { return false }
        let zeros = mmap(start, Int(last - first), PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
        guard zeros == start else { return false }
        lost.pointee = 1
        return true
    }

    private static func installHandler() -> Bool {
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = { _, info, _ in
            let address = UInt(bitPattern: info?.pointee._sifields._sigfault.si_addr)
            if let slot = MappedFiles.slot(containing: address) {
                // The access runs again when the handler returns, and reads zeros.
                if MappedFiles.mapZeros(slot: slot, from: address) { return }
                if let message = MappedFiles.entries[slot].message {
                    _ = write(STDERR_FILENO, message, MappedFiles.entries[slot].length)
                    _exit(MappedFiles.exitStatus)
                }
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
