import PathwayTestSupport
import Testing
@testable import PathwayCore

private func baseAddress(_ bytes: InputBytes) -> UnsafeRawPointer? {
    bytes.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
}

@Suite struct SourceDecoderTests {
    @Test func validUTF8IsKeptWithoutCopy() {
        let raw = InputBytes(Array("id,name\né,€,😀\n".utf8))
        let text = SourceDecoder.decode(raw)
        #expect(text.encoding == .utf8)
        #expect(!text.hadByteOrderMark)
        #expect(text.start == 0)
        #expect(Array(text.bytes) == Array("id,name\né,€,😀\n".utf8))
        #expect(baseAddress(text.bytes) == baseAddress(raw))
    }

    @Test func byteOrderMarkIsSkippedWithoutCopy() {
        let raw = InputBytes([0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8))
        let text = SourceDecoder.decode(raw)
        #expect(text.encoding == .utf8)
        #expect(text.hadByteOrderMark)
        #expect(text.start == 3)
        #expect(text.count == 4)
        #expect(baseAddress(text.bytes) == baseAddress(raw))
    }

    @Test func emptyAndBOMOnly() {
        let empty = SourceDecoder.decode([])
        #expect(empty.encoding == .utf8 && empty.start == 0 && !empty.hadByteOrderMark && empty.bytes.isEmpty)
        let bom = SourceDecoder.decode([0xEF, 0xBB, 0xBF])
        #expect(bom.encoding == .utf8 && bom.start == 3 && bom.hadByteOrderMark && bom.count == 0)
    }

    @Test func partialBOMIsNotABOM() {
        // EF BB alone is a truncated sequence: invalid UTF-8, read as Windows-1252 ("ï»").
        let text = SourceDecoder.decode([0xEF, 0xBB])
        #expect(!text.hadByteOrderMark)
        #expect(text.encoding == .windows1252)
        #expect(String(decoding: text.bytes, as: UTF8.self) == "ï»")
    }

    @Test func invalidUTF8IsReadAsWindows1252() {
        let raw: [UInt8] = Array("Caf".utf8) + [0xE9, 0x2C, 0x80, 0x2C, 0x81, 0x2C, 0x9F, 0x2C, 0xFF]
        let text = SourceDecoder.decode(raw)
        #expect(text.encoding == .windows1252)
        #expect(text.start == 0)
        #expect(!text.hadByteOrderMark)
        #expect(Array(text.bytes) == Array("Café,€,\u{81},Ÿ,ÿ".utf8))
        #expect(Array(text.bytes) == Array("Caf".utf8) + [0xC3, 0xA9, 0x2C, 0xE2, 0x82, 0xAC, 0x2C, 0xC2, 0x81,
                                                   0x2C, 0xC5, 0xB8, 0x2C, 0xC3, 0xBF])
    }

    @Test func windows1252AfterBOMDropsTheBOM() {
        let raw: [UInt8] = [0xEF, 0xBB, 0xBF, 0x41, 0x80]
        let text = SourceDecoder.decode(raw)
        #expect(text.encoding == .windows1252)
        #expect(text.hadByteOrderMark)
        #expect(text.start == 0)
        #expect(Array(text.bytes) == [0x41, 0xE2, 0x82, 0xAC])
    }

    @Test func validUTF8ElsewhereIsReinterpretedToo() {
        // The whole rest is decoded as Windows-1252, including bytes that were valid UTF-8.
        let raw: [UInt8] = [0xC3, 0xA9, 0x20, 0xE9]
        let text = SourceDecoder.decode(raw)
        #expect(text.encoding == .windows1252)
        #expect(String(decoding: text.bytes, as: UTF8.self) == "Ã© é")
    }

    static let windows1252Samples: [(UInt8, UInt32)] = [
        (0x00, 0x0000), (0x41, 0x0041), (0x7F, 0x007F),
        (0x80, 0x20AC), (0x81, 0x0081), (0x82, 0x201A), (0x83, 0x0192), (0x84, 0x201E), (0x85, 0x2026),
        (0x86, 0x2020), (0x87, 0x2021), (0x88, 0x02C6), (0x89, 0x2030), (0x8A, 0x0160), (0x8B, 0x2039),
        (0x8C, 0x0152), (0x8D, 0x008D), (0x8E, 0x017D), (0x8F, 0x008F), (0x90, 0x0090), (0x91, 0x2018),
        (0x92, 0x2019), (0x93, 0x201C), (0x94, 0x201D), (0x95, 0x2022), (0x96, 0x2013), (0x97, 0x2014),
        (0x98, 0x02DC), (0x99, 0x2122), (0x9A, 0x0161), (0x9B, 0x203A), (0x9C, 0x0153), (0x9D, 0x009D),
        (0x9E, 0x017E), (0x9F, 0x0178), (0xA0, 0x00A0), (0xA3, 0x00A3), (0xE9, 0x00E9), (0xFF, 0x00FF),
    ]

    @Test func windows1252Table() {
        for (byte, scalar) in Self.windows1252Samples {
            // Prefix an invalid byte so the file is decoded as Windows-1252.
            let text = SourceDecoder.decode([0xFF, byte])
            #expect(text.encoding == .windows1252)
            let scalars = Array(String(decoding: text.bytes, as: UTF8.self).unicodeScalars)
            #expect(scalars.count == 2)
            #expect(scalars.last?.value == scalar, "byte \(byte)")
        }
    }

    @Test func everyByteDecodesToOneScalar() {
        let raw = (0...255).map { UInt8($0) }
        let text = SourceDecoder.decode(raw)
        #expect(text.encoding == .windows1252)
        let scalars = Array(String(decoding: text.bytes, as: UTF8.self).unicodeScalars)
        #expect(scalars.count == 256)
        #expect(!scalars.contains("\u{FFFD}"))
        #expect(scalars[0xE9] == "é")
        // Re-encoding the transcoder's output through Swift's own UTF-8 encoder gives the same bytes.
        #expect(Array(String(decoding: text.bytes, as: UTF8.self).utf8) == Array(text.bytes))
    }

    static let validSequences: [[UInt8]] = [
        [0x7F], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xEF, 0xBF, 0xBF],
        [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
        [0xF3, 0xBF, 0xBF, 0xBF], [0xE2, 0x82, 0xAC],
    ]

    static let invalidSequences: [[UInt8]] = [
        [0x80], [0xBF],                              // stray continuation bytes
        [0xC0, 0xAF], [0xC1, 0xBF],                  // overlong 2-byte
        [0xE0, 0x80, 0xAF], [0xE0, 0x9F, 0xBF],      // overlong 3-byte
        [0xF0, 0x80, 0x80, 0xAF], [0xF0, 0x8F, 0xBF, 0xBF], // overlong 4-byte
        [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],      // surrogates
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE], // beyond U+10FFFF / never used
        [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98],    // truncated at end of input
        [0xC3, 0x41], [0xE2, 0x41, 0x82], [0xE2, 0x82, 0x41], [0xF0, 0x9F, 0x41, 0x80], [0xF0, 0x9F, 0x98, 0x41],
    ]

    @Test(arguments: validSequences)
    func validSequenceStaysUTF8(_ sequence: [UInt8]) {
        for prefixLength in [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 40, 63, 64, 65] {
            let raw = Array(repeating: UInt8(ascii: "a"), count: prefixLength) + sequence + Array("bc".utf8)
            #expect(SourceDecoder.decode(raw).encoding == .utf8, "prefix \(prefixLength)")
            #expect(raw.withUnsafeBufferPointer { UTF8Validator.isValid($0) })
        }
    }

    @Test(arguments: invalidSequences)
    func invalidSequenceFallsBackToWindows1252(_ sequence: [UInt8]) {
        for prefixLength in [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 40, 63, 64, 65] {
            let prefix = Array(repeating: UInt8(ascii: "a"), count: prefixLength)
            let atEnd = prefix + sequence
            let inMiddle = prefix + sequence + Array("xyzxyzxyzxyz".utf8)
            for raw in [atEnd, inMiddle] {
                let text = SourceDecoder.decode(raw)
                #expect(text.encoding == .windows1252, "prefix \(prefixLength) \(raw)")
                let expected = String(String.UnicodeScalarView(raw.map {
                    Unicode.Scalar(Windows1252Transcoder.scalar(for: $0))!
                }))
                #expect(String(decoding: text.bytes, as: UTF8.self) == expected)
            }
        }
    }

    @Test func validatorAgreesWithStandardLibrary() {
        // Random short byte strings biased towards UTF-8 lead/continuation bytes, checked against
        // the standard library's validating String(validating:as:) decoding.
        var rng = SeededRandom(seed: 0xDEC0DE)
        let palette: [UInt8] = [0x41, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1,
                                0xED, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            let length = rng.below(12)
            let raw = (0..<length).map { _ in palette[rng.below(palette.count)] }
            let stdlibValid = String(validating: raw, as: UTF8.self) != nil
            let ours = raw.withUnsafeBufferPointer { UTF8Validator.isValid($0) }
            #expect(ours == stdlibValid, "\(raw)")
            if ours != stdlibValid { return }
        }
    }

    @Test func checkedDecodeMatchesDecode() {
        let samples: [[UInt8]] = [[], [0xEF, 0xBB, 0xBF], Array("a,b\né\n".utf8), [0xEF, 0xBB, 0xBF, 0x41, 0x80],
                                  Array("Caf".utf8) + [0xE9]]
        for bytes in samples {
            let raw = InputBytes(bytes)
            let start = raw.count >= 3 && Array(raw.prefix(3)) == [0xEF, 0xBB, 0xBF] ? 3 : 0
            let valid = SourceDecoder.isValidUTF8(raw, start..<raw.count)
            let checked = SourceDecoder.decode(raw, checkedValid: valid)
            let plain = SourceDecoder.decode(raw)
            #expect(checked.encoding == plain.encoding && checked.start == plain.start
                    && checked.hadByteOrderMark == plain.hadByteOrderMark && Array(checked.bytes) == Array(plain.bytes),
                    "\(bytes)")
        }
    }
}
