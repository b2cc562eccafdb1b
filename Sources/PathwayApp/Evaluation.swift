import Foundation
import PathwayCore

/// Decode and validate → link → compute, for inputs already in memory. Pure: no files, no clock.
public enum Evaluation {
    /// Takes the inputs over, so their bytes are freed as soon as they are decoded. `stageDone` is told
    /// when each stage ends ("decode", "link", "compute"), for timings.
    public static func evaluate(_ inputs: consuming [LoadedInput], asOf: Day, configuration: Configuration,
                                calendar: WorkingDayCalendar,
                                stageDone: (String) -> Void = { _ in }) throws(PathwayError) -> RunResult {
        let decoded = try decodeAll(inputs, options: configuration.decodingOptions)
        _ = consume inputs
        try checkRejectedLimit(decoded.summaries, limit: configuration.maxRejectedPercent)
        stageDone("decode")
        let cases = LinkedCases(contacts: decoded.contacts, enquiries: decoded.enquiries,
                                conferences: decoded.conferences, audits: decoded.audits)
        stageDone("link")
        let engine = KPIEngine(targetOverrides: configuration.targets, amberMargin: configuration.amberMargin)
        let context = KPIContext(asOf: asOf, calendar: calendar)
        let kpis: [KPIResult]
        let exceptions: ExceptionLists
        do {
            kpis = try engine.compute(cases, context: context)
            exceptions = try ExceptionFinder.find(cases, context: context)
        } catch {
            throw .dataUnusable(error.description)
        }
        stageDone("compute")
        return RunResult(periods: context.periods, inputs: decoded.summaries, findings: decoded.findings,
                         kpis: kpis, exceptions: exceptions, calendarCoverage: calendar.coverage,
                         calendarSource: calendar.source)
    }

    /// Every file decoded. The work is spread over the cores as separate tasks, largest first: each
    /// file's decoding and each file's SHA-256 (so hashing the largest file overlaps decoding it).
    public static func decodeAll(_ inputs: [LoadedInput], options: DecodingOptions) throws(PathwayError) -> DecodedInputs {
        let order = inputs.indices.sorted { inputs[$0].bytes.count > inputs[$1].bytes.count }
        let digests = ConcurrentSlots<String>(count: inputs.count)
        let decoded = ConcurrentSlots<Result<DecodedAny, SchemaError>>(count: inputs.count)
        // Tasks 0..<n hash, n..<2n decode; interleaved so the biggest file's two tasks start first.
        let tasks = order.flatMap { [($0, true), ($0, false)] }
        DispatchQueue.concurrentPerform(iterations: tasks.count) { task in
            let (index, hashing) = tasks[task]
            if hashing {
                digests.set(index, SHA256.hexDigest(inputs[index].bytes))
            } else {
                decoded.set(index, decode(inputs[index], options: options))
            }
        }
        var all = DecodedInputs()
        for index in inputs.indices {
            switch decoded.get(index) {
            case let .failure(error): throw .dataUnusable(error.description)
            case let .success(file): all.add(file.withDigest(digests.get(index)!))
            case nil: preconditionFailure("every input is decoded")
            }
        }
        return all
    }

    private static func decode(_ input: LoadedInput, options: DecodingOptions) -> Result<DecodedAny, SchemaError> {
        do throws(SchemaError) {
            switch input.file {
            case .contacts:
                return .success(.contacts(try FileDecoder.decode(Contact.self, raw: input.bytes, fileName: input.name, options: options, sha256: "", parallel: true)))
            case .s47Enquiries:
                return .success(.enquiries(try FileDecoder.decode(Section47Enquiry.self, raw: input.bytes, fileName: input.name, options: options, sha256: "", parallel: true)))
            case .conferences:
                return .success(.conferences(try FileDecoder.decode(ChildProtectionConference.self, raw: input.bytes, fileName: input.name, options: options, sha256: "", parallel: true)))
            case .audits:
                return .success(.audits(try FileDecoder.decode(CaseAudit.self, raw: input.bytes, fileName: input.name, options: options, sha256: "", parallel: true)))
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

/// One decoded file of any of the four kinds.
enum DecodedAny: Sendable {
    case contacts(DecodedFile<Contact>)
    case enquiries(DecodedFile<Section47Enquiry>)
    case conferences(DecodedFile<ChildProtectionConference>)
    case audits(DecodedFile<CaseAudit>)

    /// The same file with the digest computed by the hashing task.
    func withDigest(_ sha256: String) -> DecodedAny {
        switch self {
        case var .contacts(f): f.summary = f.summary.with(sha256: sha256); return .contacts(f)
        case var .enquiries(f): f.summary = f.summary.with(sha256: sha256); return .enquiries(f)
        case var .conferences(f): f.summary = f.summary.with(sha256: sha256); return .conferences(f)
        case var .audits(f): f.summary = f.summary.with(sha256: sha256); return .audits(f)
        }
    }
}

/// The decode stage's result for all files.
public struct DecodedInputs: Sendable {
    public var contacts: [Contact] = []
    public var enquiries: [Section47Enquiry] = []
    public var conferences: [ChildProtectionConference] = []
    public var audits: [CaseAudit] = []
    public var summaries: [InputSummary] = []
    public var findings: [Finding] = []

    mutating func add(_ file: DecodedAny) {
        switch file {
        case let .contacts(f): contacts = f.records; summaries.append(f.summary); findings += f.findings
        case let .enquiries(f): enquiries = f.records; summaries.append(f.summary); findings += f.findings
        case let .conferences(f): conferences = f.records; summaries.append(f.summary); findings += f.findings
        case let .audits(f): audits = f.records; summaries.append(f.summary); findings += f.findings
        }
    }
}

