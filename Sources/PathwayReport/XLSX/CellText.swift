/// Text as it may go into a cell: Excel holds at most 32,767 characters per cell and C strings end at
/// the first NUL, so longer text is cut (with a closing `…`) and NULs are dropped instead of failing.
enum CellText {
    /// Excel's limit, in UTF-16 code units (libxlsxwriter counts code points, which is never more).
    static let maxLength = 32_767
    static let truncationMark: Character = "…"

    static func safe(_ text: String) -> String {
        // Most cells: printable ASCII under the limit, which need no change.
        if text.utf8.count <= maxLength, isPrintableASCII(text) { return text }
        var text = text
        if text.utf8.contains(0) { text.removeAll { $0 == "\0" } }
        guard text.utf16.count > maxLength else { return text }
        // Keep whole scalars so a surrogate pair is never split, and leave room for the mark.
        var kept = String.UnicodeScalarView()
        var units = 0
        for scalar in text.unicodeScalars {
            let size = scalar.utf16.count
            if units + size > maxLength - 1 { break }
            kept.append(scalar)
            units += size
        }
        return String(kept) + String(truncationMark)
    }

    /// `safe(text)` and its `width`, with one look at the bytes for the usual printable ASCII text
    /// (`safe` and `width` each looked at them, and a list is measured before it is written: four
    /// passes over each of its string cells).
    static func safeWithWidth(_ text: String, style: CellStyle) -> (text: String, width: Double) {
        if text.utf8.count <= maxLength, let width = asciiWidth(text, style: style) { return (text, width) }
        let safe = safe(text)
        return (safe, width(safe, style: style))
    }

    /// Approximate display width in Excel column units (the width of `0` in the default font):
    /// the longest line, or for wrapping headers the longest word; East Asian wide characters count double.
    static func width(_ text: String, style: CellStyle) -> Double {
        asciiWidth(text, style: style) ?? generalWidth(text, style: style)
    }

    /// The width of most cells, one line of printable ASCII: every character is one unit wide. Nil for
    /// any other text, and for the wrapping headers (measured by their longest word).
    @inline(__always)
    private static func asciiWidth(_ text: String, style: CellStyle) -> Double? {
        guard style != .header, style != .headerNumber, isPrintableASCII(text) else { return nil }
        return Double(text.utf8.count) * style.widthFactor
    }

    /// Every byte is printable ASCII (space to `~`: no NUL, no line break, nothing wide). Read from the
    /// string's contiguous UTF-8 (iterating `utf8` took about 30 instructions a byte); false when the
    /// string has no contiguous UTF-8, so that the general paths decide.
    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            // Without a branch per byte: any byte outside space...`~` sets the flag.
            var outside: UInt8 = 0
            for byte in bytes { outside |= byte &- 0x20 >= 0x5F ? 1 : 0 }
            return outside == 0
        } ?? false
    }

    /// `width` for any text: split into lines (or words, for headers), wide characters counted double.
    static func generalWidth(_ text: String, style: CellStyle) -> Double {
        let pieces: [Substring]
        switch style {
        case .header, .headerNumber:
            pieces = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        default:
            pieces = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        let longest = pieces.map { piece in
            piece.unicodeScalars.reduce(0.0) { $0 + (isWide($1) ? 2.0 : 1.0) }
        }.max() ?? 0
        return longest * style.widthFactor
    }

    /// Lines a wrapped cell needs at this column width: words fill each line greedily, a word longer
    /// than the line takes as many lines as it spans.
    /// `characterWidth` is the average width of a character in digit widths (about 0.85 for bold
    /// headings in Calibri; 1 errs on the safe side for body text).
    static func lines(_ text: String, width: Double, characterWidth: Double = 1) -> Int {
        let width = max(width / characterWidth, 1)
        var total = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var lines = 1
            var used = 0.0
            for word in paragraph.split(separator: " ") {
                let size = self.width(String(word), style: .text)
                if used > 0, used + 1 + size <= width {
                    used += 1 + size
                } else if used == 0, size <= width {
                    used = size
                } else {
                    if used > 0 { lines += 1 }
                    let spans = max(Int((size / width).rounded(.up)), 1)
                    lines += spans - 1
                    used = size - Double(spans - 1) * width
                }
            }
            total += lines
        }
        return max(total, 1)
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
