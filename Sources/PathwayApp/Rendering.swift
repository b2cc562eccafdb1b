#if canImport(Glibc)
import Glibc
#endif
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
        return [
            OutputFile(name: snapshotName, text: SnapshotRenderer.render(result)),
            OutputFile(name: findingsName, text: FindingsCSVRenderer.render(result.findings)),
            OutputFile(name: markdownName, text: MarkdownRenderer.render(dashboard)),
            OutputFile(name: workbookName, bytes: try workbook(dashboard, scratchFolder: scratchFolder)),
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
