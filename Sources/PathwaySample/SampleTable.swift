import PathwayCore

/// Writes one file of the sample, row by row: canonically (RFC 4180, LF, quoting only where needed),
/// or, for a messy plan, with the variations and defects real exports contain.
final class SampleTable {
    let plan: SampleFilePlan
    private let writer: BufferedFileWriter
    /// Messy variations only; the world's values never depend on it.
    private var random: SampleRandom
    private let defectRate: Double
    private let lineEnd: [UInt8]
    /// Data records written, as pathway counts them.
    private(set) var rows = 0
    /// Rows handed in (before defects).
    private var generated = 0

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")

    init(plan: SampleFilePlan, directory: String, seed: UInt64, stream: UInt64, defectRate: Double) throws(SampleError) {
        self.plan = plan
        writer = try BufferedFileWriter(path: directory + "/" + plan.fileName)
        random = SampleRandom(seed: seed, stream: stream)
        self.defectRate = defectRate
        lineEnd = plan.crlf ? [0x0D, 0x0A] : [0x0A]
        if plan.byteOrderMark { writer.bytes([0xEF, 0xBB, 0xBF]) }
        for (i, column) in plan.columns.enumerated() {
            if i > 0 { writer.byte(SampleTable.comma) }
            text(column.heading)
        }
        writer.bytes(lineEnd)
    }

    /// Flushes and closes the file: (data rows, bytes).
    func finish() throws(SampleError) -> (rows: Int, bytes: Int) {
        try writer.finish()
        return (rows, writer.bytesWritten)
    }

    /// Writes one row given in canonical cell order. Messy plans may change the cells.
    func write(_ cells: inout [SampleCell]) {
        guard plan.messy else {
            for i in cells.indices {
                if i > 0 { writer.byte(SampleTable.comma) }
                canonical(cells[i])
            }
            writer.bytes(lineEnd)
            rows += 1
            return
        }
        let defect = nextDefect()
        generated += 1
        var malformed = false, short = false, twice = false
        switch defect {
        case nil: break
        case .duplicateRow?: twice = true
        case let .blankRequired(i)?: cells[i] = .blank
        case let .badRequiredDate(i)?, let .badOptionalDate(i)?: cells[i] = .literal(badDate(cells[i]))
        case let .badYesNo(slots)?:
            cells[pick(slots)] = .literal(pick(["maybe", "Maybe", "unknown", "N/K", "?"]))
        case let .unknownValue(i, values)?: cells[i] = .literal(pick(values))
        case let .numericGrade(i)?: cells[i] = .literal(pick(["1", "2", "3", "4"]))
        case let .undatedReferral(outcome, decision, referral)?:
            cells[outcome] = .code(ContactOutcome.referral.rawValue)
            cells[decision] = .blank
            cells[referral] = .blank
        case .malformedQuote?: malformed = true
        case .wrongFieldCount?: short = true
        case .blankLine?:
            if random.chance(0.5) {
                writer.bytes(lineEnd)
            } else {
                for _ in 1..<plan.columns.count { writer.byte(SampleTable.comma) }
                writer.bytes(lineEnd)
            }
        }
        messyRow(cells, malformed: malformed, short: short)
        if twice { messyRow(cells, malformed: false, short: false) }
    }

    // MARK: - Canonical

    @inline(__always)
    private func canonical(_ cell: SampleCell) {
        switch cell {
        case .blank: break
        case let .text(value), let .literal(value): text(value)
        case let .day(day): writer.isoDate(day)
        case let .id(kind, number): id(kind, number)
        case let .flag(value): writer.utf8(value ? "yes" : "no")
        case let .code(value): writer.utf8(value)
        }
    }

    @inline(__always)
    private func id(_ kind: SampleIDKind, _ number: Int) {
        writer.bytes(kind.prefix)
        writer.digits(number, width: kind.width)
    }

    /// Free text, quoted (with doubled quotes) only when it holds a comma, quote or line break.
    private func text(_ value: String) {
        let needsQuotes = value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        if needsQuotes {
            writer.byte(SampleTable.quote)
            emit(value.replacingAll("\"", with: "\"\""))
            writer.byte(SampleTable.quote)
        } else {
            emit(value)
        }
    }

    private func emit(_ value: String) {
        if plan.windows1252 { writer.windows1252(value) } else { writer.utf8(value) }
    }

    // MARK: - Messy

    private func nextDefect() -> MessyDefect? {
        let defects = plan.defects
        guard !defects.isEmpty else { return nil }
        let r = generated - 10
        if r >= 0, r % 7 == 0, r / 7 < defects.count { return defects[r / 7] }
        return random.chance(defectRate) ? defects[random.int(0...(defects.count - 1))] : nil
    }

    private func pick<T>(_ values: [T]) -> T { values[random.int(0...(values.count - 1))] }

    private func badDate(_ cell: SampleCell) -> String {
        var year = "2025"
        if case let .day(day) = cell { year = String(day.components.year) }
        return pick(["30/02/\(year)", "31/04/\(year)", "\(year)-13-01", "\(year)-02-30", "32/01/\(year)", "TBC",
                     "N/K", "\(year)/03/04"])
    }

    private func messyRow(_ cells: [SampleCell], malformed: Bool, short: Bool) {
        let count = short ? plan.columns.count - 1 : plan.columns.count
        for k in 0..<count {
            if k > 0 { writer.byte(SampleTable.comma) }
            switch plan.columns[k].content {
            case let .cell(i, style): messy(cells[i], style)
            case let .copy(i): messy(cells[i], .plain)
            case let .extra(values): text(pick(values))
            case .notes:
                if malformed {
                    writer.utf8(pick(["\"Called back\"later", "\"See file\" - closed", "\"Urgent\"!"]))
                } else if plan.windows1252 && rows == 0 {
                    text("Audit discussed with Renée Clément, practice lead")
                } else if random.chance(0.08) {
                    text(pick(SampleTable.notes))
                }
            }
        }
        writer.bytes(lineEnd)
        rows += 1
    }

    static let notes = [
        "Mother called, worried about bruising",
        "Discussed with \"duty\" manager",
        "Seen at school.\nFollow-up booked",
        "Dad's partner (19) present, refused to give surname",
        "Information shared under s.47, see case notes",
        "Home visit\r\nno answer, card left",
        "Interpreter needed: Polish",
    ]

    private func messy(_ cell: SampleCell, _ style: SampleColumnStyle) {
        switch (cell, style) {
        case let (.day(day), .date): messyDate(day)
        case let (.flag(value), .yesNo):
            text(value ? pick(["Yes", "Y", "yes", "y", "TRUE", "1", "a) Yes"])
                       : pick(["No", "N", "no", "n", "FALSE", "0", "b) No"]))
        case let (.code(code), .vocabulary(labels)): text(messyCode(code, labels[code] ?? []))
        case let (.text(label), .source(codes)):
            let u = random.unit()
            if u < 0.6 { text(label) } else if u < 0.9, let code = codes[label] { text(code + ": " + label) } else {
                text("a) " + label)
            }
        case let (.text(value), _):
            if random.chance(0.03), !value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                emit(" " + value + "  ")
            } else {
                text(value)
            }
        default: canonical(cell)
        }
    }

    private func messyDate(_ day: Day) {
        let u = random.unit()
        if u < 0.55 {
            writer.isoDate(day)
        } else if u < 0.75 {
            writer.slashDate(day, padded: true)
        } else if u < 0.87 {
            writer.slashDate(day, padded: false)
        } else if u < 0.94 {
            writer.isoDate(day)
            writer.byte(UInt8(ascii: "T"))
            time(seconds: random.chance(0.5))
        } else {
            writer.slashDate(day, padded: true)
            writer.byte(UInt8(ascii: " "))
            time(seconds: true)
        }
    }

    private func time(seconds: Bool) {
        writer.digits(random.int(8...18), width: 2)
        writer.byte(UInt8(ascii: ":"))
        writer.digits(random.int(0...59), width: 2)
        if seconds {
            writer.byte(UInt8(ascii: ":"))
            writer.digits(random.int(0...59), width: 2)
        }
    }

    private func messyCode(_ code: String, _ labels: [String]) -> String {
        var value = labels.isEmpty || random.chance(0.35) ? code : pick(labels)
        if random.chance(0.5), let first = value.first {
            value = first.uppercased() + value.dropFirst()
        }
        if value.contains("'"), random.chance(0.5) { value = value.replacingAll("'", with: "\u{2019}") }
        if random.chance(0.12) {
            value = pick(["a) ", "b) ", "c) ", "d) ", "p1) ", "A) "]) + value
        }
        return value
    }
}
