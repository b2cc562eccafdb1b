import PathwayCore

/// A strict RFC 8259 JSON parser over UTF-8 bytes that reports where the text is wrong
/// (line and column), unlike Foundation's JSONSerialization, whose messages on Linux do not say.
/// Rejects duplicate object keys, lone surrogates and nesting deeper than `maximumDepth`.
struct JSONParser {
    struct Failure: Error, Sendable, Equatable {
        /// 1-based line and column (in Unicode scalars) of the offending byte.
        let line: Int
        let column: Int
        let reason: String

        var description: String { "line \(line), column \(column): \(reason)" }
    }

    static let maximumDepth = 256

    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0

    /// Parses one JSON value filling the whole input (a leading UTF-8 byte-order mark is skipped).
    static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        return try parser.parseDocument()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func parseDocument() throws(Failure) -> JSONValue {
        if let invalid = Self.firstInvalidUTF8Offset(bytes) {
            throw Failure(at: invalid, in: bytes, reason: "the text is not valid UTF-8")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        skipWhitespace()
        guard position < bytes.count else { throw failure("the document is empty") }
        let value = try parseValue()
        skipWhitespace()
        guard position == bytes.count else { throw failure("unexpected text after the JSON value") }
        return value
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence, if any.
    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    private mutating func parseValue() throws(Failure) -> JSONValue {
        guard let byte = peek() else { throw failure("unexpected end of input, expected a value") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw failure("unexpected character \(describeCharacter()), expected a value")
        }
    }

    private mutating func parseObject() throws(Failure) -> JSONValue {
        try enter()
        position += 1  // {
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw failure("expected a quoted key") }
            let keyStart = position
            let key = try parseString()
            guard members[key] == nil else {
                throw Failure(at: keyStart, in: bytes, reason: "duplicate key \"\(key)\"")
            }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw failure("expected ':' after a key") }
            position += 1
            skipWhitespace()
            members[key] = try parseValue()
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                depth -= 1
                return .object(members)
            default: throw failure("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func parseArray() throws(Failure) -> JSONValue {
        try enter()
        position += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                depth -= 1
                return .array(elements)
            default: throw failure("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw failure("nesting is deeper than \(Self.maximumDepth) levels")
        }
    }

    private mutating func parseString() throws(Failure) -> String {
        position += 1  // opening quote
        var scalars = String.UnicodeScalarView()
        var runStart = position
        func flushRun(upTo end: Int) {
            // The input was checked to be valid UTF-8 before parsing, so the run decodes exactly.
            scalars.append(contentsOf: String(decoding: bytes[runStart..<end], as: UTF8.self).unicodeScalars)
        }
        while true {
            guard let byte = peek() else { throw failure("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                flushRun(upTo: position)
                position += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flushRun(upTo: position)
                scalars.append(try parseEscape())
                runStart = position
            case 0x00..<0x20:
                throw failure("control character \(describe(byte)) inside a string must be escaped")
            default:
                position += 1
            }
        }
    }

    /// Parses an escape sequence starting at the backslash; returns the scalar it stands for.
    private mutating func parseEscape() throws(Failure) -> Unicode.Scalar {
        let escapeStart = position
        position += 1  // backslash
        guard let byte = peek() else { throw failure("unterminated string") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try parseHex4()
            if (0xDC00...0xDFFF).contains(first) {
                throw Failure(at: escapeStart, in: bytes, reason: "lone low surrogate in a \\u escape")
            }
            guard (0xD800...0xDBFF).contains(first) else {
                // Not a surrogate, so always a valid scalar; the fallback only avoids a force-unwrap.
                return Unicode.Scalar(UInt32(first)) ?? "\u{FFFD}"
            }
            guard peek() == UInt8(ascii: "\\"), peek(offset: 1) == UInt8(ascii: "u") else {
                throw Failure(at: escapeStart, in: bytes, reason: "lone high surrogate in a \\u escape")
            }
            position += 2
            let second = try parseHex4()
            guard (0xDC00...0xDFFF).contains(second) else {
                throw Failure(at: escapeStart, in: bytes, reason: "lone high surrogate in a \\u escape")
            }
            let combined = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
            return Unicode.Scalar(combined) ?? "\u{FFFD}"  // 0x10000...0x10FFFF: always valid
        default:
            position -= 1
            throw failure("invalid escape in a string: a backslash followed by \(describeCharacter())")
        }
    }

    private mutating func parseHex4() throws(Failure) -> UInt16 {
        var result: UInt16 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = Self.hexDigitValue(byte) else {
                throw failure("expected four hexadecimal digits after \\u")
            }
            result = result << 4 | UInt16(digit)
            position += 1
        }
        return result
    }

    private static func hexDigitValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, returned as its literal text.
    private mutating func parseNumber() throws(Failure) -> String {
        let start = position
        if peek() == UInt8(ascii: "-") { position += 1 }
        if peek() == UInt8(ascii: "0") {
            position += 1
            if let byte = peek(), isDigit(byte) {
                throw failure("a number must not have a leading zero")
            }
        } else {
            guard try skipDigits() > 0 else { throw failure("expected a digit in a number") }
        }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard try skipDigits() > 0 else { throw failure("expected a digit after the decimal point") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard try skipDigits() > 0 else { throw failure("expected a digit in an exponent") }
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func skipDigits() throws(Failure) -> Int {
        let start = position
        while let byte = peek(), isDigit(byte) { position += 1 }
        return position - start
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func expectLiteral(_ literal: String) throws(Failure) {
        let text = Array(literal.utf8)
        guard bytes[position...].starts(with: text) else {
            throw failure("unexpected character \(describeCharacter()), expected a value")
        }
        position += text.count
    }

    private mutating func skipWhitespace() {
        while let byte = peek(),
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
        {
            position += 1
        }
    }

    private func peek(offset: Int = 0) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    /// An ASCII byte for a message: 'x' when printable, U+XXXX otherwise.
    private func describe(_ byte: UInt8) -> String {
        Self.describe(Unicode.Scalar(byte))
    }

    /// The character at the current position for a message (the input is valid UTF-8 here).
    private func describeCharacter() -> String {
        let tail = bytes[position..<min(position + 4, bytes.count)]
        let scalar = String(decoding: tail, as: UTF8.self).unicodeScalars.first ?? "?"
        return Self.describe(scalar)
    }

    private static func describe(_ scalar: Unicode.Scalar) -> String {
        if scalar.properties.isWhitespace || scalar.value < 0x20 || (0x7F...0xA0).contains(scalar.value) {
            return "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        }
        return "'\(scalar)'"
    }

    private func failure(_ reason: String) -> Failure {
        Failure(at: position, in: bytes, reason: reason)
    }
}

extension JSONParser.Failure {
    /// A failure at a byte offset, located by line and column (columns count Unicode scalars).
    init(at offset: Int, in bytes: [UInt8], reason: String) {
        var line = 1
        var lineStart = 0
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && (index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n"))) {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        // UTF-8 continuation bytes (10xxxxxx) do not start a scalar.
        let column = bytes[lineStart..<end].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        self.init(line: line, column: column, reason: reason)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
