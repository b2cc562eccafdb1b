import ArgumentParser
import PathwayCore
import PathwayReport

struct KPIs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpis",
        abstract: "Print the KPI catalogue: every KPI's id, title, direction, target and definition (Markdown)."
    )

    func run() throws {
        print(CatalogueRenderer.render(KPICatalogue.all), terminator: "")
    }
}
