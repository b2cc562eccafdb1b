import Foundation
import PathwayCore

/// Appends bytes to a file through a 1 MiB buffer. Appends never throw: the first write error is
/// kept and reported by `finish()`, after which further output is dropped.
final class BufferedFileWriter {
    static let capacity = 1 << 20

    let path: String
    private let handle: FileHandle
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private(set) var bytesWritten = 0
    private var failure: SampleError?
    private var closed = false

    init(path: String) throws(SampleError) {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw .cannotWrite(path: path, reason: "the file cannot be created")
        }
        self.handle = handle
        buffer = .allocate(capacity: BufferedFileWriter.capacity)
    }

    deinit {
        buffer.deallocate()
        if !closed { try? handle.close() }
    }

    /// Writes out the buffer.
    func flush() {
        guard count > 0 else { return }
        if failure == nil {
            do {
                try handle.write(contentsOf: Data(bytesNoCopy: buffer, count: count, deallocator: .none))
            } catch {
                failure = .cannotWrite(path: path, reason: "\(error)")
            }
        }
        bytesWritten += count
        count = 0
    }

    /// Flushes, closes the file and reports the first error.
    func finish() throws(SampleError) {
        flush()
        if !closed {
            closed = true
            do { try handle.close() } catch {
                if failure == nil { failure = .cannotWrite(path: path, reason: "\(error)") }
            }
        }
        if let failure { throw failure }
    }

    @inline(__always)
    private func room(_ n: Int) {
        if count + n > BufferedFileWriter.capacity { flush() }
    }

    @inline(__always)
    func byte(_ value: UInt8) {
        room(1)
        buffer[count] = value
        count += 1
    }

    func bytes(_ values: [UInt8]) {
        for value in values { byte(value) }
    }

    /// The string's UTF-8 bytes, as they are.
    func utf8(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            if utf8.count > BufferedFileWriter.capacity {
                for b in utf8 { byte(b) }
                return
            }
            room(utf8.count)
            (buffer + count).update(from: utf8.baseAddress!, count: utf8.count)
            count += utf8.count
        }
    }

    /// The string in Windows-1252: Latin-1 letters and the usual punctuation, `?` for anything else.
    func windows1252(_ text: String) {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x80, 0xA0...0xFF: byte(UInt8(scalar.value))
            case 0x2018: byte(0x91)
            case 0x2019: byte(0x92)
            case 0x201C: byte(0x93)
            case 0x201D: byte(0x94)
            case 0x2013: byte(0x96)
            case 0x2014: byte(0x97)
            case 0x20AC: byte(0x80)
            default: byte(UInt8(ascii: "?"))
            }
        }
    }

    /// `value` in decimal, zero-padded to at least `width` digits (value ≥ 0).
    @inline(__always)
    func digits(_ value: Int, width: Int) {
        var digits = 1, limit = 10
        while value >= limit, digits < 19 { digits += 1; limit &*= 10 }
        let n = max(width, digits)
        room(n)
        var v = value
        var i = count + n - 1
        while i >= count {
            buffer[i] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
            v /= 10
            i -= 1
        }
        count += n
    }

    /// `YYYY-MM-DD`.
    @inline(__always)
    func isoDate(_ day: Day) {
        let c = day.components
        digits(c.year, width: 4)
        byte(UInt8(ascii: "-"))
        digits(c.month, width: 2)
        byte(UInt8(ascii: "-"))
        digits(c.day, width: 2)
    }

    /// `DD/MM/YYYY`, or `D/M/YYYY` when not padded.
    func slashDate(_ day: Day, padded: Bool) {
        let c = day.components
        digits(c.day, width: padded ? 2 : 1)
        byte(UInt8(ascii: "/"))
        digits(c.month, width: padded ? 2 : 1)
        byte(UInt8(ascii: "/"))
        digits(c.year, width: 4)
    }
}
