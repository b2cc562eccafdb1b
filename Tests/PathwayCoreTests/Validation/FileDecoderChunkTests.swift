import Foundation
@testable import PathwayCore
import PathwayReference
import PathwayTestSupport
import Testing

/// Reading a file as two halves on two cores must give exactly what one pass gives: the same records,
/// the same findings in the same order, the same counts, whatever the split cuts through.
@Suite("decoding a file in two halves")
struct FileDecoderChunkTests {
    static let messy = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../SampleData/messy").standardized

    /// `keptFrom`: also read the file with a `ContactHorizon` from that day (`sameKeepingFrom`).
    static func same<Record: FoldedRecord>(_ type: Record.Type, _ raw: [UInt8], _ name: String,
                                                         keptFrom: Day? = nil,
                                                         sourceLocation: SourceLocation = #_sourceLocation) throws {
        let one = try FileDecoder.decode(type, raw: InputBytes(raw), fileName: name, options: DecodingOptions(), sha256: "",
                                         parallelThreshold: nil)
        let two = try FileDecoder.decode(type, raw: InputBytes(raw), fileName: name, options: DecodingOptions(), sha256: "",
                                         parallelThreshold: 0)
        // Looking each id up as it comes is the reference for deferring the lookups (`AcceptedIDs.settle`).
        let strict = try FileDecoder.decode(type, raw: InputBytes(raw), fileName: name, options: DecodingOptions(),
                                            sha256: "", parallelThreshold: nil, defersLookups: false)
        // Settled every 3 ids, a repeat goes back to a checkpoint inside the part (every 16 settles).
        let often = try FileDecoder.decode(type, raw: InputBytes(raw), fileName: name, options: DecodingOptions(),
                                           sha256: "", parallelThreshold: 0, settleEvery: 3)
        for (deferred, how) in [(one, "lookups deferred"), (often, "settled every 3 ids")] {
            #expect(deferred.records == strict.records, "\(name): records, \(how)", sourceLocation: sourceLocation)
            #expect(deferred.findings == strict.findings, "\(name): findings, \(how)", sourceLocation: sourceLocation)
            #expect(deferred.summary == strict.summary, "\(name): counts, \(how)", sourceLocation: sourceLocation)
        }
        #expect(two.records == one.records, "\(name): records", sourceLocation: sourceLocation)
        #expect(two.findings == one.findings, "\(name): findings", sourceLocation: sourceLocation)
        #expect(two.summary == one.summary, "\(name): counts", sourceLocation: sourceLocation)
        try sameWhileLettingGo(type, raw, name, one: one, sourceLocation: sourceLocation)
        if let keptFrom { try sameKeepingFrom(keptFrom, type, raw, name, all: one, sourceLocation: sourceLocation) }
        try sameWhenFolded(raw, name, all: one, keptFrom: keptFrom, sourceLocation: sourceLocation)
    }

    /// With a `RecordFold` in the options, the records are folded as they are decoded, a few at a time,
    /// and none is kept: whatever the batches, the halves and the ids settled and gone back over, the
    /// fold is the fold of the one-pass records (with the horizon, of the contacts it keeps) in one batch,
    /// and the findings and counts are the one-pass ones. (No KPI counts conferences one at a time: their
    /// fold only keeps what the link stage reads, `ConferencesKept`.)
    static func sameWhenFolded<Record: FoldedRecord>(_ raw: [UInt8], _ name: String, all: DecodedFile<Record>,
                                                     keptFrom: Day?, sourceLocation: SourceLocation) throws {
        let context = TestCalendar.context(asOf: "2026-03-31")
        let empty = RecordFold<Record>(catalogue: KPICatalogue.all, context: context)
        #expect(empty.kpis.isEmpty == (Record.Column.file == .conferences), "\(name): KPIs to fold",
                sourceLocation: sourceLocation)
        var options = DecodingOptions()
        options[keyPath: Record.foldInOptions] = empty
        options.contactHorizon = keptFrom.map(ContactHorizon.init(from:))
        let records = all.records.filter { record in
            (record as? Contact).map { options.contactHorizon?.keeps($0) ?? true } ?? true
        }
        var expected = empty
        records.withUnsafeBufferPointer { expected.add($0) }
        // A large file in fewer and larger batches (a batch of one costs as much as a batch of 8,192 in a
        // debug build); the go-backs still cross several folds.
        let batches = raw.count < 100_000 ? [(1, 3), (3, 3), (7, 8192), (8192, 3)] : [(97, 3), (8192, 3)]
        for threshold in [nil, 0] as [Int?] {
            for (foldEvery, settleEvery) in batches {
                let folded = try FileDecoder.decode(Record.self, raw: InputBytes(raw), fileName: name, options: options,
                                                    sha256: "", parallelThreshold: threshold, settleEvery: settleEvery,
                                                    foldEvery: foldEvery)
                let how = "\(threshold == nil ? "one pass" : "two halves"), folded every \(foldEvery), settled every \(settleEvery)"
                #expect(folded.records.isEmpty, "\(name), \(how): no record kept", sourceLocation: sourceLocation)
                #expect(folded.findings == all.findings, "\(name), \(how): findings", sourceLocation: sourceLocation)
                #expect(folded.summary == all.summary, "\(name), \(how): counts", sourceLocation: sourceLocation)
                guard let fold = folded.fold as? RecordFold<Record> else {
                    Issue.record("\(name), \(how): no fold", sourceLocation: sourceLocation)
                    continue
                }
                #expect(fold.count == records.count, "\(name), \(how): records folded", sourceLocation: sourceLocation)
                #expect(fold.kept == expected.kept, "\(name), \(how): what the fold keeps", sourceLocation: sourceLocation)
                for kpi in empty.kpis {
                    #expect(describe(fold.result(of: kpi.id)) == describe(expected.result(of: kpi.id)),
                            "\(name), \(how): \(kpi.id)", sourceLocation: sourceLocation)
                }
            }
        }
    }

    /// A fold's result for one KPI as text: every count, or the failure.
    static func describe(_ result: Result<KPIAccumulator, CalendarError>?) -> String {
        switch result {
        case nil: return "not counted"
        case let .failure(error)?: return "failed: \(error)"
        case let .success(counts)?:
            let teams = counts.byTeam.map { "\($0.key.value)=\($0.value)" }.sorted()
            return "\(counts.headline) \(counts.monthly) \(teams)"
        }
    }

    /// With a `ContactHorizon`, in one pass or in two halves, the records are the ones read without it
    /// that it keeps, and the findings and counts are the same: a row let go still counts as accepted,
    /// and a later row repeating its id is still a duplicate.
    static func sameKeepingFrom<Record: DecodableRecord & Equatable>(
        _ from: Day, _ type: Record.Type, _ raw: [UInt8], _ name: String, all: DecodedFile<Record>,
        sourceLocation: SourceLocation
    ) throws {
        var options = DecodingOptions()
        options.contactHorizon = ContactHorizon(from: from)
        // Only contacts have a horizon.
        let expected = all.records.filter { record in (record as? Contact).map { options.contactHorizon!.keeps($0) } ?? true }
        for threshold in [nil, 0] {
            let kept = try FileDecoder.decode(type, raw: InputBytes(raw), fileName: name, options: options, sha256: "",
                                              parallelThreshold: threshold)
            let how = threshold == nil ? "one pass" : "two halves"
            #expect(kept.records == expected, "\(name), \(how): records", sourceLocation: sourceLocation)
            #expect(kept.findings == all.findings, "\(name), \(how): findings", sourceLocation: sourceLocation)
            #expect(kept.summary == all.summary, "\(name), \(how): counts", sourceLocation: sourceLocation)
        }
    }

    /// Byte ranges an `InputBytes` was told it is done with, from both halves' cores.
    final class DoneRanges: @unchecked Sendable {
        private let lock = NSLock()
        private var ranges: [Range<Int>] = []
        func add(_ range: Range<Int>) { lock.withLock { ranges.append(range) } }
        var all: [Range<Int>] { lock.withLock { ranges } }
    }

    /// Told after every record (`doneReadingStep` 1) and after every 37 bytes, the bytes hear of each
    /// byte of the body once, in ranges that do not overlap, unless a cut inside a quoted field made the
    /// file be read again in one pass; and the result is the one-pass result. (`doneReading` must not
    /// change what is read: a mapped file's pages come back from the page cache.)
    static func sameWhileLettingGo<Record: DecodableRecord & Equatable>(
        _ type: Record.Type, _ raw: [UInt8], _ name: String, one: DecodedFile<Record>,
        sourceLocation: SourceLocation
    ) throws {
        let memory = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(raw.count, 1))
        _ = memory.initialize(from: raw)
        nonisolated(unsafe) let owned = memory
        for step in [1, 37] {
            let done = DoneRanges()
            let bytes = InputBytes(unsafeBase: UnsafeRawPointer(memory.baseAddress), count: raw.count,
                                   doneReading: { done.add($0) }, release: {})
            let plan = try FileDecoder.Plan<Record>(raw: bytes, fileName: name, options: DecodingOptions(),
                                                    parallelThreshold: 0)
            // The plan's text is these bytes unless the header already showed the file is not UTF-8
            // (Windows-1252 is re-encoded into an array, whose bytes are the only copy and are not let go).
            let body = plan.text.encoding == .utf8 ? plan.parts[0].lowerBound..<raw.count : 0..<0
            // A body found not to be UTF-8 as it was read is read again re-encoded: its bytes were let go
            // only up to where the parts stopped.
            let stopped = SourceDecoder.decode(InputBytes(raw)).encoding != .utf8
            let two = try FileDecoder.decode(type, raw: bytes, fileName: name, options: DecodingOptions(), sha256: "",
                                             parallelThreshold: 0, doneReadingStep: step)
            #expect(two.records == one.records, "\(name), step \(step): records", sourceLocation: sourceLocation)
            #expect(two.findings == one.findings, "\(name), step \(step): findings", sourceLocation: sourceLocation)
            #expect(two.summary == one.summary, "\(name), step \(step): counts", sourceLocation: sourceLocation)
            let ranges = done.all.sorted { $0.lowerBound < $1.lowerBound }
            #expect(ranges.allSatisfy { !$0.isEmpty && body.contains($0.lowerBound) && $0.upperBound <= body.upperBound },
                    "\(name), step \(step): ranges inside the body", sourceLocation: sourceLocation)
            let readAgain = zip(ranges, ranges.dropFirst()).contains { $0.upperBound > $1.lowerBound }
            if stopped {
                #expect(!readAgain && ranges.reduce(0) { $0 + $1.count } < max(body.count, 1),
                        "\(name), step \(step): the body read until it was found not to be UTF-8",
                        sourceLocation: sourceLocation)
            } else if !readAgain {
                #expect(ranges.reduce(0) { $0 + $1.count } == body.count,
                        "\(name), step \(step): every byte of the body once", sourceLocation: sourceLocation)
            } else {
                // Read again in one pass: the first part ended inside a quoted field.
                #expect(ranges.first?.lowerBound == body.lowerBound, sourceLocation: sourceLocation)
            }
        }
        owned.deallocate()
    }

    @Test("the messy sample files (every finding kind, CRLF, a BOM, Windows-1252)")
    func messySample() throws {
        func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: Self.messy.appendingPathComponent(name))) }
        try Self.same(Contact.self, try bytes("contacts.csv"), "contacts.csv", keptFrom: d("2025-04-01"))
        try Self.same(Section47Enquiry.self, try bytes("s47_enquiries.csv"), "s47_enquiries.csv")
        try Self.same(ChildProtectionConference.self, try bytes("conferences.csv"), "conferences.csv")
        try Self.same(CaseAudit.self, try bytes("audits.csv"), "audits.csv")
    }

    /// Random contacts files built so that the halves interact: ids repeated across the split, rows whose
    /// first problem comes before or after the id column, accepted rows with warnings (an unreadable
    /// decision date) on both sides of the split, quoted fields spanning lines, broken quoting, short
    /// rows, every line end.
    @Test("random files with duplicates across the split", arguments: 0..<60)
    func randomFiles(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed) &* 7919 &+ 1)
        let ends = ["\n", "\r\n", "\r"]
        let idFirst = random.chance(percent: 50)
        var text = idFirst ? "contact_id,child_id,contact_date,source,team,decision_date"
            : "child_id,contact_date,contact_id,source,team,decision_date"
        let rowCount = 20 + random.below(60)
        for _ in 0..<rowCount {
            text += ends[random.below(ends.count)]
            let id = "C\(random.below(rowCount / 2))"
            let child = random.chance(percent: 8) ? "" : "K\(random.below(30))"
            let date = random.chance(percent: 8) ? "31/02/2026" : "2026-03-0\(1 + random.below(9))"
            let team = random.chance(percent: 10) ? "\"East\nTeam\"" : (random.chance(percent: 5) ? "\"West\"x" : "North")
            let decision = random.chance(percent: 15) ? "2026-13-01" : (random.chance(percent: 50) ? "" : "2026-03-10")
            let source = random.chance(percent: 6) ? " " : "Police"
            var fields = idFirst ? [id, child, date, source, team, decision] : [child, date, id, source, team, decision]
            if random.chance(percent: 4) { fields.removeLast() }
            text += fields.joined(separator: ",")
        }
        if random.chance(percent: 10) { text += "\n\"never closed,K1,2026-03-01,Police,North,2026-03-10" }
        try Self.same(Contact.self, Array(text.utf8), "contacts.csv", keptFrom: d("2026-03-05"))
    }

    /// Ids out of order, as unsorted exports have them: each a number at most once, or with a few repeats,
    /// some on rows rejected for a column after the id (an unknown outcome) or before it (a bad date in
    /// a file whose id comes third). With the lookups deferred, a part with no repeat is read once; one
    /// with a repeat is read again looking each id up, and either way the result is the one-pass result
    /// with every id looked up as it comes (`same`).
    @Test("random files with ids out of order, with and without repeats", arguments: 0..<40)
    func idsOutOfOrder(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed) &* 104_729 &+ 7)
        let idFirst = seed % 4 != 3
        var text = idFirst ? "contact_id,child_id,contact_date,source,outcome" : "child_id,contact_date,contact_id,source,outcome"
        let rowCount = 30 + random.below(90)
        var numbers = Array(0..<rowCount)
        for index in numbers.indices.reversed() { numbers.swapAt(index, random.below(index + 1)) }
        // Half the seeds repeat no id at all.
        let repeats = seed % 2 == 0 ? 0 : 1 + random.below(4)
        var repeated: Set<Int> = []
        for _ in 0..<repeats {
            let row = random.below(rowCount)
            numbers[row] = numbers[random.below(rowCount)]
            repeated.insert(row)
        }
        for (row, number) in numbers.enumerated() {
            // Padded ids have a shape (bits, deferred); a few unpadded ones are of other shapes.
            let id = random.chance(percent: 5) ? "C\(number)" : "C\(String(number).zeroPadded(to: 7))"
            // contact_date is required: a bad one rejects the row, for a column after the id or before it.
            let date = random.chance(percent: repeated.contains(row) ? 50 : 5) ? "2026-02-30" : "2026-03-02"
            let outcome = random.chance(percent: 5) ? "maybe" : "referral"
            let fields = idFirst ? [id, "K\(random.below(20))", date, "Police", outcome]
                : ["K\(random.below(20))", date, id, "Police", outcome]
            text += "\n" + fields.joined(separator: ",")
        }
        try Self.same(Contact.self, Array(text.utf8), "contacts.csv", keptFrom: d("2026-03-01"))
    }

    /// The numbers 0..<count shuffled, the number at each of `repeatAt` (each at least 1,000) replaced
    /// by one of the 1,000 before it: ids out of order with repeats where asked.
    static func shuffledNumbers(_ count: Int, seed: UInt64, repeatAt rows: [Int]) -> [Int] {
        var random = SeededRandom(seed: seed)
        var numbers = Array(0..<count)
        for index in numbers.indices.reversed() { numbers.swapAt(index, random.below(index + 1)) }
        for row in rows { numbers[row] = numbers[row - 1 - random.below(1_000)] }
        return numbers
    }

    /// More ids out of order than `AcceptedIDs` settles at a time: a repeat found while reading stops
    /// the part, which is read again without deferring (the first part at once, the second after the
    /// first); the result is still the one-pass result with every id looked up as it comes.
    @Test("a repeat among many ids out of order stops the reading, in either part", arguments: [
        [] as [Int], [3_000], [14_000], [2_000, 15_000],
    ])
    func repeatFoundWhileReading(repeatAt rows: [Int]) throws {
        let numbers = Self.shuffledNumbers(20_000, seed: 77, repeatAt: rows)
        var text = "contact_id,child_id,contact_date,source"
        for number in numbers { text += "\nC\(String(number).zeroPadded(to: 7)),K1,2026-03-02,Police" }
        try Self.same(Contact.self, Array(text.utf8), "contacts.csv")
    }

    /// S47 enquiries, conferences and audits are folded as contacts are (`RecordFold`): ids out of order
    /// with repeats in either part, rows of different teams, dates, grades and outcomes, some rejected,
    /// some audits with actions overdue (kept for the list); `same` reads them folded, with go-backs
    /// across folds. The conferences are about ten per child, most dated before the periods (from
    /// 2025-04-01 at as_of 2026-03-31), two by two on the same day, with ids of two shapes (so a child's
    /// latest earlier conference is found by date, then conference_id in code-point order).
    @Test("S47 enquiries, conferences and audits folded while ids repeat in either part", arguments: [
        [] as [Int], [1_500, 7_000],
    ])
    func enquiriesConferencesAndAuditsFolded(repeatAt rows: [Int]) throws {
        let numbers = Self.shuffledNumbers(10_000, seed: 78, repeatAt: rows)
        let teams = ["North", "South", "", "East"]
        let grades = ["good", "outstanding", "requires improvement", "inadequate", "", "3"]
        let outcomes = ["icpc", "cin", "", "nfa"]
        var audits = "audit_id,child_id,audit_date,grade,moderated_grade,actions_due_date,actions_completed_date,team"
        var enquiries = "s47_id,child_id,strategy_date,police_attended,s47_end_date,outcome,team"
        var conferences = "conference_id,child_id,type,conference_date,outcome,parents_participated,team"
        let types = ["initial", "review", "transfer_in", "review", "review"]
        let conferenceOutcomes = ["plan", "continue", "end", "no_plan", "", "plan", "continue"]
        for (row, number) in numbers.enumerated() {
            let id = String(number).zeroPadded(to: 7)
            let day = 1 + number % 28, month = 1 + number % 12
            let date = "2025-\(String(month).zeroPadded(to: 2))-\(String(day).zeroPadded(to: 2))"
            let team = teams[row % teams.count]
            let due = number % 3 == 0 ? "2026-0\(1 + number % 6)-15" : ""
            let completed = number % 5 == 0 ? "2026-02-01" : ""
            audits += "\nA\(id),K\(number % 977),\(date),\(grades[number % grades.count]),"
                + "\(grades[(number / 7) % grades.count]),\(due),\(completed),\(team)"
            let end = number % 4 == 0 ? "" : "2026-03-\(String(1 + number % 28).zeroPadded(to: 2))"
            enquiries += "\nS\(id),K\(number % 977),\(number % 97 == 0 ? "soon" : date),\(number % 2 == 0 ? "yes" : ""),"
                + "\(end),\(outcomes[number % outcomes.count]),\(team)"
            // A child's rows (number % 977) two by two on one day, March or September 2023 to 2025; every
            // fifth in the periods; a few rejected (no date, or an unknown type).
            let pair = number / 977 / 2
            let held = number % 5 == 0 ? "2026-01-15" : number % 89 == 0 ? ""
                : "\(2023 + pair / 2)-\(pair % 2 == 0 ? "03" : "09")-10"
            conferences += "\n\(number % 11 == 0 ? "Px" : "P")\(id),K\(number % 977),"
                + "\(number % 101 == 0 ? "bogus" : types[number % types.count]),\(held),"
                + "\(conferenceOutcomes[number % conferenceOutcomes.count]),\(number % 3 == 0 ? "yes" : "no"),\(team)"
        }
        try Self.same(CaseAudit.self, Array(audits.utf8), "audits.csv")
        try Self.same(Section47Enquiry.self, Array(enquiries.utf8), "s47_enquiries.csv")
        try Self.same(ChildProtectionConference.self, Array(conferences.utf8), "conferences.csv")
    }

    /// The encoding is decided for the whole file (SPEC §2): a byte that is not UTF-8 in either half, or
    /// only in the header, makes the whole file Windows-1252, exactly as one pass does. (An ASCII header
    /// is read first and the parts check the body as they read it; a part that finds such a byte has the
    /// whole file read again as Windows-1252.)
    @Test("not UTF-8 in either half or in the header reads the whole file as Windows-1252", arguments: [
        (header: "contact_id,child_id,contact_date,source,team", bom: false, bad: [0], good: 1),
        (header: "contact_id,child_id,contact_date,source,team", bom: false, bad: [1], good: 0),
        (header: "contact_id,child_id,contact_date,source,team", bom: true, bad: [0, 1], good: 1),
        (header: "contact_id,child_id,contact_date,source,t\u{E9}am", bom: false, bad: [1], good: 0),
        (header: "contact_id,child_id,contact_date,source,t\u{E9}am", bom: false, bad: [], good: 1),
        (header: "contact_id,child_id,contact_date,source,team", bom: true, bad: [], good: 1),
        // "%" stands for the byte E9 alone (Windows-1252 "é"): only the header is not UTF-8.
        (header: "contact_id,child_id,contact_date,source,t%am", bom: false, bad: [], good: 1),
    ])
    func encodingByHalves(header: String, bom: Bool, bad: [Int], good: Int) throws {
        // Rows 0..<20 are the first half, 20..<40 the second (the cut falls near the middle).
        func row(_ n: Int) -> [UInt8] {
            var team = Array("North".utf8)
            if bad.contains(n / 20), n % 20 == 7 { team = [0x4E, 0xE9] }      // "N" + Windows-1252 "é"
            if good == n / 20, n % 20 == 3 { team = Array("S\u{F8}r".utf8) }  // valid UTF-8 "ø"
            return Array("C\(n),K\(n),2026-03-02,Police,".utf8) + team + [0x0A]
        }
        let headerBytes = Array((header + "\n").utf8).map { $0 == UInt8(ascii: "%") ? 0xE9 : $0 }
        let raw = (bom ? [0xEF, 0xBB, 0xBF] : []) + headerBytes + (0..<40).flatMap(row)
        try Self.same(Contact.self, raw, "contacts.csv")
        let two = try FileDecoder.decode(Contact.self, raw: InputBytes(raw), fileName: "contacts.csv", options: DecodingOptions(),
                                         sha256: "", parallelThreshold: 0)
        #expect(two.summary.encoding == (bad.isEmpty && !header.contains("%") ? .utf8 : .windows1252))
        #expect(two.records.count == 40)
        // With "téam" in the header there is no team column.
        let team: String? = bad.contains(1) ? "N\u{E9}" : "North"
        #expect(two.records[27].team == (header.contains(",team") ? team : nil))
    }

    /// Random files with bytes that are not UTF-8 (Windows-1252 letters, stray continuation bytes, a cut
    /// sequence) or valid multi-byte letters in random rows, sometimes in the header, after a BOM, with
    /// every line end: checked by the parts a few bytes at a time, in one pass or in two halves, they
    /// decode exactly as when the whole file is checked before it is read.
    @Test("the body checked as it is read decodes as the whole file checked first", arguments: 0..<40)
    func utf8CheckedAsRead(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed) &* 104_729 &+ 3)
        let ends: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D]]
        let letters: [[UInt8]] = [Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0xE9], [0x80], [0xA9], [0xE2, 0x82]]
        let rowCount = 10 + random.below(50)
        let letterRow = random.chance(percent: 70) ? random.below(rowCount) : -1
        var raw: [UInt8] = random.chance(percent: 20) ? [0xEF, 0xBB, 0xBF] : []
        raw += Array("contact_id,child_id,contact_date,source,".utf8)
        switch random.below(5) {
        case 0: raw += Array("t\u{E9}am".utf8)
        case 1: raw += [0x74, 0xE9, 0x61, 0x6D]
        default: raw += Array("team".utf8)
        }
        for n in 0..<rowCount {
            raw += ends[random.below(ends.count)]
            var team = Array("North".utf8)
            if n == letterRow || random.chance(percent: 10) { team += letters[random.below(letters.count)] }
            if random.chance(percent: 5) { team = [0x22] + team + Array("\nEast".utf8) + [0x22] }
            raw += Array("C\(n),K\(n),2026-03-02,Police,".utf8) + team
        }
        let valid = SourceDecoder.decode(InputBytes(raw)).encoding == .utf8
        let reference = try FileDecoder.Plan<Contact>(raw: InputBytes(raw), fileName: "contacts.csv", options: DecodingOptions(),
                                                      parallelThreshold: nil, checkedUTF8: valid).decodeParts(sha256: "")
        for threshold in [nil, 0] {
            for step in [1, 5, 64, FileDecoder.defaultUTF8CheckStep] {
                let checked = try FileDecoder.decode(Contact.self, raw: InputBytes(raw), fileName: "contacts.csv",
                                                     options: DecodingOptions(), sha256: "", parallelThreshold: threshold,
                                                     utf8CheckStep: step)
                let how = "threshold \(String(describing: threshold)), step \(step)"
                #expect(checked.records == reference.records, "\(how): records")
                #expect(checked.findings == reference.findings, "\(how): findings")
                #expect(checked.summary == reference.summary, "\(how): counts")
            }
        }
        try Self.same(Contact.self, raw, "contacts.csv")
    }

    @Test("the header is read before the body is checked only when it is ASCII", arguments: [
        (bytes: Array("id,team\nC1,North\n".utf8), checksBody: true, encoding: SourceEncoding.utf8),
        (bytes: Array("id,team\nC1,N".utf8) + [0xE9, 0x0A], checksBody: true, encoding: .utf8),
        (bytes: [0xEF, 0xBB, 0xBF] + Array("id,team\r\nC1,N".utf8) + [0xE9], checksBody: true, encoding: .utf8),
        (bytes: Array("\n  \nid,team\nC1,North\n".utf8), checksBody: true, encoding: .utf8),
        (bytes: [], checksBody: true, encoding: .utf8),
        (bytes: Array("id,t\u{E9}am\nC1,North\n".utf8), checksBody: false, encoding: .utf8),
        (bytes: Array("id,t\u{E9}am\nC1,N".utf8) + [0xE9], checksBody: false, encoding: .windows1252),
        (bytes: Array("id,t".utf8) + [0xE9] + Array("am\nC1,North\n".utf8), checksBody: false, encoding: .windows1252),
        (bytes: Array("id,\"team\nC1,North\n".utf8) + [0xE9], checksBody: false, encoding: .windows1252),
    ])
    func headerFirst(bytes: [UInt8], checksBody: Bool, encoding: SourceEncoding) {
        let (text, checks) = FileDecoder.Plan<Contact>.text(InputBytes(bytes), checkedUTF8: nil)
        #expect(checks == checksBody && text.encoding == encoding)
        // Checked by the caller, the body is never checked again.
        #expect(FileDecoder.Plan<Contact>.text(InputBytes(bytes), checkedUTF8: true).checksBody == false)
        #expect(FileDecoder.Plan<Contact>.text(InputBytes(bytes), checkedUTF8: false).0.encoding == .windows1252)
    }

    @Test("a part that finds a byte that is not UTF-8 stops the other, and the file is read again")
    func aPartStopsTheOther() throws {
        // The last row has a Windows-1252 "é": the second half finds it, and the first half, read after,
        // stops at its first piece.
        var raw = Array("contact_id,child_id,contact_date,source,team\n".utf8)
        for n in 0..<40 {
            raw += Array("C\(n),K\(n),2026-03-02,Police,".utf8) + (n == 39 ? [0x4E, 0xE9] : Array("North".utf8)) + [0x0A]
        }
        let plan = try FileDecoder.Plan<Contact>(raw: InputBytes(raw), fileName: "contacts.csv", options: DecodingOptions(),
                                                 parallelThreshold: 0, utf8CheckStep: 16)
        #expect(plan.checksUTF8 && plan.partCount == 2)
        let secondHalfRows = raw[plan.parts[1]].filter { $0 == 0x0A }.count
        let second = plan.decode(part: 1)
        // Stopped at its last row, before counting it.
        #expect(second.notUTF8 && second.rows == secondHalfRows - 1)
        let first = plan.decode(part: 0)
        #expect(first.notUTF8 && first.rows == 0)
        let file = plan.finish([first, second], sha256: "")
        #expect(file.summary.encoding == .windows1252 && file.summary.rows == 40 && file.records.count == 40)
        #expect(file.records[39].team == "N\u{E9}" && file.records[38].team == "North")
        #expect(file.findings.filter { $0.rule == .windows1252Encoding }.count == 1)
    }

    @Test("a split inside a quoted field falls back to one pass")
    func splitInsideQuotes() throws {
        let note = String(repeating: "line of a long note\n", count: 50)
        let text = "contact_id,child_id,contact_date,source,team\nC1,K1,2026-03-02,Police,\"\(note)\"\nC1,K2,2026-03-03,School,North\n"
        try Self.same(Contact.self, Array(text.utf8), "contacts.csv")
    }

    /// A row let go in the first half (dated before the day kept from) and repeated in the second is
    /// still a duplicate, whether the repeat is let go too or kept, and whether or not another row of the
    /// second half repeats a kept id. The first half's ids are in order, so its table of ids is built
    /// only when the halves are joined, from the rows it kept and the rows it let go.
    @Test("a row let go in the first half and repeated in the second is still a duplicate", arguments: [
        ("2026-01-02", false), ("2026-03-06", false), ("2026-01-02", true),
    ])
    func duplicateOfARowLetGo(repeatDate: String, alsoRepeatKept: Bool) throws {
        var rows = ["contact_id,child_id,contact_date,source,team,decision_date"]
        for n in 1...40 {
            // C001 to C020 are let go (dated before 2026-03-05 and undecided), except C010.
            let date = n <= 20 && n != 10 ? "2026-01-0\(1 + n % 9)" : "2026-03-0\(5 + n % 5)"
            rows.append(String(format: "C%03d,K%02d,%@,Police,North,", n, n % 7, date))
        }
        rows.append("C001,K01,\(repeatDate),Police,North,")
        if alsoRepeatKept { rows.append("C010,K01,2026-03-06,Police,North,") }
        let raw = Array((rows.joined(separator: "\n") + "\n").utf8)
        let one = try FileDecoder.decode(Contact.self, raw: InputBytes(raw), fileName: "contacts.csv",
                                         options: DecodingOptions(), sha256: "", parallelThreshold: nil)
        #expect(one.findings.filter { $0.rule == .duplicateID }.map(\.line) == (alsoRepeatKept ? [42, 43] : [42]))
        #expect(one.summary.accepted == 40)
        try Self.same(Contact.self, raw, "contacts.csv", keptFrom: d("2026-03-05"))
    }

    /// A contact outside the horizon (here from 2026-01-01, referrals from 2025-01-01) is not built
    /// (`Contact.decodeKept`), but every field it has is checked as a kept one's: a blank required field
    /// rejects it, and its warnings are kept. Each of its four dates can keep it.
    @Test("a contact let go is checked like a kept one, and any of its dates can keep it", arguments: [
        (row: "C1,K1,2025-01-06,Police,North,2025-01-07,,advice,", rule: nil as ValidationRule?, column: nil as String?, kept: false),
        (row: ",K1,2025-01-06,Police,North,2025-01-07,,advice,", rule: .missingRequiredValue, column: "contact_id", kept: false),
        (row: "C1,,2025-01-06,Police,North,2025-01-07,,advice,", rule: .missingRequiredValue, column: "child_id", kept: false),
        (row: "C1,K1,2025-01-06, ,North,2025-01-07,,advice,", rule: .missingRequiredValue, column: "source", kept: false),
        (row: "C1,K1,2025-01-06,Police,,2025-01-07,,advice,", rule: nil, column: nil, kept: false),
        (row: "C1,K1,2025-01-06,Police,North,2025-13-07,,advice,", rule: .unparseableOptionalDate, column: "decision_date",
         kept: false),
        (row: "C1,K1,2025-01-06,Police,North,,2026-01-05,advice,", rule: nil, column: nil, kept: true),
        (row: "C1,K1,2025-01-06,Police,North,2026-01-02,,advice,", rule: nil, column: nil, kept: true),
        (row: "C1,K1,2025-01-06,Police,North,2025-01-07,,referral,2025-01-01", rule: nil, column: nil, kept: true),
        (row: "C1,K1,2024-12-06,Police,North,2024-12-07,,referral,2024-12-31", rule: nil, column: nil, kept: false),
        (row: "C1,K1,2024-12-06,Police,North,2025-01-02,,referral,", rule: nil, column: nil, kept: true),
        (row: "C1,K1,2024-12-06,Police,North,2024-12-07,,advice,2025-06-01", rule: nil, column: nil, kept: false),
    ])
    func contactLetGoIsChecked(row: String, rule: ValidationRule?, column: String?, kept: Bool) throws {
        let header = "contact_id,child_id,contact_date,source,team,decision_date,marf_requested_date,outcome,referral_date"
        let raw = Array("\(header)\n\(row)\n".utf8)
        var options = DecodingOptions()
        options.contactHorizon = ContactHorizon(from: d("2026-01-01"))
        #expect(options.contactHorizon?.referralsFrom == d("2025-01-01"))
        let decoded = try FileDecoder.decode(Contact.self, raw: InputBytes(raw), fileName: "contacts.csv",
                                             options: options, sha256: "", parallelThreshold: nil)
        #expect(decoded.records.map(\.id) == (kept ? ["C1"] : []))
        #expect(decoded.findings.map(\.rule) == (rule.map { [$0] } ?? []))
        #expect(decoded.findings.map(\.column) == (column.map { [$0] } ?? []))
        let rejected = rule.map { $0.severity == .error } ?? false
        #expect(decoded.summary.accepted == (rejected ? 0 : 1))
        #expect(decoded.summary.rejected == (rejected ? 1 : 0))
        let withoutHorizon = try FileDecoder.decode(Contact.self, raw: InputBytes(raw), fileName: "contacts.csv",
                                                    options: DecodingOptions(), sha256: "", parallelThreshold: nil)
        #expect(withoutHorizon.records.map(\.id) == (rejected ? [] : ["C1"]), "without a horizon every contact is kept")
        try Self.same(Contact.self, raw, "contacts.csv", keptFrom: d("2026-01-01"))
    }

    @Test("line numbers after the split count every physical line end of the first half")
    func lineNumbers() throws {
        let text = "contact_id,child_id,contact_date,source\r\nC1,K1,2026-03-02,Police\r\rC2,K2,2026-03-02,\"Po\nlice\"\n\n"
            + "C3,K3,bad,Police\nC4,K4,2026-03-02,Police\n"
        let two = try FileDecoder.decode(Contact.self, raw: InputBytes(Array(text.utf8)), fileName: "contacts.csv",
                                         options: DecodingOptions(), sha256: "", parallelThreshold: 0)
        #expect(two.records.map(\.line) == [2, 4, 8])
        #expect(two.findings.map(\.line) == [7])
    }
}
