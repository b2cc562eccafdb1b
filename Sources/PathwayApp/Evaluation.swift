import Foundation
import PathwayCore

/// Decode and validate → link → compute, for inputs already in memory. Pure: no files, no clock.
public enum Evaluation {
    /// Takes the inputs over, so their bytes are freed as soon as they are decoded. `stageDone` is told
    /// when each stage ends ("decode", "link", "compute"), for timings. The decoded records are left in
    /// `leftovers` for the caller to free, or without it freed on another thread. The files named in
    /// `lateDigests` are not hashed: their summaries' `sha256` is empty, for the caller to fill in.
    public static func evaluate(_ inputs: consuming [LoadedInput], asOf: Day, configuration: Configuration,
                                calendar: WorkingDayCalendar, lateDigests: Set<String> = [],
                                leftovers: DeferredRelease? = nil,
                                stageDone: (String) -> Void = { _ in }) throws(PathwayError) -> RunResult {
        let context = KPIContext(asOf: asOf, calendar: calendar)
        // Contacts that no KPI or list can read are counted and checked, then let go (`ContactHorizon`);
        // the others and the other files' records are counted as they are decoded, a batch at a time, and
        // let go too (`RecordFold`), keeping what the link stage and the lists read.
        let engine = KPIEngine(targetOverrides: configuration.targets, amberMargin: configuration.amberMargin)
        var options = configuration.decodingOptions
        options.contactHorizon = ContactHorizon(periods: context.periods)
        let folds = (contacts: ContactFold(catalogue: engine.catalogue, context: context),
                     enquiries: EnquiryFold(catalogue: engine.catalogue, context: context),
                     conferences: ConferenceFold(catalogue: engine.catalogue, context: context),
                     audits: AuditFold(catalogue: engine.catalogue, context: context))
        (options.contactFold, options.enquiryFold, options.conferenceFold, options.auditFold) = folds
        let decoded = try decodeAll(consume inputs, options: options, lateDigests: lateDigests)
        try checkRejectedLimit(decoded.summaries, limit: configuration.maxRejectedPercent)
        stageDone("decode")
        // A file not given (audits.csv is optional) folds nothing.
        let cases = LinkedCases(contactFold: decoded.contactFold ?? folds.contacts,
                                enquiryFold: decoded.enquiryFold ?? folds.enquiries,
                                conferenceFold: decoded.conferenceFold ?? folds.conferences,
                                auditFold: decoded.auditFold ?? folds.audits)
        stageDone("link")
        let kpis: [KPIResult]
        let exceptions: ExceptionLists
        do {
            let found = ConcurrentSlots<Result<ExceptionLists, CalendarError>>(count: 1)
            kpis = try engine.compute(cases, context: context) {
                do throws(CalendarError) {
                    found.set(0, .success(try ExceptionFinder.find(cases, context: context)))
                } catch {
                    found.set(0, .failure(error))
                }
            }
            exceptions = try found.take(0)!.get()
        } catch {
            throw .dataUnusable(error.description)
        }
        stageDone("compute")
        let result = RunResult(periods: context.periods, inputs: decoded.summaries, findings: decoded.findings,
                               kpis: kpis, exceptions: exceptions, calendarCoverage: calendar.coverage,
                               calendarSource: calendar.source)
        // Nothing reads the records again: they are freed on another core while the outputs are rendered.
        if let leftovers {
            leftovers.hold((consume cases, consume decoded))
        } else {
            BackgroundRelease.release((consume cases, consume decoded))
        }
        return result
    }

    /// Every file decoded, on all cores. Each file's header is read first (in parallel); then every part
    /// of every body (the larger files are cut in two) and the SHA-256 of every file not named in
    /// `lateDigests` are scheduled together, largest first, so both cores stay busy until the last part;
    /// then each file's parts are joined. Takes the inputs over: a file's bytes are freed as soon as its
    /// parts are decoded and hashed, before the parts are joined. The summaries of the files in
    /// `lateDigests` have an empty `sha256`, for the caller to fill in (`InputDigests`).
    public static func decodeAll(_ inputs: consuming [LoadedInput], options: DecodingOptions,
                                 lateDigests: Set<String> = []) throws(PathwayError) -> DecodedInputs {
        // A constant, so that the concurrent tasks below can read it; consumed once they have.
        let inputs = consume inputs
        let plans = ConcurrentSlots<Result<any DecodeJob, SchemaError>>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            plans.set(index, plan(inputs[index], options: options))
        }
        var jobs: [any DecodeJob] = []
        for index in inputs.indices {
            switch plans.get(index)! {
            case let .failure(error): throw .dataUnusable(error.description)
            case let .success(job): jobs.append(job)
            }
        }
        // (file, part) decodes a part; (file, nil) hashes the file. Hashing runs at about 1.3 GB/s, decoding
        // at a tenth of that: weigh the sizes accordingly.
        var tasks: [(file: Int, part: Int?, weight: Int)] = []
        // Each file's bytes, for its hash, until its last piece is done; with the plans' texts (the same
        // bytes, or their Windows-1252 re-encoding) the only references left once `inputs` is dropped.
        let raw = ConcurrentSlots<InputBytes>(count: inputs.count)
        let digests = ConcurrentSlots<String>(count: jobs.count)
        // Pieces (parts and the hash) of each file still to do. The task that does a file's last piece
        // joins that file at once, while the other core goes on with the other files' parts: joining the
        // halves of contacts.csv took a quarter of a second on one core with the other idle.
        let remaining = ConcurrentSlots<Int>(count: jobs.count)
        for (file, job) in jobs.enumerated() {
            let input = inputs[file]
            for part in 0..<job.partCount { tasks.append((file, part, job.size(ofPart: part))) }
            if lateDigests.contains(input.name) {
                digests.set(file, "")
                remaining.set(file, job.partCount)
            } else {
                tasks.append((file, nil, input.bytes.count / 10))
                raw.set(file, input.bytes)
                remaining.set(file, job.partCount + 1)
            }
        }
        tasks.sort { $0.weight != $1.weight ? $0.weight > $1.weight : ($0.file, $0.part ?? -1) < ($1.file, $1.part ?? -1) }
        _ = consume inputs
        let finished = ConcurrentSlots<DecodedAny>(count: jobs.count)
        let schedule = tasks, planned = jobs
        DispatchQueue.concurrentPerform(iterations: schedule.count) { task in
            let (file, part, _) = schedule[task]
            if let part {
                planned[file].decode(part: part)
            } else {
                digests.set(file, FileDigest.sha256Hex(raw.get(file)!))
            }
            let last = remaining.update(file) { left -> Bool in
                left! -= 1
                return left == 0
            }
            if last {
                _ = raw.take(file)
                finished.set(file, planned[file].finish(sha256: digests.get(file)!))
            }
        }
        var all = DecodedInputs()
        for file in jobs.indices { all.add(finished.get(file)!) }
        return all
    }

    private static func plan(_ input: LoadedInput, options: DecodingOptions) -> Result<any DecodeJob, SchemaError> {
        do throws(SchemaError) {
            switch input.file {
            case .contacts:
                return .success(try PlannedFile(Contact.self, input, options, DecodedAny.contacts))
            case .s47Enquiries:
                return .success(try PlannedFile(Section47Enquiry.self, input, options, DecodedAny.enquiries))
            case .conferences:
                return .success(try PlannedFile(ChildProtectionConference.self, input, options,
                                                DecodedAny.conferences))
            case .audits: return .success(try PlannedFile(CaseAudit.self, input, options, DecodedAny.audits))
            }
        } catch {
            return .failure(error)
        }
    }

    /// More rejected rows than the limit stops the run (exit 65) before any output is written.
    public static func checkRejectedLimit(_ summaries: [InputSummary], limit: Double) throws(PathwayError) {
        for summary in summaries.sorted(by: { CodePoint.less($0.file, $1.file) }) where summary.rejectedPercent > limit {
            let percent = String(format: "%.1f", summary.rejectedPercent)
            throw .dataUnusable("\(summary.file): \(summary.rejected) of \(summary.rows) rows (\(percent)%) were rejected, "
                + "more than the limit of \(limit.formatted(.number))%; run 'pathway validate' to see the findings")
        }
    }
}

/// One file's decoding, of any of the four kinds: its parts can be decoded on any thread, then joined.
protocol DecodeJob: Sendable {
    var partCount: Int { get }
    func size(ofPart part: Int) -> Int
    func decode(part: Int)
    func finish(sha256: String) -> DecodedAny
}

private final class PlannedFile<Record: DecodableRecord>: DecodeJob {
    /// The plan, in a slot so that `finish` can take it (and with it the file's text) out.
    let plan = ConcurrentSlots<FileDecoder.Plan<Record>>(count: 1)
    let parts: ConcurrentSlots<FileDecoder.Chunk<Record>>
    let partSizes: [Int]
    let wrap: @Sendable (DecodedFile<Record>) -> DecodedAny

    init(_: Record.Type, _ input: LoadedInput, _ options: DecodingOptions,
         _ wrap: @escaping @Sendable (DecodedFile<Record>) -> DecodedAny) throws(SchemaError) {
        let plan = try FileDecoder.Plan<Record>(raw: input.bytes, fileName: input.name, options: options,
                                                parallelThreshold: FileDecoder.minimumParallelBytes)
        parts = ConcurrentSlots(count: plan.partCount)
        partSizes = (0..<plan.partCount).map { plan.size(ofPart: $0) }
        self.plan.set(0, plan)
        self.wrap = wrap
    }

    var partCount: Int { partSizes.count }
    func size(ofPart part: Int) -> Int { partSizes[part] }
    func decode(part: Int) { parts.set(part, plan.get(0)!.decode(part: part)) }
    func finish(sha256: String) -> DecodedAny {
        // Both taken out of their slots: the parts so that joining them does not keep a second copy of
        // every record, the plan so that it can let go of the file's text before the join. The plan is
        // not bound to a local: a local kept the text (a mapped file, whose release the optimiser does not
        // move earlier) until the join was over, 50 ms later and at the run's peak memory.
        let parts = (0..<partCount).map { self.parts.take($0)! }
        return wrap(plan.take(0)!.finish(parts, sha256: sha256))
    }
}

/// One decoded file of any of the four kinds.
enum DecodedAny: Sendable {
    case contacts(DecodedFile<Contact>)
    case enquiries(DecodedFile<Section47Enquiry>)
    case conferences(DecodedFile<ChildProtectionConference>)
    case audits(DecodedFile<CaseAudit>)
}

/// The decode stage's result for all files.
public struct DecodedInputs: Sendable {
    /// The records of each file; a file folded as it was decoded (`DecodingOptions.contactFold` and so on)
    /// has what the fold kept instead, and no record.
    public var contacts: [Contact] = []
    public var contactFold: ContactFold?
    public var enquiries: [Section47Enquiry] = []
    public var enquiryFold: EnquiryFold?
    public var conferences: [ChildProtectionConference] = []
    public var conferenceFold: ConferenceFold?
    public var audits: [CaseAudit] = []
    public var auditFold: AuditFold?
    public var summaries: [InputSummary] = []
    public var findings: [Finding] = []

    mutating func add(_ file: DecodedAny) {
        switch file {
        case let .contacts(f): (contacts, contactFold) = (f.records, f.fold); addReport(f)
        case let .enquiries(f): (enquiries, enquiryFold) = (f.records, f.fold); addReport(f)
        case let .conferences(f): (conferences, conferenceFold) = (f.records, f.fold); addReport(f)
        case let .audits(f): (audits, auditFold) = (f.records, f.fold); addReport(f)
        }
    }

    /// The file's summary and findings.
    private mutating func addReport<Record>(_ file: DecodedFile<Record>) {
        summaries.append(file.summary)
        findings += file.findings
    }
}

