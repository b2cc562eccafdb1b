/// Decides a source file's encoding and produces its UTF-8 text (spec §2 "Exact reading rules").
///
/// - A leading UTF-8 byte-order mark (EF BB BF) is removed.
/// - If the rest is valid UTF-8 it is used as is: the input bytes are kept (no copy) and `start` skips the BOM.
/// - Otherwise the whole rest is decoded as Windows-1252 and re-encoded as UTF-8. The five bytes that
///   Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same
///   number (U+0081 ...), as the WHATWG encoding standard does, so every byte decodes to something.
///
/// "Valid UTF-8" is the Unicode definition (Table 3-7): overlong forms, surrogates (U+D800...U+DFFF),
/// code points above U+10FFFF and truncated sequences are all invalid.
public enum SourceDecoder {
    static let byteOrderMark: (UInt8, UInt8, UInt8) = (0xEF, 0xBB, 0xBF)

    /// Spec: a leading UTF-8 BOM is removed; if the rest is not valid UTF-8, the whole rest is decoded as
    /// Windows-1252 (undefined bytes 0x81,0x8D,0x8F,0x90,0x9D map to the C1 control U+0081 etc.) and re-encoded as UTF-8.
    /// Valid UTF-8 input must NOT be copied (keep the bytes, set start = 3 when there was a BOM).
    public static func decode(_ raw: InputBytes) -> DecodedText {
        decode(raw, checkedValid: isValidUTF8(raw, textStart(raw)..<raw.count))
    }

    /// `decode` for a caller that has checked the text already: `checkedValid` must be true exactly when
    /// the text after any byte-order mark is valid UTF-8 (`isValidUTF8`), or, for a caller that checks
    /// it later, when the text is to be read as UTF-8 until then (`FileDecoder.Plan`).
    public static func decode(_ raw: InputBytes, checkedValid valid: Bool) -> DecodedText {
        let start = textStart(raw)
        if valid {
            return DecodedText(bytes: raw, start: start, encoding: .utf8, hadByteOrderMark: start == 3)
        }
        let converted = raw.withUnsafeBufferPointer { buffer in
            Windows1252Transcoder.utf8(from: UnsafeBufferPointer(rebasing: buffer[start...]))
        }
        return DecodedText(bytes: InputBytes(converted), start: 0, encoding: .windows1252, hadByteOrderMark: start == 3)
    }

    /// True when `raw[range]` is valid UTF-8 (Unicode Table 3-7).
    public static func isValidUTF8(_ raw: InputBytes, _ range: Range<Int>) -> Bool {
        raw.withUnsafeBufferPointer { UTF8Validator.isValid(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// 3 after a UTF-8 byte-order mark, else 0.
    private static func textStart(_ raw: InputBytes) -> Int {
        let hasBOM = raw.count >= 3 && raw[0] == byteOrderMark.0 && raw[1] == byteOrderMark.1
            && raw[2] == byteOrderMark.2
        return hasBOM ? 3 : 0
    }

    /// `decode` of bytes in an array (copied once).
    public static func decode(_ raw: [UInt8]) -> DecodedText {
        decode(InputBytes(raw))
    }
}
