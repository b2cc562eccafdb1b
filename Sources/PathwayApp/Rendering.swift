import PathwayCore
import PathwayReport

/// The render stage: every output file of SPEC §5 from one result.
public enum Rendering {
    public static let snapshotName = "kpis.json"
    public static let findingsName = "data-quality.csv"
    public static let markdownName = MarkdownRenderer.fileName

    public static func render(_ result: RunResult, configuration: Configuration) throws(PathwayError) -> [OutputFile] {
        let dashboard = Dashboard(result: result, authority: configuration.authority,
                                  amberMargin: configuration.amberMargin)
        return [
            OutputFile(name: snapshotName, text: SnapshotRenderer.render(result)),
            OutputFile(name: findingsName, text: FindingsCSVRenderer.render(result.findings)),
            OutputFile(name: markdownName, text: MarkdownRenderer.render(dashboard)),
        ]
    }
}
