/// Every KPI of SPEC §4, declared once. Ids are the spec's and never change.
public enum KPICatalogue {
    public static let all: [KPIDefinition] = frontDoor + strategyAndSection47 + conferences + qualityAssurance

    public static func definition(_ id: String) -> KPIDefinition? { all.first { $0.id == id } }

    /// The England 2024-25 comparator label.
    static let england2425 = "England 2024-25"
}
