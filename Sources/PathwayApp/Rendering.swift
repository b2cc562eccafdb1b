#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import PathwayCore
import PathwayReport

/// The render stage: every output file of SPEC §5 from one result.
public enum Rendering {
    public static let snapshotName = "kpis.json"
    public static let findingsName = "data-quality.csv"
    public static let markdownName = MarkdownRenderer.fileName
    public static let workbookName = "dashboard.xlsx"

    /// Every output, and the result with the input files' digests. libxlsxwriter writes only to files, so
    /// the workbook goes through a temporary file in `scratchFolder` (the output folder, under the run
    /// lock) and is published with the others.
    ///
    /// `leftovers` (the decoded records) are freed on the second core once it has taken the late digests
    /// and rendered the text outputs. (Freed on a third thread from the start, they slowed the digests
    /// down, and the workbook waited for them.)
    static func render(_ result: RunResult, digests: InputDigests, leftovers: DeferredRelease,
                       configuration: Configuration,
                       scratchFolder: String) throws(PathwayError) -> (files: [OutputFile], result: RunResult) {
        // Built before the late digest is taken: the workbook gets the digests through `lateInputs`, and
        // the Markdown shows none.
        let dashboard = Dashboard(result: result, authority: configuration.authority,
                                  amberMargin: configuration.amberMargin)
        // The workbook takes longest (zlib): it is written on one core while the other takes the input
        // files' digests (which the workbook's last sheet waits for, if it gets there first) and then
        // renders the text outputs. Each renderer is pure, so the files do not depend on the scheduling.
        let texts = ConcurrentSlots<String>(count: 3)
        let workbookBytes = ConcurrentSlots<Result<[UInt8], PathwayError>>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { task in
            if task == 0 {
                do throws(PathwayError) {
                    // When the digests cannot be taken, the workbook gets the summaries without them; it is
                    // thrown away below with the digests' error.
                    let bytes = try workbook(dashboard, scratchFolder: scratchFolder) {
                        (try? digests.complete(result.inputs).get()) ?? result.inputs
                    }
                    workbookBytes.set(0, .success(bytes))
                } catch {
                    workbookBytes.set(0, .failure(error))
                }
            } else {
                if case let .success(inputs) = digests.complete(result.inputs) {
                    texts.set(0, SnapshotRenderer.render(result.with(inputs: inputs)))
                    texts.set(1, FindingsCSVRenderer.render(result.findings))
                    texts.set(2, MarkdownRenderer.render(dashboard))
                }
                leftovers.release()
            }
        }
        let inputs = try digests.complete(result.inputs).get()
        let files = [
            OutputFile(name: snapshotName, text: texts.get(0)!),
            OutputFile(name: findingsName, text: texts.get(1)!),
            OutputFile(name: markdownName, text: texts.get(2)!),
            OutputFile(name: workbookName, bytes: try workbookBytes.get(0)!.get()),
        ]
        return (files, result.with(inputs: inputs))
    }

    /// `lateInputs`: the input summaries with their digests, asked for when the last sheet is written.
    static func workbook(_ dashboard: Dashboard, scratchFolder: String,
                         lateInputs: () -> [InputSummary]) throws(PathwayError) -> [UInt8] {
        let path = scratchFolder + "/.render-\(getpid())-" + workbookName
        defer { unlink(path) }
        do {
            try FileSystem.makeDirectories(scratchFolder)
            try XLSXRenderer.render(dashboard, to: path, lateInputs: lateInputs)
            return try FileSystem.readFile(path)
        } catch let error as XLSXError {
            throw .outputFailed("cannot write \(workbookName): \(error)")
        } catch {
            throw .outputFailed("cannot write \(workbookName) in '\(scratchFolder)': \(error)")
        }
    }
}
