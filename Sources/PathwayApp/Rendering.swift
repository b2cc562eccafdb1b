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

    /// Every output. libxlsxwriter writes only to files, so the workbook goes through a temporary file
    /// in `scratchFolder` (the output folder, under the run lock) and is published with the others.
    public static func render(_ result: RunResult, configuration: Configuration,
                              scratchFolder: String) throws(PathwayError) -> [OutputFile] {
        let dashboard = Dashboard(result: result, authority: configuration.authority,
                                  amberMargin: configuration.amberMargin)
        // The workbook takes longest (zlib): it is written on one core while the text outputs are
        // rendered on the other. Each renderer is pure, so the files do not depend on the scheduling.
        let texts = ConcurrentSlots<String>(count: 3)
        let workbookBytes = ConcurrentSlots<Result<[UInt8], PathwayError>>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { task in
            if task == 0 {
                do throws(PathwayError) {
                    workbookBytes.set(0, .success(try workbook(dashboard, scratchFolder: scratchFolder)))
                } catch {
                    workbookBytes.set(0, .failure(error))
                }
            } else {
                texts.set(0, SnapshotRenderer.render(result))
                texts.set(1, FindingsCSVRenderer.render(result.findings))
                texts.set(2, MarkdownRenderer.render(dashboard))
            }
        }
        return [
            OutputFile(name: snapshotName, text: texts.get(0)!),
            OutputFile(name: findingsName, text: texts.get(1)!),
            OutputFile(name: markdownName, text: texts.get(2)!),
            OutputFile(name: workbookName, bytes: try workbookBytes.get(0)!.get()),
        ]
    }

    static func workbook(_ dashboard: Dashboard, scratchFolder: String) throws(PathwayError) -> [UInt8] {
        let path = scratchFolder + "/.render-\(getpid())-" + workbookName
        defer { unlink(path) }
        do {
            try FileSystem.makeDirectories(scratchFolder)
            try XLSXRenderer.render(dashboard, to: path)
            return try FileSystem.readFile(path)
        } catch let error as XLSXError {
            throw .outputFailed("cannot write \(workbookName): \(error)")
        } catch {
            throw .outputFailed("cannot write \(workbookName) in '\(scratchFolder)': \(error)")
        }
    }
}
