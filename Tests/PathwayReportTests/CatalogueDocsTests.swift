import PathwayCore
import PathwayReport
import PathwayTestSupport
import Testing

@Suite("generated documentation")
struct CatalogueDocsTests {
    @Test("docs/KPIS.md is what `pathway kpis` prints (re-record with PATHWAY_RECORD_GOLDENS=1 or `make docs`)")
    func kpiCatalogueIsCurrent() throws {
        try Golden.check(CatalogueRenderer.render(KPICatalogue.all), against: "KPIS.md", directory: "../../docs")
    }

    @Test("every KPI appears once in the generated catalogue, under its area")
    func everyKPI() {
        let text = CatalogueRenderer.render(KPICatalogue.all)
        for kpi in KPICatalogue.all {
            #expect(text.components(separatedBy: "(`\(kpi.id)`)").count == 2, "\(kpi.id)")
        }
    }
}
